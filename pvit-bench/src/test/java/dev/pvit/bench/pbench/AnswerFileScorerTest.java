package dev.pvit.bench.pbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pvit.bench.BenchInputException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scores {@code release-answers.jsonl}: ten lines in the exact shape {@code model_vqa_personalize.py}
 * writes (Python {@code json.dumps}, non-ASCII escaped), whose outcomes were worked out by hand:
 *
 * <pre>
 * line mode   correct option            answer text                              outcome
 *  1   single B  A guitar              "B"                                        correct
 *  2   single A  A café au lait        "The answer is C."                         wrong
 *  3   single C  (absent refusal)      "C"                                        correct
 *  4   single C  (absent refusal)      "Unfortunately, Kristina does not appear…" correct (absent in own words)
 *  5   multi  D  (unknown refusal)     "Sorry, I do not know who Zoë is."         correct (unknown in own words)
 *  6   multi  D  (unknown refusal)     "Sorry, Travis is not in the image." = C   wrong (absent, not unknown)
 *  7   multi  A  A red scarf           "Sorry, Travis is not in the image." = C   wrong (a refusal, answer due)
 *  8   multi  B  A green hat           "(B) A green hat"                          correct
 *  9   multi  "A green hat" = B        "B. A green hat"                           correct
 * 10   multi  no options, absent ref.  "Travis does not appear in this picture."  correct
 * </pre>
 *
 * Answerable (lines 1, 2, 7, 8, 9): 3 of 5; unanswerable (3, 4, 5, 6, 10): 4 of 5; wrong 3 of 10;
 * single 3 of 4, multi 4 of 6; one person introduced (lines 1–4) 3 of 4, two (5–10) 4 of 6.
 */
class AnswerFileScorerTest {
  @TempDir Path dir;

  static Path fixture() throws URISyntaxException {
    return Path.of(AnswerFileScorerTest.class.getResource("release-answers.jsonl").toURI());
  }

  private static void assertHandComputed(AnswerFileScorer.Result r) {
    List<Judgement> js = r.judgements();
    assertThat(js).extracting(Judgement::outcome).containsExactly(
        Outcome.CORRECT, Outcome.WRONG, Outcome.CORRECT, Outcome.CORRECT, Outcome.CORRECT,
        Outcome.WRONG, Outcome.WRONG, Outcome.CORRECT, Outcome.CORRECT, Outcome.CORRECT);
    assertThat(js).extracting(j -> j.question().category()).containsExactly(
        Category.CHOICE, Category.CHOICE, Category.CHOICE_REFUSAL, Category.CHOICE_REFUSAL, Category.CHOICE_REFUSAL,
        Category.CHOICE_REFUSAL, Category.CHOICE, Category.CHOICE, Category.CHOICE, Category.CHOICE_REFUSAL);
    assertThat(js).extracting(Judgement::given).containsExactly(
        "B", "C", "C", "refused: absent", "refused: unknown", "C", "C", "B", "B", "refused: absent");
    Scores s = Scores.of(js, r::modeOf);
    assertThat(s.answerable()).isEqualTo(new Outcomes(3, 2, 0));
    assertThat(s.unanswerable()).isEqualTo(new Outcomes(4, 1, 0));
    assertThat(s.all()).isEqualTo(new Outcomes(7, 3, 0));
    assertThat(s.groups()).isEqualTo(Map.of("single", new Outcomes(3, 1, 0), "multi", new Outcomes(4, 2, 0)));
    assertThat(s.byRegisteredPeople()).isEqualTo(Map.of("1", new Outcomes(3, 1, 0), "2", new Outcomes(4, 2, 0)));
    assertThat(r.models()).containsExactly("llava-v1.6-vicuna-7b-pvit");
    Report report = new Report("t", Map.of(), s, js, List.of());
    assertThat(report.summaryLine())
        .isEqualTo("pbench: answerable=0.6000 unanswerable=0.8000 wrong=0.3000 abstained=0.0000 questions=10");
  }

  @Test
  void scores_the_release_shaped_fixture_as_computed_by_hand() throws Exception {
    assertHandComputed(AnswerFileScorer.score(fixture()));
  }

  @Test
  void the_same_answers_as_one_json_array_score_the_same() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ArrayNode array = json.createArrayNode();
    for (String line : Files.readAllLines(fixture())) {
      array.add(json.readTree(line));
    }
    Path file = Files.writeString(dir.resolve("answers.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(array));
    assertHandComputed(AnswerFileScorer.score(file));
  }

  @Test
  void a_line_without_the_release_fields_is_named() throws Exception {
    Path file = Files.writeString(dir.resolve("a.jsonl"), Files.readAllLines(fixture()).get(0) + "\n{\"text\": \"B\"}\n");
    assertThatThrownBy(() -> AnswerFileScorer.score(file)).isInstanceOf(BenchInputException.class)
        .hasMessageContaining("Record 1 (line 2) of").hasMessageContaining("\"prompt\"");
    Path blank = Files.writeString(dir.resolve("b.jsonl"), "\n");
    assertThatThrownBy(() -> AnswerFileScorer.score(blank)).isInstanceOf(BenchInputException.class)
        .hasMessageContaining("is empty");
    Path empty = Files.writeString(dir.resolve("e.json"), "[]\n");
    assertThatThrownBy(() -> AnswerFileScorer.score(empty)).isInstanceOf(BenchInputException.class)
        .hasMessageContaining("no answers");
  }
}
