package dev.pvit.bench.pbench;

import static dev.pvit.bench.pbench.Fixtures.question;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScoresTest {
  private static Judgement j(Category c, int registered, String scene, Outcome outcome, boolean falseAccept) {
    Question q = new Question("q", c, scene, "?", "x", List.of(), Optional.empty(), registered, List.of(), Optional.empty());
    return new Judgement(q, "a", "ANSWERED", "x", outcome, falseAccept, 1);
  }

  private static final Outcome OK = Outcome.CORRECT;
  private static final Outcome WRONG = Outcome.WRONG;
  private static final Outcome ABSTAINED = Outcome.ABSTAINED;

  @Test
  void aggregates_categories_kinds_buckets_and_false_accepts() {
    List<Judgement> js = List.of(
        j(Category.PRESENCE_YES, 1, "a", OK, false),
        j(Category.PRESENCE_YES, 5, "b", WRONG, false),
        j(Category.COUNT, 2, "c", OK, false),
        j(Category.ABSENT_REFUSAL, 3, "d", OK, false),
        j(Category.UNKNOWN_REFUSAL, 0, "e", ABSTAINED, false),
        j(Category.PRESENCE_NO, 0, "e", OK, true),
        j(Category.PRESENCE_NO, 0, "f", OK, false),
        j(Category.NEGATED_PRESENCE, 1, "a", ABSTAINED, false),
        j(Category.DESCRIPTION, 1, "a", OK, false));
    Scores s = Scores.of(js, null);
    assertThat(s.categories().keySet()).containsExactly(
        "presence-yes", "presence-no", "negated-presence", "count", "absent-refusal", "unknown-refusal", "description");
    assertThat(s.categories().get("presence-yes")).isEqualTo(new Outcomes(1, 1, 0));
    assertThat(s.answerable()).isEqualTo(new Outcomes(4, 1, 1));
    assertThat(s.unanswerable()).isEqualTo(new Outcomes(1, 0, 1));
    assertThat(s.all()).isEqualTo(new Outcomes(6, 1, 2));
    assertThat(s.description()).isEqualTo(new Outcomes(1, 0, 0));
    assertThat(s.byRegisteredPeople().keySet()).containsExactly("0", "1", "2", "3", "≥4");
    assertThat(s.byRegisteredPeople().get("0")).isEqualTo(new Outcomes(2, 0, 1));
    assertThat(s.byRegisteredPeople().get("≥4")).isEqualTo(new Outcomes(0, 1, 0));
    assertThat(s.falseAcceptScenes()).isEqualTo(new Tally(1, 2));
    assertThat(s.falseAcceptQuestions()).isEqualTo(new Tally(1, 2));
    assertThat(s.groups()).isEmpty();
  }

  @Test
  void groups_by_a_given_key() {
    List<Judgement> js = List.of(j(Category.CHOICE, 1, "a", OK, false), j(Category.CHOICE_REFUSAL, 2, "b", WRONG, false));
    Scores s = Scores.of(js, x -> x.question().category().label());
    assertThat(s.groups()).containsOnlyKeys("choice", "choice-refusal");
    assertThat(s.answerable()).isEqualTo(new Outcomes(1, 0, 0));
    assertThat(s.unanswerable()).isEqualTo(new Outcomes(0, 1, 0));
  }

  @Test
  void summary_line_has_the_exact_format_with_wrong_and_abstained_over_all_questions() {
    List<Judgement> js = List.of(j(Category.PRESENCE_YES, 1, "a", OK, false), j(Category.PRESENCE_NO, 1, "a", WRONG, false),
        j(Category.ABSENT_REFUSAL, 1, "a", OK, false), j(Category.WHO, 1, "a", ABSTAINED, false));
    Report r = new Report("t", java.util.Map.of(), Scores.of(js, null), js, List.of());
    assertThat(r.summaryLine())
        .isEqualTo("pbench: answerable=0.3333 unanswerable=1.0000 wrong=0.2500 abstained=0.2500 questions=4");
    assertThat(question(Category.COUNT, "1", 4, List.of(), "").peopleBucket()).isEqualTo("≥4");
  }
}
