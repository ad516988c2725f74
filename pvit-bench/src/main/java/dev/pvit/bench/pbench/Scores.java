package dev.pvit.bench.pbench;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The numbers of one benchmark run.
 *
 * @param categories accuracy per category label, in {@link Category} order (only categories asked)
 * @param answerable accuracy over all answerable questions
 * @param unanswerable accuracy over all questions whose right answer is a refusal
 * @param byRegisteredPeople accuracy of answerable and unanswerable questions by the number of
 *     registered people in the scene: {@code 0}, {@code 1}, {@code 2}, {@code 3}, {@code ≥4}
 * @param falseAcceptScenes scenes with nobody registered where some answer recognised or asserted a
 *     registered person, out of all such scenes
 * @param falseAcceptQuestions the same per question
 * @param description keyword accuracy of description questions (not part of answerable)
 * @param groups accuracy per extra group (e.g. P-Bench record {@code mode}); empty if none
 */
public record Scores(
    Map<String, Tally> categories,
    Tally answerable,
    Tally unanswerable,
    Map<String, Tally> byRegisteredPeople,
    Tally falseAcceptScenes,
    Tally falseAcceptQuestions,
    Tally description,
    Map<String, Tally> groups) {

  /** The P-Bench people-count buckets, in report order. */
  public static final List<String> BUCKETS = List.of("0", "1", "2", "3", "≥4");

  /** Copies the maps, keeping their order. */
  public Scores {
    categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    checkNotNull(answerable, "answerable");
    checkNotNull(unanswerable, "unanswerable");
    byRegisteredPeople = Collections.unmodifiableMap(new LinkedHashMap<>(byRegisteredPeople));
    checkNotNull(falseAcceptScenes, "falseAcceptScenes");
    checkNotNull(falseAcceptQuestions, "falseAcceptQuestions");
    checkNotNull(description, "description");
    groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
  }

  /**
   * Aggregates judgements.
   *
   * @param judgements every scored answer
   * @param groupOf an extra grouping (e.g. by record mode), or null for none
   * @return the scores
   */
  public static Scores of(List<Judgement> judgements, @Nullable Function<Judgement, String> groupOf) {
    Map<String, Tally> categories = new LinkedHashMap<>();
    for (Category c : Category.values()) {
      for (Judgement j : judgements) {
        if (j.question().category() == c) {
          categories.merge(c.label(), Tally.EMPTY.add(j.correct()), Scores::sum);
        }
      }
    }
    Tally answerable = Tally.EMPTY;
    Tally unanswerable = Tally.EMPTY;
    Tally description = Tally.EMPTY;
    Map<String, Tally> buckets = new LinkedHashMap<>();
    Map<String, Tally> groups = new LinkedHashMap<>();
    Map<String, Boolean> emptyScenes = new LinkedHashMap<>();
    Tally faQuestions = Tally.EMPTY;
    for (Judgement j : judgements) {
      Question q = j.question();
      switch (q.category().kind()) {
        case ANSWERABLE -> answerable = answerable.add(j.correct());
        case UNANSWERABLE -> unanswerable = unanswerable.add(j.correct());
        case SEPARATE -> description = description.add(j.correct());
      }
      if (q.category().kind() != Category.Kind.SEPARATE) {
        buckets.merge(q.peopleBucket(), Tally.EMPTY.add(j.correct()), Scores::sum);
        if (groupOf != null) {
          groups.merge(groupOf.apply(j), Tally.EMPTY.add(j.correct()), Scores::sum);
        }
      }
      if (q.registeredInScene() == 0 && q.category().kind() != Category.Kind.SEPARATE
          && q.category() != Category.UNKNOWN_REFUSAL) {
        faQuestions = faQuestions.add(j.falseAccept());
        emptyScenes.merge(q.scene(), j.falseAccept(), Boolean::logicalOr);
      }
    }
    Map<String, Tally> ordered = new LinkedHashMap<>();
    for (String b : BUCKETS) {
      if (buckets.containsKey(b)) {
        ordered.put(b, buckets.get(b));
      }
    }
    Tally faScenes = Tally.EMPTY;
    for (boolean fa : emptyScenes.values()) {
      faScenes = faScenes.add(fa);
    }
    return new Scores(categories, answerable, unanswerable, ordered, faScenes, faQuestions, description, groups);
  }

  private static Tally sum(Tally a, Tally b) {
    return new Tally(a.correct() + b.correct(), a.total() + b.total());
  }
}
