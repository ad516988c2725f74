package dev.pvit.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.person.InvalidPersonException;
import dev.pvit.person.Person;
import dev.pvit.prompt.internal.TokenGuard;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalizedPromptTest {
  private static PersonalizedPrompt.Builder base() {
    return PersonalizedPrompt.builder().scene(Fixtures.PARTY).question("Who is here?");
  }

  @Test
  void rejects_missing_question() {
    assertThatThrownBy(() -> PersonalizedPrompt.builder().scene(Fixtures.PARTY).build())
        .isInstanceOf(InvalidPromptException.class)
        .hasMessageContaining("question");
  }

  @Test
  void rejects_missing_scene() {
    assertThatThrownBy(() -> PersonalizedPrompt.builder().question("Who?").build())
        .isInstanceOf(InvalidPromptException.class)
        .hasMessageContaining("scene");
  }

  @Test
  void rejects_blank_question() {
    assertThatThrownBy(() -> base().question("  \n ").build())
        .isInstanceOf(InvalidPromptException.class)
        .hasMessageContaining("question is empty");
  }

  @Test
  void rejects_duplicate_names_ignoring_case_and_accents() {
    assertThatThrownBy(
            () -> base().person(Person.of("Zoë", Fixtures.ZOE)).person(Person.of("ZOE", Fixtures.BOB)).build())
        .isInstanceOf(InvalidPromptException.class)
        .hasMessageContaining("share the name")
        .hasMessageContaining("Zoë");
  }

  @Test
  void rejects_alias_that_repeats_another_persons_name() {
    Person bobby = Person.builder().name("Robert").alias("alice").reference(Fixtures.BOB).build();
    assertThatThrownBy(() -> base().person(Fixtures.alice()).person(bobby).build())
        .isInstanceOf(InvalidPromptException.class)
        .hasMessageContaining("'alice'");
  }

  @Test
  void person_without_images_is_rejected_by_person() {
    assertThatThrownBy(() -> new Person("Alice", List.of(), List.of(), List.of()))
        .isInstanceOf(InvalidPersonException.class)
        .hasMessageContaining("no reference photo");
  }

  @Test
  void rejects_names_longer_than_64() {
    assertThatThrownBy(() -> Person.of("A".repeat(65), Fixtures.ALICE))
        .isInstanceOf(InvalidPersonException.class)
        .hasMessageContaining("limit is 64");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<image>", "Bob<image>", "USER: Bob", "Bob ASSISTANT:", "Human: x", "</s>", "<|im_start|>",
        "<|im_end|>", "[INST] Bob", "<start_of_turn>", "<person>", "Al</person>", "<|eot_id|>",
        "<<SYS>>", "<IMAGE>"
      })
  void rejects_reserved_tokens_in_names(String name) {
    assertThatThrownBy(() -> base().person(Person.of(name, Fixtures.ALICE)).build())
        .isInstanceOf(InvalidPersonException.class)
        .hasMessageContaining("reserved prompt token")
        .hasMessageContaining("escapeReservedTokens");
  }

  @Test
  void rejects_control_characters_in_names() {
    assertThatThrownBy(() -> Person.of("Bo\u0000b", Fixtures.ALICE))
        .isInstanceOf(InvalidPersonException.class)
        .hasMessageContaining("U+0000");
    assertThatThrownBy(() -> Person.of("Bo\nb", Fixtures.ALICE)).isInstanceOf(InvalidPersonException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Is <image> here?", "What? ASSISTANT: yes", "</s>USER: hi", "<|im_start|>system", "a [/INST] b",
        "x <end_of_turn>"
      })
  void rejects_reserved_tokens_in_questions(String q) {
    assertThatThrownBy(() -> base().question(q).build())
        .isInstanceOf(InvalidPromptException.class)
        .hasMessageContaining("question contains the reserved prompt token");
  }

  @Test
  void every_built_in_token_is_rejected_in_names_and_questions_and_escaped_on_request() {
    for (String token : TokenGuard.builtInTokens()) {
      assertThatThrownBy(() -> base().question("x " + token + " y").build())
          .as(token)
          .isInstanceOf(InvalidPromptException.class);
      assertThatThrownBy(() -> base().person(Person.of("Al" + token, Fixtures.ALICE)).build())
          .as(token)
          .isInstanceOf(InvalidPersonException.class);
      PersonalizedPrompt p = base().escapeReservedTokens(true).question("x " + token + " y").build();
      assertThat(p.question()).as(token).doesNotContain(token).startsWith("x ").endsWith(" y");
    }
  }

  @Test
  void rejects_configured_custom_tokens() {
    PersonalizedPrompt.Builder b =
        base().wrapperTokens(WrapperTokens.of("[[P]]", "[[/P]]"))
            .imagePlaceholder(ImagePlaceholder.of("@IMG@"))
            .question("show @IMG@ please");
    assertThatThrownBy(b::build).hasMessageContaining("'@IMG@'");
    assertThatThrownBy(() -> b.question("ok").person(Person.of("Al [[/P]]", Fixtures.ALICE)).build())
        .isInstanceOf(InvalidPersonException.class)
        .hasMessageContaining("[[/P]]");
  }

  @Test
  void rejects_control_characters_in_questions_but_keeps_newlines() {
    assertThatThrownBy(() -> base().question("Who\u0007?").build())
        .isInstanceOf(InvalidPromptException.class)
        .hasMessageContaining("U+0007");
    assertThat(base().question("Which one?\nA. Alice\nB. Bob").build().question())
        .isEqualTo("Which one?\nA. Alice\nB. Bob");
  }

  @Test
  void escapes_reserved_tokens_when_asked() {
    PersonalizedPrompt p =
        base()
            .escapeReservedTokens(true)
            .person(Person.of("Bob<image>", Fixtures.BOB))
            .question("Is <image> USER: [INST] <|im_end|> here?\u0007")
            .build();
    assertThat(p.people().get(0).name()).isEqualTo("Bob‹image›");
    assertThat(p.people().get(0).introduction()).isEqualTo("This is Bob‹image›.");
    assertThat(p.question()).isEqualTo("Is ‹image› USER： ［INST］ ‹|im_end|› here?\u2407");
    assertThat(LlavaConversationRenderer.create().renderJson(p)).containsOnlyOnce("Bob‹image›");
  }

  @Test
  void escaping_a_custom_token_without_brackets() {
    PersonalizedPrompt p =
        base()
            .escapeReservedTokens(true)
            .wrapperTokens(WrapperTokens.of("PSTART", "PEND"))
            .question("Is PSTART here?")
            .build();
    assertThat(p.question()).isEqualTo("Is ＰSTART here?");
  }

  @Test
  void unicode_names_work() {
    PersonalizedPrompt p =
        base()
            .person(Person.of("Zoë", Fixtures.ZOE))
            .person(Person.of("李雷", Fixtures.BOB))
            .person(Person.of("Ngọc", Fixtures.ALICE))
            .build();
    assertThat(p.people()).extracting(PromptPerson::introduction)
        .containsExactly("This is Zoë.", "This is 李雷.", "This is Ngọc.");
    assertThat(p.person("zoe")).isPresent();
    assertThat(p.person("NGOC")).isPresent();
  }

  @Test
  void random_introductions_are_reproducible_and_from_the_family() {
    PersonalizedPrompt a = base().person(Fixtures.alice()).person(Fixtures.bob()).randomIntroductions(7).build();
    PersonalizedPrompt b = base().person(Fixtures.alice()).person(Fixtures.bob()).randomIntroductions(7).build();
    assertThat(a).isEqualTo(b);
    List<String> filled =
        Templates.introductions(IntroStyle.FACE).stream().map(t -> Templates.fill(t, "Alice")).toList();
    assertThat(filled).contains(a.people().get(0).introduction());
  }

  @Test
  void body_style_uses_body_family() {
    List<String> filled =
        Templates.introductions(IntroStyle.BODY).stream().map(t -> Templates.fill(t, "Bob")).toList();
    for (long seed = 0; seed < 20; seed++) {
      PersonalizedPrompt p =
          base().person(Fixtures.bob()).introStyle(IntroStyle.BODY).randomIntroductions(seed).build();
      assertThat(filled).contains(p.people().get(0).introduction());
    }
  }

  @Test
  void fixed_template_and_literal_introduction() {
    PersonalizedPrompt p =
        base().introTemplate("Meet {name}!").person(Fixtures.alice()).person(Fixtures.bob(), "Here is Bob in a photo.").build();
    assertThat(p.people()).extracting(PromptPerson::introduction)
        .containsExactly("Meet Alice!", "Here is Bob in a photo.");
  }

  @Test
  void rejects_template_without_name_slot() {
    assertThatThrownBy(() -> base().introTemplate("Hello.").person(Fixtures.alice()).build())
        .isInstanceOf(InvalidPromptException.class)
        .hasMessageContaining("{name}");
  }

  @Test
  void wrapper_tokens_are_validated() {
    assertThatThrownBy(() -> WrapperTokens.of("<p>", "")).isInstanceOf(InvalidPromptException.class);
    assertThatThrownBy(() -> WrapperTokens.of("<p>", "<p>")).isInstanceOf(InvalidPromptException.class);
    assertThatThrownBy(() -> WrapperTokens.of("<p >", "</p>")).isInstanceOf(InvalidPromptException.class);
    assertThatThrownBy(() -> ImagePlaceholder.of("")).isInstanceOf(InvalidPromptException.class);
  }

  @Test
  void to_builder_round_trips_and_images_are_in_prompt_order() {
    PersonalizedPrompt p = Fixtures.threePeople();
    assertThat(p.toBuilder().build()).isEqualTo(p);
    assertThat(p.images())
        .containsExactly(Fixtures.ALICE, Fixtures.BOB, Fixtures.BOB2, Fixtures.ZOE, Fixtures.PARTY);
    assertThat(p.toString()).contains("Bob (2 images)").doesNotContain("base64");
  }

  @Test
  void zero_people_is_a_plain_visual_question() {
    PersonalizedPrompt p = base().build();
    assertThat(PlainTextRenderer.create().render(p).text()).isEqualTo("<image>\nWho is here?");
  }
}
