package dev.pvit.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the exact output of every renderer for one, two and three people. */
class RenderersTest {
  private static final String PNG_1X1 =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==";

  private final LlavaConversationRenderer llava = LlavaConversationRenderer.create();
  private final OpenAiMessagesRenderer openAiNames =
      OpenAiMessagesRenderer.builder().imageMode(ImageMode.FILE_NAME).build();
  private final OllamaMessagesRenderer ollamaNames = OllamaMessagesRenderer.create(ImageMode.FILE_NAME);
  private final PlainTextRenderer text = PlainTextRenderer.create();

  @Test
  void llava_one_person_is_the_released_shape() {
    assertThat(llava.renderJson(Fixtures.onePerson()))
        .isEqualTo(
            "{\"image\":[\"alice.png\",\"party.png\"],\"conversations\":[{\"from\":\"human\","
                + "\"value\":\"<image>\\nThis is Alice.\\n<image>\\nWhat is Alice holding?\"}]}");
  }

  @Test
  void llava_two_people_with_answer_and_cnt() {
    LlavaRecord r = LlavaRecord.of(Fixtures.twoPeople()).withAnswer("A red cup.").withPeopleInScene(2);
    assertThat(llava.renderJson(r))
        .isEqualTo(
            "{\"image\":[\"alice.png\",\"bob.png\",\"party.png\"],\"cnt\":2,\"conversations\":["
                + "{\"from\":\"human\",\"value\":\"<image>\\nThis is Alice.\\n<image>\\nThis is Bob.\\n"
                + "<image>\\nWhat is Alice holding?\"},{\"from\":\"gpt\",\"value\":\"A red cup.\"}]}");
  }

  @Test
  void llava_three_people_with_tags_system_and_history() {
    assertThat(llava.renderJson(Fixtures.threePeople()))
        .isEqualTo(
            "{\"image\":[\"alice.png\",\"bob.png\",\"bob2.png\",\"zoe.png\",\"party.png\"],"
                + "\"conversations\":["
                + "{\"from\":\"human\",\"value\":\"You are helpful.\\n\\n<person>\\n<image>\\nThis is Alice.\\n</person>\\n"
                + "<person>\\n<image>\\n<image>\\nThis is Bob.\\n</person>\\n<person>\\n<image>\\n"
                + "This is Zoë.\\n</person>\\n<image>\\nIs Bob here?\"},"
                + "{\"from\":\"gpt\",\"value\":\"Yes, on the left.\"},"
                + "{\"from\":\"human\",\"value\":\"Who is next to Zoë?\"}]}");
  }

  @Test
  void llava_choice_shape() {
    LlavaRecord r =
        LlavaRecord.of(Fixtures.onePerson()).withShape(LlavaRecord.Shape.CHOICE).withAnswer("B");
    assertThat(llava.renderJson(r))
        .isEqualTo(
            "{\"image\":[\"alice.png\",\"party.png\"],\"text\":\"<image>\\nThis is Alice.\\n<image>\\n"
                + "What is Alice holding?\",\"value\":\"B\",\"mode\":\"choice\"}");
  }

  @Test
  void llava_inline_writes_data_urls() {
    ImageInput tiny = ImageResolver.placeholders().resolve("t.png");
    PersonalizedPrompt p =
        PersonalizedPrompt.builder().scene(tiny).question("How many people are there?").build();
    assertThat(LlavaConversationRenderer.create(ImageMode.INLINE).renderJson(p))
        .isEqualTo(
            "{\"image\":[\"data:image/png;base64," + PNG_1X1 + "\"],\"conversations\":[{\"from\":"
                + "\"human\",\"value\":\"<image>\\nHow many people are there?\"}]}");
  }

  @Test
  void openai_one_person() {
    assertThat(openAiNames.renderJson(Fixtures.onePerson()))
        .isEqualTo(
            "[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"alice.png\"}},"
                + "{\"type\":\"text\",\"text\":\"This is Alice.\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"party.png\"}},"
                + "{\"type\":\"text\",\"text\":\"What is Alice holding?\"}]}]");
  }

  @Test
  void openai_two_people_with_detail() {
    OpenAiMessagesRenderer r =
        OpenAiMessagesRenderer.builder().imageMode(ImageMode.FILE_NAME).detail("low").build();
    assertThat(r.renderJson(Fixtures.twoPeople()))
        .isEqualTo(
            "[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"alice.png\",\"detail\":\"low\"}},"
                + "{\"type\":\"text\",\"text\":\"This is Alice.\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"bob.png\",\"detail\":\"low\"}},"
                + "{\"type\":\"text\",\"text\":\"This is Bob.\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"party.png\",\"detail\":\"low\"}},"
                + "{\"type\":\"text\",\"text\":\"What is Alice holding?\"}]}]");
  }

  @Test
  void openai_three_people_with_tags_system_and_history() {
    assertThat(openAiNames.renderJson(Fixtures.threePeople()))
        .isEqualTo(
            "[{\"role\":\"system\",\"content\":\"You are helpful.\"},"
                + "{\"role\":\"user\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"<person>\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"alice.png\"}},"
                + "{\"type\":\"text\",\"text\":\"This is Alice.\\n</person>\\n<person>\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"bob.png\"}},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"bob2.png\"}},"
                + "{\"type\":\"text\",\"text\":\"This is Bob.\\n</person>\\n<person>\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"zoe.png\"}},"
                + "{\"type\":\"text\",\"text\":\"This is Zoë.\\n</person>\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"party.png\"}},"
                + "{\"type\":\"text\",\"text\":\"Is Bob here?\"}]},"
                + "{\"role\":\"assistant\",\"content\":\"Yes, on the left.\"},"
                + "{\"role\":\"user\",\"content\":\"Who is next to Zoë?\"}]");
  }

  @Test
  void openai_inline_uses_data_urls() {
    ImageInput tiny = ImageResolver.placeholders().resolve("t.png");
    PersonalizedPrompt p =
        PersonalizedPrompt.builder().person(Person.of("Ngọc", tiny)).scene(tiny).question("Is Ngọc here?").build();
    assertThat(OpenAiMessagesRenderer.create().renderJson(p))
        .isEqualTo(
            "[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64," + PNG_1X1 + "\"}},"
                + "{\"type\":\"text\",\"text\":\"This is Ngọc.\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64," + PNG_1X1 + "\"}},"
                + "{\"type\":\"text\",\"text\":\"Is Ngọc here?\"}]}]");
  }

  @Test
  void ollama_one_person() {
    assertThat(ollamaNames.renderJson(Fixtures.onePerson()))
        .isEqualTo(
            "[{\"role\":\"user\",\"content\":\"Image 1 is Alice. Image 2 is the scene.\\n"
                + "What is Alice holding?\",\"images\":[\"alice.png\",\"party.png\"]}]");
  }

  @Test
  void ollama_two_people_inline_base64() {
    ImageInput tiny = ImageResolver.placeholders().resolve("t.png");
    PersonalizedPrompt p =
        PersonalizedPrompt.builder()
            .person(Person.of("Alice", tiny))
            .person(Person.of("Bob", tiny))
            .scene(tiny)
            .question("What is Alice holding?")
            .build();
    assertThat(OllamaMessagesRenderer.create().renderJson(p))
        .isEqualTo(
            "[{\"role\":\"user\",\"content\":\"Image 1 is Alice. Image 2 is Bob. Image 3 is the scene.\\n"
                + "What is Alice holding?\",\"images\":[\"" + PNG_1X1 + "\",\"" + PNG_1X1 + "\",\""
                + PNG_1X1 + "\"]}]");
  }

  @Test
  void ollama_three_people_with_tags_system_and_history() {
    assertThat(ollamaNames.renderJson(Fixtures.threePeople()))
        .isEqualTo(
            "[{\"role\":\"system\",\"content\":\"You are helpful.\"},"
                + "{\"role\":\"user\",\"content\":\"<person>Image 1 is Alice.</person> "
                + "<person>Images 2 and 3 are Bob.</person> <person>Image 4 is Zoë.</person> "
                + "Image 5 is the scene.\\nIs Bob here?\","
                + "\"images\":[\"alice.png\",\"bob.png\",\"bob2.png\",\"zoe.png\",\"party.png\"]},"
                + "{\"role\":\"assistant\",\"content\":\"Yes, on the left.\"},"
                + "{\"role\":\"user\",\"content\":\"Who is next to Zoë?\"}]");
  }

  @Test
  void ollama_binding_for_several_scenes() {
    PersonalizedPrompt p =
        PersonalizedPrompt.builder()
            .person(Fixtures.bobTwoImages())
            .scene(Fixtures.PARTY)
            .scene(Fixtures.ALICE)
            .scene(Fixtures.ZOE)
            .question("Is Bob in any of them?")
            .build();
    assertThat(OllamaMessagesRenderer.bindingText(p))
        .isEqualTo("Images 1 and 2 are Bob. Images 3, 4 and 5 are the scenes.");
  }

  @Test
  void text_one_person() {
    TextPrompt t = text.render(Fixtures.onePerson());
    assertThat(t.text()).isEqualTo("<image>\nThis is Alice.\n<image>\nWhat is Alice holding?");
    assertThat(t.images()).containsExactly(Fixtures.ALICE, Fixtures.PARTY);
  }

  @Test
  void text_two_people_with_qwen_placeholder() {
    PersonalizedPrompt p =
        Fixtures.twoPeople().toBuilder().imagePlaceholder(ImagePlaceholder.QWEN_VL).build();
    TextPrompt t = text.render(p);
    String img = "<|vision_start|><|image_pad|><|vision_end|>";
    assertThat(t.text())
        .isEqualTo(img + "\nThis is Alice.\n" + img + "\nThis is Bob.\n" + img + "\nWhat is Alice holding?");
    assertThat(t.images()).containsExactly(Fixtures.ALICE, Fixtures.BOB, Fixtures.PARTY);
  }

  @Test
  void text_three_people_with_tags_system_and_history() {
    TextPrompt t = text.render(Fixtures.threePeople());
    assertThat(t.text())
        .isEqualTo(
            "You are helpful.\n\nUSER: <person>\n<image>\nThis is Alice.\n</person>\n<person>\n<image>\n"
                + "<image>\nThis is Bob.\n</person>\n<person>\n<image>\nThis is Zoë.\n</person>\n<image>\n"
                + "Is Bob here?\nASSISTANT: Yes, on the left.\nUSER: Who is next to Zoë?\nASSISTANT:");
    assertThat(t.images())
        .containsExactly(Fixtures.ALICE, Fixtures.BOB, Fixtures.BOB2, Fixtures.ZOE, Fixtures.PARTY);
  }

  @Test
  void segments_are_the_canonical_interleaving() {
    List<PromptSegment> s = Fixtures.twoPeople().segments();
    assertThat(s).hasSize(6);
    assertThat(s.get(0)).isEqualTo(new PromptSegment.Image(Fixtures.ALICE, ImageRole.reference(Fixtures.alice())));
    assertThat(s.get(1)).isEqualTo(new PromptSegment.Text("This is Alice."));
    assertThat(((PromptSegment.Image) s.get(2)).role().person().name()).isEqualTo("Bob");
    assertThat(((PromptSegment.Image) s.get(4)).role().isScene()).isTrue();
    assertThat(s.get(5)).isEqualTo(new PromptSegment.Text("What is Alice holding?"));
  }

  @Test
  void messages_put_history_between_prefix_and_question() {
    List<PromptMessage> m = Fixtures.threePeople().messages();
    assertThat(m).extracting(PromptMessage::role)
        .containsExactly(
            PromptMessage.Role.SYSTEM, PromptMessage.Role.USER, PromptMessage.Role.ASSISTANT,
            PromptMessage.Role.USER);
    assertThat(m.get(1).hasImages()).isTrue();
    assertThat(m.get(3).text()).isEqualTo("Who is next to Zoë?");
  }
}
