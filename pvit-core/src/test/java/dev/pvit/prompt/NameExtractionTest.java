package dev.pvit.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.pipeline.dataset.NamePool;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names from introductions the parser has no template for: the release's, ours and unseen ones. */
class NameExtractionTest {
  private static final List<String> OWN_NAMES =
      List.of("Mary Ann", "Jean-Luc", "O'Brien", "Zoë", "李雷", "Ngọc", "Hope", "Will", "Grace", "Summer",
          "Ludwig van Beethoven", "Anne Marie Smith", "Chris");
  private final LlavaConversationParser parser = LlavaConversationParser.create();

  @Test
  void every_release_introduction_with_every_release_name_gives_that_name() {
    Set<String> templates = new LinkedHashSet<>(ReleaseFixtures.strings("intro-face.json"));
    templates.addAll(ReleaseFixtures.strings("intro-person.json"));
    List<String> names = new ArrayList<>(ReleaseFixtures.strings("name.json"));
    assertThat(templates).hasSize(49);
    assertThat(names).hasSize(621);
    names.addAll(OWN_NAMES);
    List<String> wrong = new ArrayList<>();
    for (String t : templates) {
      for (String name : names) {
        String name2 = names.get((names.indexOf(name) + 7) % names.size());
        String record = record(t.replace("{name}", name), "What is " + name + " doing?");
        try {
          List<String> got = names(record);
          if (!got.equals(List.of(name))) {
            wrong.add(t + " / " + name + " -> " + got);
          }
        } catch (InvalidPromptException e) {
          wrong.add(t + " / " + name + " -> " + e.getMessage());
        }
        if (!name.equals(name2) && names.indexOf(name) % 5 == 0) {
          // two people, the question mentioning neither: the sentence alone must decide
          String two = Fixtures.llavaRecord(
              t.replace("{name}", name) + "\n" + t.replace("{name}", name2) + "\n<image>\nWho is on the left?");
          try {
            List<String> got = names(two);
            if (!got.equals(List.of(name, name2))) {
              wrong.add(t + " / " + name + "+" + name2 + " -> " + got);
            }
          } catch (InvalidPromptException e) {
            wrong.add(t + " / " + name + "+" + name2 + " -> " + e.getMessage());
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void own_templates_give_the_name() {
    List<String> wrong = new ArrayList<>();
    for (IntroStyle style : IntroStyle.values()) {
      for (String t : Templates.introductions(style)) {
        for (String name : OWN_NAMES) {
          List<String> got = names(record("<image>\n" + t.replace("{name}", name), "Where is " + name + "?"));
          if (!got.equals(List.of(name))) {
            wrong.add(t + " / " + name + " -> " + got);
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void every_pipeline_name_in_every_own_template_gives_that_name_from_the_sentence_alone() {
    List<String> wrong = new ArrayList<>();
    for (IntroStyle style : IntroStyle.values()) {
      for (String t : Templates.introductions(style)) {
        for (String name : NamePool.builtIn().names()) {
          try {
            List<String> got = names(record("<image>\n" + t.replace("{name}", name), "Describe the scene."));
            if (!got.equals(List.of(name))) {
              wrong.add(t + " / " + name + " -> " + got);
            }
          } catch (InvalidPromptException e) {
            wrong.add(t + " / " + name + " -> " + e.getMessage());
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Meet {name}.", "The person pictured is {name}.", "Say hello to {name}!", "{name} is shown here.",
        "Here we have {name} in a selfie.", "This portrait was taken of {name}.", "Pictured: {name}.",
        "This is my friend {name}.", "Everyone, meet {name}.", "The woman in this headshot is {name}.",
        "A photo of {name}.", "{name}, in a close-up.", "This picture is of {name}.",
        "Introducing {name}.", "This is a selfie of {name}.", "The man shown here is {name}."
      })
  void unseen_introductions_give_the_name(String template) {
    for (String name : List.of("Kristina", "Mary Ann", "Jean-Luc", "O'Brien", "Hope")) {
      assertThat(names(record("<image>\n" + template.replace("{name}", name), "What is " + name + " wearing?")))
          .as(template + " / " + name)
          .containsExactly(name);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Behold the picture.", "This is a photo.", "Here is a snapshot featuring.", "Look!"})
  void sentences_without_a_name_are_errors_naming_the_sentence(String intro) {
    assertThatThrownBy(() -> names(record("<image>\n" + intro, "Who is it?")))
        .isInstanceOf(InvalidPromptException.class)
        .hasMessageContaining(intro.replaceAll("[.!]$", ""));
  }

  @Test
  void a_sentence_opening_word_is_never_the_name() {
    assertThat(names(record("<image>\nThis is a photo featuring Abby.", "Where?"))).containsExactly("Abby");
    assertThat(names(record("<image>\nHere is a snapshot featuring Abby.", "Where?"))).containsExactly("Abby");
    assertThat(names(record("<image>\nThis is Abby's portrait.", "Where?"))).containsExactly("Abby");
  }

  @Test
  void a_name_mixed_with_other_words_needs_the_record_to_decide() {
    assertThat(names(record("<image>\nThis is Kristina smiling.", "What is Kristina holding?")))
        .containsExactly("Kristina");
    assertThatThrownBy(() -> names(record("<image>\nThis is Kristina smiling.", "Who is on the left?")))
        .isInstanceOf(InvalidPromptException.class)
        .hasMessageContaining("This is Kristina smiling");
  }

  private List<String> names(String json) {
    return parser.parse(json).prompt().people().stream().map(p -> p.person().name()).toList();
  }

  private static String record(String intro, String question) {
    return Fixtures.llavaRecord(intro + "\n<image>\n" + question);
  }
}
