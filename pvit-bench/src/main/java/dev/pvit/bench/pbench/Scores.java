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
 * @param categories outcomes per category label, in {@link Category} order (only categories asked)
 * @param answerable outcomes over all answerable questions
 * @param unanswerable outcomes over all questions whose right answer is a refusal
 * @param all outcomes over every question (the base of the wrong and abstained rates of the summary)
 * @param byRegisteredPeople outcomes of answerable and unanswerable questions by the number of
 *     registered people in the scene: {@code 0}, {@code 1}, {@code 2}, {@code 3}, {@code ≥4}
 * @param falseAcceptScenes scenes with nobody registered where some answer recognised or asserted a
 *     registered person, out of all such scenes
 * @param falseAcceptQuestions the same per question
 * @param description keyword outcomes of description questions (not part of answerable)
 * @param groups outcomes per extra group (e.g. P-Bench record {@code mode}); empty if none
 */
public record Scores(
    Map<String, Outcomes> categories,
    Outcomes answerable,
    Outcomes unanswerable,
    Outcomes all,
    Map<String, Outcomes> byRegisteredPeople,
    Tally falseAcceptScenes,
    Tally falseAcceptQuestions,
    Outcomes description,
    Map<String, Outcomes> groups) {

  /** The P-Bench people-count buckets, in report order. */
  public static final List<String> BUCKETS = List.of("0", "1", "2", "3", "≥4");

  /** Copies the maps, keeping their order. */
  public Scores {
    categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    checkNotNull(answerable, "answerable");
    checkNotNull(unanswerable, "unanswerable");
    checkNotNull(all, "all");
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
    Map<String, Outcomes> categories = new LinkedHashMap<>();
    for (Category c : Category.values()) {
      for (Judgement j : judgements) {
        if (j.question().category() == c) {
          categories.merge(c.label(), Outcomes.EMPTY.add(j.outcome()), Outcomes::plus);
        }
      }
    }
    Outcomes answerable = Outcomes.EMPTY;
    Outcomes unanswerable = Outcomes.EMPTY;
    Outcomes description = Outcomes.EMPTY;
    Outcomes all = Outcomes.EMPTY;
    Map<String, Outcomes> buckets = new LinkedHashMap<>();
    Map<String, Outcomes> groups = new LinkedHashMap<>();
    Map<String, Boolean> emptyScenes = new LinkedHashMap<>();
    Tally faQuestions = Tally.EMPTY;
    for (Judgement j : judgements) {
      Question q = j.question();
      all = all.add(j.outcome());
      switch (q.category().kind()) {
        case ANSWERABLE -> answerable = answerable.add(j.outcome());
        case UNANSWERABLE -> unanswerable = unanswerable.add(j.outcome());
        case SEPARATE -> description = description.add(j.outcome());
      }
      if (q.category().kind() != Category.Kind.SEPARATE) {
        buckets.merge(q.peopleBucket(), Outcomes.EMPTY.add(j.outcome()), Outcomes::plus);
        if (groupOf != null) {
          groups.merge(groupOf.apply(j), Outcomes.EMPTY.add(j.outcome()), Outcomes::plus);
        }
      }
      if (q.registeredInScene() == 0 && q.category().kind() != Category.Kind.SEPARATE
          && q.category() != Category.UNKNOWN_REFUSAL) {
        faQuestions = faQuestions.add(j.falseAccept());
        emptyScenes.merge(q.scene(), j.falseAccept(), Boolean::logicalOr);
      }
    }
    Map<String, Outcomes> ordered = new LinkedHashMap<>();
    for (String b : BUCKETS) {
      if (buckets.containsKey(b)) {
        ordered.put(b, buckets.get(b));
      }
    }
    Tally faScenes = Tally.EMPTY;
    for (boolean fa : emptyScenes.values()) {
      faScenes = faScenes.add(fa);
    }
    return new Scores(categories, answerable, unanswerable, all, ordered, faScenes, faQuestions, description, groups);
  }
}
