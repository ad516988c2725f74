package dev.pvit.prompt.internal;

import static dev.pvit.prompt.internal.AbsencePatterns.presenceAfterSubject;
import static dev.pvit.prompt.internal.RefusalClauses.P;
import static dev.pvit.prompt.internal.RefusalClauses.POSS;
import static dev.pvit.prompt.internal.RefusalClauses.isPerson;
import static dev.pvit.prompt.internal.RefusalClauses.perfect;
import static dev.pvit.prompt.internal.RefusalLexicon.SEE_NEEDS_IMAGE;
import static dev.pvit.prompt.internal.RefusalLexicon.SEE_VERBS;

import java.util.List;
import java.util.Set;

/**
 * Identity complements that make a segment an unknown-person refusal in any polarity position:
 * "who @p is", "what @p looks like", "which one is @p", "the identity of @p", "the name @p",
 * "anyone named @p". A complement that goes on ("who @p is talking to") or that searches the
 * scene ("anyone named @p here") asks about something else and does not count.
 */
final class IdentityComplements {
  private IdentityComplements() {}

  /**
   * "who (exactly) @p is/might be", "what @p looks like", "which one is @p", "the identity/face
   * of @p", "@p's appearance", "the name @p", "(anyone) named/called @p".
   */
  static boolean identityComplement(List<String> t, int i, boolean image) {
    String w = t.get(i);
    if (w.equals("who") && i + 2 < t.size()) {
      int j = i + 1;
      if (Set.of("exactly", "precisely").contains(t.get(j))) {
        j++;
      }
      if (j + 1 < t.size() && t.get(j).equals(P)
          && Set.of("is", "might", "may", "could", "was", "would", "really").contains(t.get(j + 1))) {
        return !predicateFollows(t, j + 2); // "who @p is talking to" asks about someone else
      }
      return j + 1 < t.size() && t.get(j).equals("is") && t.get(j + 1).equals(P)
          && (j + 2 == t.size() || !t.get(j + 2).equals(POSS));
    }
    if (w.equals("how") && i + 2 < t.size() && t.get(i + 1).equals(P)
        && Set.of("looks", "look", "looked", "appears").contains(t.get(i + 2))) {
      return i + 3 == t.size() || !Set.of("at", "to", "in", "on").contains(t.get(i + 3)); // not "how @p looks at Bob"
    }
    if (w.equals("what") && i + 2 < t.size() && t.get(i + 1).equals(P)) {
      for (int j = i + 2; j < Math.min(t.size(), i + 6); j++) {
        if (t.get(j).equals("like") && Set.of("look", "looks", "looked").contains(t.get(j - 1))) {
          return true;
        }
      }
      return false;
    }
    if (w.equals("which") && i + 3 < t.size() && Set.of("one", "person", "individual", "of").contains(t.get(i + 1))) {
      for (int j = i + 2; j < Math.min(t.size(), i + 6); j++) {
        if (isPerson(t, j) && (t.get(j - 1).equals("is")
            || (j + 1 < t.size() && Set.of("is", "might", "may", "could", "would").contains(t.get(j + 1))))) {
          return true;
        }
      }
      return false;
    }
    if (w.equals(P) && i + 2 < t.size() && t.get(i + 1).equals(POSS)) {
      for (int j = i + 2; j < Math.min(t.size(), i + 4); j++) {
        if (Set.of("appearance", "identity", "looks", "look", "likeness").contains(t.get(j))) {
          return !image; // "@p's appearance in this photo" is about the photo
        }
      }
      return false;
    }
    if (Set.of("identity", "appearance", "face", "looks", "look", "likeness").contains(w)
        && i > 0 && t.get(i - 1).equals("the") && !image) {
      for (int j = i + 1; j < Math.min(t.size(), i + 5); j++) {
        if (t.get(j).equals(P)) {
          return isPerson(t, j) && t.get(j - 1).equals("of");
        }
        if (!Set.of("and", "of", "identity", "look", "looks", "appearance", "face", "the").contains(t.get(j))) {
          return false;
        }
      }
      return false;
    }
    if ((w.equals("named") || w.equals("called")) && i + 1 < t.size() && isPerson(t, i + 1)) {
      return !image && !perceived(t, i + 1); // "I don't see anyone named @p here" looks at the scene
    }
    if (w.equals("name") && i + 1 < t.size() && isPerson(t, i + 1)) {
      return true;
    }
    return w.equals("name") && i + 2 < t.size() && t.get(i + 1).equals("of") && isPerson(t, i + 2);
  }

  /**
   * The person at i is searched for in the scene: the object of a seeing verb ("see", "spot", not
   * "identify"), followed by a scene adverb ("anyone named @p here") or the subject of a presence
   * predicate ("nobody called @p is visible").
   */
  private static boolean perceived(List<String> t, int i) {
    for (int j = 0; j < i; j++) {
      if (SEE_VERBS.contains(t.get(j)) && !SEE_NEEDS_IMAGE.contains(t.get(j)) && !perfect(t, j)) {
        return true;
      }
    }
    return (i + 1 < t.size() && Set.of("here", "there", "anywhere", "around", "nearby").contains(t.get(i + 1)))
        || presenceAfterSubject(t, i);
  }

  /** A verb phrase goes on after "who @p is/might be": a participle or a preposition ("talking to", "with"). */
  private static boolean predicateFollows(List<String> t, int k) {
    while (k < t.size() && Set.of("be", "been", "is", "really", "actually").contains(t.get(k))) {
      k++;
    }
    return k < t.size() && (t.get(k).endsWith("ing") || Set.of("to", "with", "at", "about", "for").contains(t.get(k)));
  }
}
