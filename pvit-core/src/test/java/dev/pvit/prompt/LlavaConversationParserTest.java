package dev.pvit.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.image.ImageInput;
import dev.pvit.image.InvalidImageException;
import dev.pvit.prompt.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlavaConversationParserTest {
  private final LlavaConversationParser parser = LlavaConversationParser.create();
  private final LlavaConversationRenderer renderer = LlavaConversationRenderer.create();

  private static String sample() throws IOException {
    try (InputStream in = LlavaConversationParserTest.class.getResourceAsStream("/prompt/pvit3m-sample.jsonl")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void released_shape_sample_re_renders_unchanged() throws IOException {
    List<String> lines = sample().lines().toList();
    List<LlavaRecord> records = parser.parseJsonl(new StringReader(sample()));
    assertThat(records).hasSize(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      assertThat(renderer.renderJson(records.get(i))).isEqualTo(lines.get(i));
    }
  }

  @Test
  void streams_jsonl_records() throws IOException {
    List<LlavaRecord> seen = new ArrayList<>();
    long n = parser.parseJsonl(new StringReader(sample()), seen::add);
    assertThat(n).isEqualTo(5);
    assertThat(seen).isEqualTo(parser.parseJsonl(new StringReader(sample())));
  }

  @Test
  void sample_is_read_into_people_answers_and_counts() throws IOException {
    List<LlavaRecord> r = parser.parseJsonl(new StringReader(sample()));
    assertThat(r.get(0).prompt().people()).extracting(PromptPerson::name).containsExactly("Mateo");
    assertThat(r.get(0).prompt().scenes()).extracting(ImageInput::name).containsExactly("scenes/coco_000000139.jpg");
    assertThat(r.get(0).peopleInScene()).hasValue(2);
    assertThat(r.get(1).prompt().people()).extracting(PromptPerson::name).containsExactly("Priya", "Jonas");
    assertThat(RefusalClassifier.create().classify(r.get(1).answer().orElseThrow(), "Hana"))
        .isEqualTo(RefusalKind.UNKNOWN);
    PersonalizedPrompt three = r.get(2).prompt();
    assertThat(three.people()).extracting(PromptPerson::name).containsExactly("Zoë", "李雷", "Ngọc");
    assertThat(three.history()).containsExactly(new Exchange("Who is standing between Zoë and Ngọc?", "李雷 is standing between them."));
    assertThat(three.question()).isEqualTo("Is 李雷 holding anything?");
    assertThat(r.get(2).answer()).hasValue("Yes, he is holding an umbrella.");
    assertThat(r.get(3).prompt().people().get(0).name()).isEqualTo("Amara");
    assertThat(r.get(3).extraFields()).containsOnlyKeys("id");
    LlavaRecord choice = r.get(4);
    assertThat(choice.shape()).isEqualTo(LlavaRecord.Shape.CHOICE);
    assertThat(choice.prompt().people().get(0).name()).isEqualTo("Tomas");
    assertThat(choice.prompt().question()).endsWith("D. nothing");
    assertThat(choice.answer()).hasValue("B");
  }

  @Test
  void renders_parse_back_for_every_fixture() {
    Map<String, ImageInput> images =
        Map.of("alice.png", Fixtures.ALICE, "bob.png", Fixtures.BOB, "bob2.png", Fixtures.BOB2,
            "zoe.png", Fixtures.ZOE, "party.png", Fixtures.PARTY);
    for (PersonalizedPrompt p : List.of(Fixtures.onePerson(), Fixtures.twoPeople())) {
      LlavaRecord r = LlavaRecord.of(p).withAnswer("Yes.").withPeopleInScene(3);
      LlavaConversationParser exact = LlavaConversationParser.builder().imageResolver(ImageResolver.of(images)).build();
      assertThat(exact.parse(renderer.renderJson(r))).isEqualTo(r);
    }
    LlavaConversationParser tagged =
        LlavaConversationParser.builder()
            .imageResolver(ImageResolver.of(images))
            .wrapperTokens(WrapperTokens.PERSON_TAGS)
            .build();
    PersonalizedPrompt three = Fixtures.threePeople();
    assertThat(tagged.parse(renderer.renderJson(three)).prompt()).isEqualTo(three);
  }

  @Test
  void heuristic_finds_names_in_foreign_wordings() {
    for (String[] c :
        new String[][] {
          {"This is a photo of Kristina.", "Kristina"},
          {"Here is Kristina in a photo.", "Kristina"},
          {"This headshot captures Travis.", "Travis"},
          {"Kristina appears in this crop.", "Kristina"},
          {"A portrait of Mary Ann.", "Mary Ann"}
        }) {
      String json =
          "{\"image\":[\"a.jpg\",\"b.jpg\"],\"conversations\":[{\"from\":\"human\",\"value\":\"<image>\\n"
              + c[0] + "\\n<image>\\nWho?\"}]}";
      assertThat(parser.parse(json).prompt().people().get(0).name()).as(c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void most_specific_template_wins() {
    String json =
        "{\"image\":[\"a.jpg\",\"b.jpg\"],\"conversations\":[{\"from\":\"human\",\"value\":\"<image>\\n"
            + "This is Alice, up close.\\n<image>\\nWho?\"}]}";
    assertThat(parser.parse(json).prompt().people().get(0).name()).isEqualTo("Alice");
  }

  @Test
  void custom_name_extractor_is_tried_first() {
    LlavaConversationParser custom =
        LlavaConversationParser.builder().nameExtractor(s -> s.startsWith("~") ? Optional.of(s.substring(1)) : Optional.empty()).build();
    String json =
        "{\"image\":[\"a.jpg\",\"b.jpg\"],\"conversations\":[{\"from\":\"human\",\"value\":\"<image>\\n~bob\\n<image>\\nWho?\"}]}";
    assertThat(custom.parse(json).prompt().people().get(0).name()).isEqualTo("bob");
  }

  @Test
  void reads_images_from_a_directory(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("root");
    Files.createDirectories(dir.resolve("faces"));
    Files.write(dir.resolve("faces/a.png"), Fixtures.ALICE.bytes());
    Files.write(dir.resolve("s.png"), Fixtures.PARTY.bytes());
    Files.write(tmp.resolve("outside.png"), Fixtures.PARTY.bytes());
    LlavaConversationParser p = LlavaConversationParser.builder().imageResolver(ImageResolver.directory(dir)).build();
    String json =
        "{\"image\":[\"faces/a.png\",\"s.png\"],\"conversations\":[{\"from\":\"human\",\"value\":\"<image>\\nThis is Alice.\\n<image>\\nWho?\"}]}";
    LlavaRecord r = p.parse(json);
    assertThat(r.prompt().images()).containsExactly(Fixtures.ALICE, Fixtures.PARTY);
    assertThat(renderer.renderJson(r)).isEqualTo(json);
    assertThatThrownBy(() -> p.parse(json.replace("s.png", "missing.png")))
        .isInstanceOf(InvalidImageException.class)
        .hasMessageContaining("missing.png");
    assertThatThrownBy(() -> p.parse(json.replace("s.png", "../outside.png")))
        .isInstanceOf(InvalidImageException.class)
        .hasMessageContaining("outside");
    assertThatThrownBy(() -> p.parse(json.replace("s.png", tmp.resolve("outside.png").toString())))
        .isInstanceOf(InvalidImageException.class)
        .hasMessageContaining("outside");
  }

  @Test
  void inline_data_urls_are_decoded() {
    String json = LlavaConversationRenderer.create(ImageMode.INLINE).renderJson(Fixtures.onePerson());
    LlavaRecord r = parser.parse(json);
    assertThat(r.prompt().images()).containsExactly(Fixtures.ALICE, Fixtures.PARTY);
  }

  @Test
  void rejects_malformed_records_with_clear_messages() {
    String ok = "{\"image\":[\"a.jpg\",\"b.jpg\"],\"conversations\":[{\"from\":\"human\",\"value\":\"<image>\\nThis is Al.\\n<image>\\nWho?\"}]}";
    assertThat(parser.parse(ok).prompt().people()).hasSize(1);
    assertThatThrownBy(() -> parser.parse("{not json"))
        .isInstanceOf(InvalidPromptException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> parser.parse(ok.replace("[\"a.jpg\",\"b.jpg\"]", "[\"a.jpg\"]")))
        .hasMessageContaining("2 image placeholder(s)").hasMessageContaining("1 entries");
    assertThatThrownBy(() -> parser.parse("{\"conversations\":[]}")).hasMessageContaining("non-empty array");
    assertThatThrownBy(() -> parser.parse("{\"conversations\":[{\"from\":\"human\",\"value\":\"Hi\"}]}"))
        .hasMessageContaining("no image").hasMessageContaining("LlavaDataset");
    assertThatThrownBy(() -> parser.parse(ok.replace("\"human\"", "\"gpt\"")))
        .hasMessageContaining("'human' was expected");
    assertThatThrownBy(() -> parser.parse(ok.replace("<image>\\nWho?", "<image>")))
        .hasMessageContaining("last introduction and the question on separate lines");
    // the scene after the question, as the release also writes it
    LlavaRecord late = parser.parse(ok.replace("This is Al.\\n<image>\\nWho?", "This is Al.\\nWho is Al?\\n<image>"));
    assertThat(late.prompt().people().get(0).name()).isEqualTo("Al");
    assertThat(late.prompt().question()).isEqualTo("Who is Al?");
    assertThatThrownBy(() -> parser.parse(ok.replace("This is Al.", "hmm")))
        .hasMessageContaining("Cannot find the name of person 1");
    assertThatThrownBy(() -> parser.parse(ok.replace("Who?", "Who? USER: hi")))
        .hasMessageContaining("reserved prompt token 'USER:'");
    assertThatThrownBy(() -> parser.parse("{\"image\":[],\"foo\":1}")).hasMessageContaining("neither");
    assertThatThrownBy(() -> parser.parseJsonl(new StringReader(ok + "\n\n{bad")))
        .hasMessageStartingWith("Line 3:");
  }

  @Test
  void tagged_parser_requires_tags() {
    LlavaConversationParser tagged = LlavaConversationParser.builder().wrapperTokens(WrapperTokens.PERSON_TAGS).build();
    String untagged = renderer.renderJson(Fixtures.onePerson());
    assertThatThrownBy(() -> tagged.parse(untagged)).hasMessageContaining("not wrapped");
  }

  @Test
  void extra_fields_cannot_shadow_standard_fields() {
    assertThatThrownBy(
            () -> LlavaRecord.of(Fixtures.onePerson()).withExtraFields(Map.of("image", Json.NODES.textNode("x"))))
        .isInstanceOf(InvalidPromptException.class);
  }
}
