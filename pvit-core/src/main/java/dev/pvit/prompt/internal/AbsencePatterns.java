package dev.pvit.prompt.internal;

import static dev.pvit.prompt.internal.ImageReferences.hasImageLocative;
import static dev.pvit.prompt.internal.ImageReferences.imageNounPhrase;
import static dev.pvit.prompt.internal.ImageReferences.imageSubject;
import static dev.pvit.prompt.internal.ImageReferences.licensedComplement;
import static dev.pvit.prompt.internal.ImageReferences.mentalLocative;
import static dev.pvit.prompt.internal.RefusalClauses.P;
import static dev.pvit.prompt.internal.RefusalClauses.POSS;
import static dev.pvit.prompt.internal.RefusalClauses.isPerson;
import static dev.pvit.prompt.internal.RefusalLexicon.DETERMINERS;
import static dev.pvit.prompt.internal.RefusalLexicon.EVIDENCE_NOUNS;
import static dev.pvit.prompt.internal.RefusalLexicon.EXISTENTIAL_GLUE;
import static dev.pvit.prompt.internal.RefusalLexicon.MATCHING_GLUE;
import static dev.pvit.prompt.internal.RefusalLexicon.MATCH_VERBS;
import static dev.pvit.prompt.internal.RefusalLexicon.PRESENCE_HEADS;
import static dev.pvit.prompt.internal.RefusalLexicon.SEE_NEEDS_IMAGE;
import static dev.pvit.prompt.internal.RefusalLexicon.SEE_VERBS;
import static dev.pvit.prompt.internal.RefusalLexicon.SHOW_VERBS;
import static dev.pvit.prompt.internal.RefusalLexicon.SKIP_TO_HEAD;
import static dev.pvit.prompt.internal.RefusalLexicon.UNIVERSALS;
import static dev.pvit.prompt.internal.RefusalPolarity.excepted;
import static dev.pvit.prompt.internal.RefusalPolarity.negatedUpTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The absent family: the person as subject of a presence predicate, as object of a seeing verb or
 * of a showing verb whose subject is the image, after a negated existential or evidence noun, in
 * an elliptical contrast ("Bob, but not @p"), or matched by a negative universal ("none of them
 * is @p"). Each pattern requires the complement to be the image or nowhere in particular, so
 * absence of something else ("her dog is not in this photo") is not absence of the person.
 */
final class AbsencePatterns {
  private AbsencePatterns() {}


  /** Whether a negative segment says the person is not in the image, by any of the patterns below. */
  static boolean absent(List<String> t) {
    boolean mental = mentalLocative(t);
    if (contrastedAway(t) || negatedExistential(t)) {
      return true;
    }
    for (int i = 0; i < t.size(); i++) {
      if (isPerson(t, i) && !excepted(t, i) && (presenceAfterSubject(t, i) || matchedByUniversal(t, i))) {
        return true;
      }
      // "nobody matching @p's description/reference photo (appears here)": the likeness stands for the person
      if (t.get(i).equals(P) && i + 2 < t.size() && t.get(i + 1).equals(POSS)
          && Set.of("description", "reference", "photo", "picture", "likeness").contains(t.get(i + 2))
          && matchedByUniversal(t, i)) {
        return true;
      }
    }
    for (int i = 0; i < t.size(); i++) {
      String w = t.get(i);
      // the negation must reach the verb: "I can see @p, but not her face" sees the person
      if (SEE_VERBS.contains(w) && negatedUpTo(t, i) && seenObject(t, i)) {
        return true;
      }
      if (SHOW_VERBS.contains(w) && negatedUpTo(t, i) && imageSubject(t, i) && shownObject(t, i)) {
        return true;
      }
      if ((w.equals("no") || w.equals("not")) && !mental && evidence(t, i)) {
        return true;
      }
    }
    return false;
  }

  /** "there doesn't seem to be anyone named @p in this picture", "there isn't any @p here". */
  private static boolean negatedExistential(List<String> t) {
    for (int i = 0; i < t.size(); i++) {
      if (!t.get(i).equals("there")) {
        continue;
      }
      int j = i + 1;
      while (j < t.size() && EXISTENTIAL_GLUE.contains(t.get(j))) {
        j++;
      }
      if (j > i + 1 && j < t.size() && isPerson(t, j) && licensedComplement(t, j + 1)) {
        return true;
      }
    }
    return false;
  }

  /** "@p is not (visible|in the image|here|present|among...)", "@p does not appear (in this photo)". */
  static boolean presenceAfterSubject(List<String> t, int i) {
    int j = i + 1;
    while (j < t.size() && SKIP_TO_HEAD.contains(t.get(j))) {
      if (t.get(j).equals("at") && !(j + 1 < t.size() && t.get(j + 1).equals("all"))) {
        return false; // "at the table"
      }
      j++;
    }
    if (j >= t.size()) {
      return false;
    }
    String head = t.get(j);
    if (!PRESENCE_HEADS.contains(head) || (j == i + 1 && !head.startsWith("appear") && !head.startsWith("feature")
        && !head.startsWith("show") && !head.startsWith("turn") && !head.startsWith("figure"))) {
      return false;
    }
    int k = j + 1;
    if (Set.of("in", "inside", "within").contains(head)) {
      return imageNounPhrase(t, k) > 0;
    }
    if (head.equals("one") || head.equals("part")) {
      return k < t.size() && t.get(k).equals("of");
    }
    if (head.equals("among")) {
      return true;
    }
    if (Set.of("turn", "turns", "show", "shows").contains(head)) {
      if (k < t.size() && t.get(k).equals("up")) {
        k++;
      } else {
        return false;
      }
    }
    if (head.startsWith("appear") && k + 1 < t.size() && t.get(k).equals("to") && t.get(k + 1).equals("be")) {
      List<String> rest = new ArrayList<>(List.of(P, "is"));
      rest.addAll(t.subList(k + 2, t.size()));
      return presenceAfterSubject(rest, 0);
    }
    return licensedComplement(t, k);
  }

  /** "I can't see/find/locate @p (here|in the image|at all|.)", "see anyone resembling @p". */
  private static boolean seenObject(List<String> t, int i) {
    String verb = t.get(i);
    int j = i + 1;
    if (Set.of("make", "pick").contains(verb)) {
      if (j < t.size() && t.get(j).equals("out")) {
        j++;
      } else {
        return false;
      }
    }
    if (Set.of("seen", "found", "spotted", "located", "detected", "noticed", "observed").contains(verb)
        && (i == 0 || !Set.of("be", "been", "being").contains(t.get(i - 1)))) {
      // active perfect "I have not seen @p" is acquaintance unless the image is named
      if (!hasImageLocative(t)) {
        return false;
      }
    }
    int objectStart = j;
    while (j < t.size() && (Set.of("any", "anyone", "anybody", "someone", "somebody", "a", "person", "noone",
        "nobody", "even", "clearly", "named", "called").contains(t.get(j)) || MATCHING_GLUE.contains(t.get(j)))) {
      j++;
    }
    boolean likeness = t.subList(objectStart, j).stream()
        .anyMatch(w -> Set.of("matches", "matching", "match", "resembles", "resembling", "resemble", "like",
            "similar", "be").contains(w));
    if (j >= t.size() || !t.get(j).equals(P)) {
      return false;
    }
    if (j + 1 < t.size() && t.get(j + 1).equals(POSS)) {
      // "anyone matching @p's description/reference photo" is the person; "@p's face" or "@p's photo" is not
      boolean standsFor = j + 2 < t.size() && (t.get(j + 2).equals("description")
          || (likeness && Set.of("reference", "photo", "picture", "likeness").contains(t.get(j + 2))));
      if (!standsFor) {
        return false;
      }
      j++;
      j++;
    }
    if (SEE_NEEDS_IMAGE.contains(verb) && !likeness) {
      return hasImageLocative(t); // "identify @p" alone is about knowing them; "anyone who matches @p" searches
    }
    return licensedComplement(t, j + 1);
  }

  /** "... does not show @p", "... lacks the presence of @p", "has no sign of @p", "excludes @p at all". */
  static boolean shownObject(List<String> t, int i) {
    int j = i + 1;
    while (j < t.size() && (DETERMINERS.contains(t.get(j)) || EVIDENCE_NOUNS.contains(t.get(j))
        || Set.of("of", "no", "anyone", "anybody", "someone", "somebody", "like", "named", "who", "that", "looks",
            "resembles", "resembling", "matches", "matching", "similar", "to").contains(t.get(j)))) {
      j++;
    }
    if (j >= t.size() || !isPerson(t, j)) {
      return false;
    }
    return licensedComplement(t, j + 1);
  }

  /** "no sign/trace/presence of @p (in the image | can be found)", "there is no @p (here)". */
  private static boolean evidence(List<String> t, int i) {
    int j = i + 1;
    if (j < t.size() && t.get(j).equals(P)) {
      if (!isPerson(t, j)) {
        return false;
      }
      // existential "there is no @p (here)", elliptical "no @p in this picture"
      boolean existential = i > 1 && t.get(i - 1).equals("is") && t.get(i - 2).equals("there");
      return (existential || i == 0) && t.get(i).equals("no") && licensedComplement(t, j + 1)
          && (existential || j + 1 < t.size());
    }
    while (j < t.size() && Set.of("any", "visible", "clear", "real", "obvious", "the").contains(t.get(j))) {
      j++;
    }
    if (j + 2 < t.size() && EVIDENCE_NOUNS.contains(t.get(j)) && t.get(j + 1).equals("of") && isPerson(t, j + 2)) {
      int k = j + 3;
      // "no trace of @p can be found", "no indication of @p being present"; "no sign of @p being upset" is a state
      while (k < t.size() && Set.of("can", "could", "is", "was", "be", "being", "been").contains(t.get(k))) {
        k++;
      }
      return licensedComplement(t, k);
    }
    return false;
  }

  /**
   * Ellipsis: "the image shows other people but not @p", "I can see Bob but not @p", "others are
   * here, but not @p": a positive presence clause whose contrast excludes the person.
   */
  private static boolean contrastedAway(List<String> t) {
    int n = t.size();
    if (n < 4 || !isPerson(t, n - 1) || !t.get(n - 2).equals("not") || !t.get(n - 3).equals("but")) {
      return false;
    }
    List<String> before = t.subList(0, n - 3);
    for (int i = 0; i < before.size(); i++) {
      String w = before.get(i);
      if (SEE_VERBS.contains(w) || (SHOW_VERBS.contains(w) && imageSubject(before, i))
          || (PRESENCE_HEADS.contains(w) && !w.equals("one")) || hasImageLocative(before)) {
        return true;
      }
    }
    return false;
  }

  /** "none of the people is @p", "nobody in this image matches @p", "no one who looks like @p". */
  private static boolean matchedByUniversal(List<String> t, int i) {
    boolean universal = false;
    for (int j = 0; j < i; j++) {
      if (UNIVERSALS.contains(t.get(j))) {
        universal = true;
      }
    }
    if (!universal || i == 0) {
      return false;
    }
    int j = i - 1;
    while (j > 0 && Set.of("to", "like", "looks", "who", "that").contains(t.get(j))) {
      if (t.get(j).equals("like") || t.get(j).equals("to")) {
        return MATCH_VERBS.contains(t.get(j - 1)) || t.get(j - 1).equals("looks") || t.get(j - 1).equals("similar");
      }
      j--;
    }
    return MATCH_VERBS.contains(t.get(j)) && !t.get(j).equals("to");
  }
}
