package dev.pvit.prompt.internal;

import static dev.pvit.prompt.internal.AbsencePatterns.shownObject;
import static dev.pvit.prompt.internal.IdentityComplements.identityComplement;
import static dev.pvit.prompt.internal.ImageReferences.hasImageLocative;
import static dev.pvit.prompt.internal.ImageReferences.mentalLocative;
import static dev.pvit.prompt.internal.ImageReferences.referenceSubject;
import static dev.pvit.prompt.internal.RefusalClauses.P;
import static dev.pvit.prompt.internal.RefusalClauses.POSS;
import static dev.pvit.prompt.internal.RefusalClauses.isPerson;
import static dev.pvit.prompt.internal.RefusalClauses.isPersonOrLooks;
import static dev.pvit.prompt.internal.RefusalClauses.perfect;
import static dev.pvit.prompt.internal.RefusalLexicon.EVIDENCE_NOUNS;
import static dev.pvit.prompt.internal.RefusalLexicon.FACTIVES;
import static dev.pvit.prompt.internal.RefusalLexicon.FINITE;
import static dev.pvit.prompt.internal.RefusalLexicon.GENERIC_PEOPLE;
import static dev.pvit.prompt.internal.RefusalLexicon.IDENTITY_NOUNS;
import static dev.pvit.prompt.internal.RefusalLexicon.KNOW_GLUE;
import static dev.pvit.prompt.internal.RefusalLexicon.KNOW_WORDS;
import static dev.pvit.prompt.internal.RefusalLexicon.MATCHING_GLUE;
import static dev.pvit.prompt.internal.RefusalLexicon.SEE_NEEDS_IMAGE;
import static dev.pvit.prompt.internal.RefusalLexicon.SHOW_VERBS;
import static dev.pvit.prompt.internal.RefusalLexicon.SUBJECT_GLUE;

import java.util.List;
import java.util.Set;

/**
 * The unknown-person family: an acquaintance predicate (know, recognise, familiar, introduced,
 * information about...) whose object or subject is the person, a missing likeness of the person, a
 * person outside the introduced set, or references that do not include the person. Recognition
 * words about the image ("identify @p in this photo") are left to the absent family.
 */
final class UnknownPatterns {
  private UnknownPatterns() {}


  /** Whether a negative segment says the person is not known to the speaker. */
  static boolean unknown(List<String> t) {
    boolean image = hasImageLocative(t);
    for (int i = 0; i < t.size(); i++) {
      if (identityComplement(t, i, image)) {
        return true;
      }
    }
    for (int i = 0; i < t.size(); i++) {
      String w = t.get(i);
      if (!KNOW_WORDS.contains(w)) {
        continue;
      }
      boolean seeLike = SEE_NEEDS_IMAGE.contains(w) || w.equals("identifying") || w.equals("recognizing");
      if (seeLike && image && !genericPeopleAfter(t, i)) {
        continue; // "I cannot identify Bob in this photo" is about the photo
      }
      if (objectFollows(t, i) || (subjectPrecedes(t, i) && !personExperiences(t, i))) {
        return true;
      }
      if ((w.startsWith("identif") || w.startsWith("recogni")) && genericPeopleAfter(t, i)) {
        return true; // "I can't identify people": a capability refusal
      }
    }
    if (lacksLikeness(t) || amongIntroduced(t)) {
      return true;
    }
    // "your reference photos don't include @p", "my records do not contain @p": what the speaker was given
    for (int i = 0; i < t.size(); i++) {
      if ((SHOW_VERBS.contains(t.get(i)) || Set.of("cover", "covers", "mention", "mentions").contains(t.get(i)))
          && referenceSubject(t, i) && shownObject(t, i)) {
        return true;
      }
    }
    // "no image/record of @p in my memory": the evidence is missing from what the speaker knows
    for (int i = 0; i + 3 < t.size(); i++) {
      if (t.get(i).equals("no") && EVIDENCE_NOUNS.contains(t.get(i + 1)) && t.get(i + 2).equals("of")
          && isPersonOrLooks(t, i + 3) && mentalLocative(t)) {
        return true;
      }
    }
    // perfect "have never seen @p" (before), "haven't been shown @p": acquaintance, not the photo
    for (int i = 0; i + 1 < t.size(); i++) {
      if ((t.get(i).equals("seen") || t.get(i).equals("shown")) && !image && perfect(t, i) && objectFollows(t, i)) {
        return true;
      }
      // "you never showed me @p": the speaker as recipient was not given the person
      if (Set.of("show", "showed", "shown", "shows").contains(t.get(i)) && !image && i + 2 < t.size()
          && Set.of("me", "us").contains(t.get(i + 1)) && isPerson(t, i + 2)) {
        return true;
      }
    }
    return false;
  }

  /**
   * "without a photo of @p", "I don't have a picture of @p", "I lack a reference picture of @p": the
   * speaker has no likeness of the person (the image as subject, "the photo lacks @p", is absence).
   */
  private static boolean lacksLikeness(List<String> t) {
    boolean speaker = !t.isEmpty() && t.get(0).equals("without");
    for (int i = 0; i < t.size() && !speaker; i++) {
      String w = t.get(i);
      // "I don't have / wasn't given a photo of @p"
      if (Set.of("have", "has", "had", "got", "lack", "lacks", "possess", "given", "sent", "shown", "provided",
          "received").contains(w)) {
        for (int j = Math.max(0, i - 4); j < i; j++) {
          speaker |= t.get(j).equals("i") || t.get(j).equals("we");
        }
      }
    }
    if (!speaker || hasImageLocative(t)) {
      return false;
    }
    for (int i = 0; i + 2 < t.size(); i++) {
      if (Set.of("photo", "photos", "picture", "pictures", "image", "images", "headshot", "portrait", "likeness")
              .contains(t.get(i))
          && Set.of("of", "for").contains(t.get(i + 1)) && isPersonOrLooks(t, i + 2)) {
        return true;
      }
    }
    return false;
  }

  /** "@p was not among the people you introduced": the set is the introduced people, not the image. */
  private static boolean amongIntroduced(List<String> t) {
    boolean person = false;
    for (int i = 0; i < t.size(); i++) {
      person |= isPerson(t, i);
      if (person && (t.get(i).equals("you") || t.get(i).equals("i")) && i > 0
          && Set.of("people", "persons", "ones", "faces", "individuals", "names", "references", "photos")
              .contains(t.get(i - 1))) {
        for (int j = i + 1; j < Math.min(t.size(), i + 4); j++) {
          if (Set.of("introduced", "showed", "shown", "gave", "given", "registered", "mentioned", "provided",
              "described", "told").contains(t.get(j))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** People in general shortly after i, and no likeness to the person after them. */
  private static boolean genericPeopleAfter(List<String> t, int i) {
    for (int j = i + 1; j < Math.min(t.size(), i + 4); j++) {
      if (GENERIC_PEOPLE.contains(t.get(j))) {
        return !matchingRelative(t, j + 1); // "identify anyone who matches @p" searches the image
      }
      if (t.get(j).equals(P)) {
        return false;
      }
    }
    return false;
  }

  /**
   * The person as subject knows or is known for something else: "@p is not known for smiling",
   * "@p is unfamiliar with the tool". Only "to me" or "with/of" the speaker makes it acquaintance.
   */
  private static boolean personExperiences(List<String> t, int i) {
    if (i + 1 >= t.size()) {
      return false;
    }
    String next = t.get(i + 1);
    if (Set.of("for", "as").contains(next)) {
      return true;
    }
    return Set.of("with", "of").contains(next)
        && !(i + 2 < t.size() && Set.of("me", "us", "my", "our").contains(t.get(i + 2)));
  }

  /** "(anyone) who matches / looks like / could be @p", "matching @p": a likeness to the person follows. */
  private static boolean matchingRelative(List<String> t, int k) {
    for (int j = k; j < Math.min(t.size(), k + 5); j++) {
      if (t.get(j).equals(P)) {
        return j > k;
      }
      if (!MATCHING_GLUE.contains(t.get(j))) {
        return false;
      }
    }
    return false;
  }

  /** "know @p", "information about @p", "a visual of @p", "know anything about @p's appearance". */
  private static boolean objectFollows(List<String> t, int i) {
    for (int j = i + 1; j < Math.min(t.size(), i + 7); j++) {
      String w = t.get(j);
      if (w.equals(P)) {
        // "@p doesn't know she is being photographed": a clause follows, the person is not known
        return isPersonOrLooks(t, j)
            && !(j == i + 1 && FACTIVES.contains(t.get(i)) && j + 1 < t.size() && FINITE.contains(t.get(j + 1)));
      }
      if (!KNOW_GLUE.contains(w) && !IDENTITY_NOUNS.contains(w)) {
        return false;
      }
      if (w.equals("what") || w.equals("looks") || w.equals("like")) {
        return false; // wh-complements are judged by identityComplement
      }
    }
    return false;
  }

  /** "@p has not been introduced", "@p is unknown to me", "@p is not someone I know". */
  private static boolean subjectPrecedes(List<String> t, int i) {
    if (i > 0 && t.get(i - 1).equals(POSS)) {
      return false; // "@p's description" names a thing of the person, not an acquaintance predicate
    }
    for (int j = i - 1; j >= Math.max(0, i - 7); j--) {
      String w = t.get(j);
      if (w.equals(P)) {
        return isPersonOrLooks(t, j) || (j + 1 < t.size() && t.get(j + 1).equals(POSS));
      }
      if (!SUBJECT_GLUE.contains(w) && !IDENTITY_NOUNS.contains(w) && !w.equals(POSS)
          && !Set.of("of", "and", "the").contains(w)) {
        return false;
      }
    }
    return false;
  }
}
