package dev.pvit.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Refusals in wordings this SDK never wrote: the release's 95 refusal replies and a table of our own
 * wordings ({@code prompt/refusal-wordings.tsv}, written before the classifier was run on it), each
 * with several kinds of names, with and without the name given.
 */
class RefusalWordingsTest {
  private static final List<String> NAMES = List.of("Abby", "Mary Ann", "Hope", "O'Brien", "Zoë", "李雷", "Jean-Luc");
  private final RefusalClassifier classifier = RefusalClassifier.create();

  @Test
  void every_release_refusal_is_classified_into_its_family() {
    List<String> wrong = new ArrayList<>();
    check(ReleaseFixtures.strings("neg-image-reply.json"), RefusalKind.ABSENT, wrong);
    check(ReleaseFixtures.strings("neg-name-reply.json"), RefusalKind.UNKNOWN, wrong);
    assertThat(wrong).isEmpty();
  }

  @Test
  void own_wordings_table_is_classified_into_its_family() throws IOException {
    List<String> wrong = new ArrayList<>();
    int rows = 0;
    try (InputStream in = getClass().getResourceAsStream("/prompt/refusal-wordings.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        check(List.of(cols[1]), RefusalKind.valueOf(cols[0]), wrong);
        rows++;
      }
    }
    assertThat(rows).isGreaterThanOrEqualTo(60);
    assertThat(wrong).isEmpty();
  }

  @Test
  void ordinary_answers_about_a_release_name_are_not_refusals() {
    for (String name : ReleaseFixtures.strings("name.json")) {
      for (String s : List.of("%s is on the left, holding a cup.", "Yes, %s is here.",
          "I don't see any cups, but %s is smiling.", "No, %s is not on the left; she is on the right.")) {
        String text = s.formatted(name);
        assertThat(classifier.classify(text)).as(text).isEqualTo(RefusalKind.NOT_A_REFUSAL);
        assertThat(classifier.classify(text, name)).as(text).isEqualTo(RefusalKind.NOT_A_REFUSAL);
      }
    }
  }

  private void check(List<String> templates, RefusalKind expected, List<String> wrong) {
    for (String t : templates) {
      for (String name : NAMES) {
        String s = t.replace("{name}", name);
        RefusalKind generic = classifier.classify(s);
        RefusalKind named = classifier.classify(s, name);
        boolean wordName = name.equals("Hope");
        if ((!wordName && generic != expected) || named != expected) {
          wrong.add(s + " -> " + generic + "/" + named + " (expected " + expected + ")");
        }
      }
    }
  }
}
