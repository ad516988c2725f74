package dev.pvit.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.prompt.internal.TokenGuard;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TemplatesTest {
  private static Stream<String> all() {
    return Stream.of(
            Templates.introductions(IntroStyle.FACE),
            Templates.introductions(IntroStyle.BODY),
            Templates.absentRefusals(),
            Templates.unknownRefusals())
        .flatMap(List::stream);
  }

  @Test
  void families_are_large_enough() {
    assertThat(Templates.introductions(IntroStyle.FACE)).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates();
    assertThat(Templates.introductions(IntroStyle.BODY)).hasSizeGreaterThanOrEqualTo(20).doesNotHaveDuplicates();
    assertThat(Templates.absentRefusals()).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates();
    assertThat(Templates.unknownRefusals()).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates();
  }

  @Test
  void every_template_has_one_name_slot_and_no_reserved_token() {
    TokenGuard guard = new TokenGuard(List.of("<image>"));
    all().forEach(
            t -> {
              assertThat(t.split("\\{name}", -1)).as(t).hasSize(2);
              assertThat(guard.find(t)).as(t).isEmpty();
            });
  }

  @Test
  void body_templates_avoid_face_wording() {
    assertThat(Templates.introductions(IntroStyle.BODY))
        .noneMatch(t -> t.matches("(?i).*\\b(face|portrait|headshot|close-up|up close)\\b.*"));
  }

  @Test
  void does_not_copy_the_released_examples() {
    assertThat(all().toList())
        .doesNotContain(
            "This is a photo of {name}.", "This is a portrait of {name}.", "This headshot captures {name}.",
            "Sorry, {name} is not in the image.", "I can't find {name} in the image provided.",
            "Sorry, I do not know what {name} looks like.", "I do not recognize {name}.");
  }

  @Test
  void random_picks_are_seeded() {
    assertThat(Templates.absentRefusal("Bob", new Random(3))).isEqualTo(Templates.absentRefusal("Bob", new Random(3)));
    assertThat(Templates.unknownRefusal("Carol", new Random(5))).contains("Carol");
    assertThat(Templates.introduction(IntroStyle.BODY, "Zoë", new Random(1))).contains("Zoë");
    assertThat(Templates.refusals(RefusalKind.ABSENT)).isSameAs(Templates.absentRefusals());
    assertThatThrownBy(() -> Templates.refusals(RefusalKind.NOT_A_REFUSAL))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fill_checks_the_slot() {
    assertThat(Templates.fill("Hi {name}!", "李雷")).isEqualTo("Hi 李雷!");
    assertThatThrownBy(() -> Templates.fill("Hi {name} {name}", "x")).isInstanceOf(InvalidPromptException.class);
    assertThatThrownBy(() -> Templates.fill("Hi", "x")).isInstanceOf(InvalidPromptException.class);
  }
}
