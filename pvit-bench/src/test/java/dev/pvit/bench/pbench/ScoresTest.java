package dev.pvit.bench.pbench;

import static dev.pvit.bench.pbench.Fixtures.question;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScoresTest {
  private static Judgement j(Category c, int registered, String scene, boolean correct, boolean falseAccept) {
    Question q = new Question("q", c, scene, "?", "x", List.of(), Optional.empty(), registered, List.of());
    return new Judgement(q, "a", "ANSWERED", "x", correct, falseAccept, 1);
  }

  @Test
  void aggregates_categories_kinds_buckets_and_false_accepts() {
    List<Judgement> js = List.of(
        j(Category.PRESENCE_YES, 1, "a", true, false),
        j(Category.PRESENCE_YES, 5, "b", false, false),
        j(Category.COUNT, 2, "c", true, false),
        j(Category.ABSENT_REFUSAL, 3, "d", true, false),
        j(Category.UNKNOWN_REFUSAL, 0, "e", false, false),
        j(Category.PRESENCE_NO, 0, "e", true, true),
        j(Category.PRESENCE_NO, 0, "f", true, false),
        j(Category.DESCRIPTION, 1, "a", true, false));
    Scores s = Scores.of(js, null);
    assertThat(s.categories().keySet())
        .containsExactly("presence-yes", "presence-no", "count", "absent-refusal", "unknown-refusal", "description");
    assertThat(s.categories().get("presence-yes")).isEqualTo(new Tally(1, 2));
    assertThat(s.answerable()).isEqualTo(new Tally(4, 5));
    assertThat(s.unanswerable()).isEqualTo(new Tally(1, 2));
    assertThat(s.description()).isEqualTo(new Tally(1, 1));
    assertThat(s.byRegisteredPeople().keySet()).containsExactly("0", "1", "2", "3", "≥4");
    assertThat(s.byRegisteredPeople().get("0")).isEqualTo(new Tally(2, 3));
    assertThat(s.byRegisteredPeople().get("≥4")).isEqualTo(new Tally(0, 1));
    assertThat(s.falseAcceptScenes()).isEqualTo(new Tally(1, 2));
    assertThat(s.falseAcceptQuestions()).isEqualTo(new Tally(1, 2));
    assertThat(s.groups()).isEmpty();
  }

  @Test
  void groups_by_a_given_key() {
    List<Judgement> js = List.of(j(Category.CHOICE, 1, "a", true, false), j(Category.CHOICE_REFUSAL, 2, "b", false, false));
    Scores s = Scores.of(js, x -> x.question().category().label());
    assertThat(s.groups()).containsOnlyKeys("choice", "choice-refusal");
    assertThat(s.answerable()).isEqualTo(new Tally(1, 1));
    assertThat(s.unanswerable()).isEqualTo(new Tally(0, 1));
  }

  @Test
  void summary_line_has_the_exact_format() {
    List<Judgement> js = List.of(j(Category.PRESENCE_YES, 1, "a", true, false), j(Category.PRESENCE_NO, 1, "a", false, false),
        j(Category.ABSENT_REFUSAL, 1, "a", true, false));
    Report r = new Report("t", java.util.Map.of(), Scores.of(js, null), js, List.of());
    assertThat(r.summaryLine()).isEqualTo("pbench: answerable=0.5000 unanswerable=1.0000 questions=3");
    assertThat(question(Category.COUNT, "1", 4, List.of(), "").peopleBucket()).isEqualTo("≥4");
  }
}
