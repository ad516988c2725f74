package dev.pvit.prompt.internal;

import static dev.pvit.prompt.internal.RefusalClauses.P;
import static dev.pvit.prompt.internal.RefusalLexicon.DIFFICULTY;
import static dev.pvit.prompt.internal.RefusalLexicon.FACTIVES;
import static dev.pvit.prompt.internal.RefusalLexicon.FINITE;
import static dev.pvit.prompt.internal.RefusalLexicon.NEGATORS;
import static dev.pvit.prompt.internal.RefusalLexicon.UNIVERSALS;

import java.util.List;
import java.util.Set;

/**
 * Whether a segment is negative at all and whether the negation reaches the person: counts
 * negators, and removes the look-alikes where a negation scopes over something else ("in the photo
 * but not in focus", "not hard to spot", "nobody except @p", "doesn't know @p is here"), so that a
 * present person is never reported as absent.
 */
final class RefusalPolarity {
  private RefusalPolarity() {}

  /** Odd number of negators; "without" counts only when nothing else negates. */
  static boolean negative(List<String> t) {
    int n = 0;
    boolean without = false;
    for (int i = 0; i < t.size(); i++) {
      String w = t.get(i);
      if (w.equals("no") && i == 0 && t.size() > 1 && t.get(1).equals(",")) {
        continue; // "No, ..." answers the question; it does not negate the clause
      }
      if (NEGATORS.contains(w) || UNIVERSALS.contains(w)) {
        n++;
      } else if (w.equals("without")) {
        without = true;
      }
    }
    return n % 2 == 1 || (n == 0 && without);
  }

  /**
   * "@p is in the photo but not in focus": the negation of a "but not" remnant that does not name
   * the person scopes over the remnant only, so the remnant is dropped.
   */
  static List<String> withoutNegatedRemnant(List<String> t) {
    for (int k = 0; k + 1 < t.size(); k++) {
      if (t.get(k).equals("but") && t.get(k + 1).equals("not") && !t.subList(k, t.size()).contains(P)) {
        return t.subList(0, k);
      }
    }
    return t;
  }

  /**
   * A negator before the verb at i, the verb negative itself ("lacks", "excludes"), or a negator
   * in its object before the person ("has no @p in it", "see nobody like @p").
   */
  static boolean negatedUpTo(List<String> t, int i) {
    for (int j = 0; j < t.size() && (j <= i || !t.get(j).equals(P)); j++) {
      // "it's not hard to spot @p": the negation grades the difficulty, the person is seen
      boolean graded = j + 2 < t.size() && DIFFICULTY.contains(t.get(j + 1)) && t.get(j + 2).equals("to") && j + 2 < i;
      if ((NEGATORS.contains(t.get(j)) || UNIVERSALS.contains(t.get(j))) && !graded) {
        return true;
      }
    }
    return false;
  }

  /**
   * "nobody except @p is here", "no one other than @p": the exception to a negative universal is
   * the one who is there; so is the subject of a factive complement ("doesn't know @p is here").
   */
  static boolean excepted(List<String> t, int i) {
    String before = i > 0 ? t.get(i - 1) : "";
    if (FACTIVES.contains(before) && i + 1 < t.size() && FINITE.contains(t.get(i + 1))) {
      return true; // "@p doesn't know she is being photographed": the negation stays in the main clause
    }
    String pair = i > 1 ? t.get(i - 2) + " " + before : "";
    return Set.of("except", "excepting", "besides", "save").contains(before)
        || Set.of("other than", "apart from", "aside from", "except for").contains(pair);
  }
}
