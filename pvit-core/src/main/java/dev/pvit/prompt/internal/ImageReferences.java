package dev.pvit.prompt.internal;

import static dev.pvit.prompt.internal.RefusalClauses.P;
import static dev.pvit.prompt.internal.RefusalClauses.POSS;
import static dev.pvit.prompt.internal.RefusalLexicon.DETERMINERS;
import static dev.pvit.prompt.internal.RefusalLexicon.IMAGE_NOUNS;
import static dev.pvit.prompt.internal.RefusalLexicon.MENTAL_NOUNS;
import static dev.pvit.prompt.internal.RefusalLexicon.PHOTO_HEADS;
import static dev.pvit.prompt.internal.RefusalLexicon.SEE_VERBS;

import java.util.List;
import java.util.Set;

/**
 * Decides what a clause's locative or subject refers to: the image ("in this photo", "the picture
 * shows"), what the speaker was given ("my records", "your reference photos"), or something else
 * ("at the table", "in the photo's foreground"). The same negated predicate is absence when it is
 * about the image, unknown-person when it is about the references, and no refusal otherwise.
 */
final class ImageReferences {
  private ImageReferences() {}

  /** Whether the segment places something in the image ("in this photo", "from the picture"). */
  static boolean hasImageLocative(List<String> t) {
    for (int i = 0; i < t.size(); i++) {
      if (Set.of("in", "within", "inside", "from", "on", "of").contains(t.get(i)) && imageNounPhrase(t, i + 1) > 0) {
        return true;
      }
    }
    return false;
  }

  /** Length of "(det)* image-noun" starting at i, or 0. */
  static int imageNounPhrase(List<String> t, int i) {
    int n = containerPhrase(t, i);
    // "in the photo's foreground" is a part of the image, "in the picture frame" a thing: not the image
    if (n > 0 && i + n < t.size() && PHOTO_HEADS.contains(t.get(i + n))) {
      return n + 1; // "in this group photo": the compound's head is the image
    }
    boolean modifier = n > 0 && i + n < t.size() && (t.get(i + n).equals(POSS) || IMAGE_NOUNS.contains(t.get(i + n))
        && !Set.of("it", "them", "one").contains(t.get(i + n)));
    return modifier ? 0 : n;
  }

  /** Length of "det+ image-noun", "det+ word image-noun" or a bare "it"/"them" at i, or 0. */
  private static int containerPhrase(List<String> t, int i) {
    int j = i;
    while (j < t.size() && DETERMINERS.contains(t.get(j))) {
      j++;
    }
    if (j < t.size() && j > i && !t.get(j).equals(P) && IMAGE_NOUNS.contains(t.get(j))) {
      return j - i + 1;
    }
    // "in it", "among them"
    if (j == i && j < t.size() && (t.get(j).equals("it") || t.get(j).equals("them"))) {
      return 1;
    }
    // one unknown adjective: "in the group photo", "in the provided picture"
    if (j + 1 < t.size() && j > i && IMAGE_NOUNS.contains(t.get(j + 1))) {
      return j - i + 2;
    }
    return 0;
  }

  /** The segment is about what the speaker knows ("my memory", "in the database", "to me"), not the image. */
  static boolean mentalLocative(List<String> t) {
    for (int i = 0; i + 1 < t.size(); i++) {
      if ((t.get(i).equals("my") || t.get(i).equals("our")) && MENTAL_NOUNS.contains(t.get(i + 1))) {
        return true;
      }
      if ((t.get(i).equals("to") || t.get(i).equals("for")) && t.get(i + 1).equals("me")) {
        return true;
      }
      if (t.get(i).equals("in") && i + 2 < t.size() && t.get(i + 1).equals("the") && MENTAL_NOUNS.contains(t.get(i + 2))) {
        return true;
      }
    }
    return false;
  }

  /** The subject before the verb is what the speaker was given: references, records, memory, introductions. */
  static boolean referenceSubject(List<String> t, int i) {
    for (int j = 0; j < i; j++) {
      if (t.get(j).equals(P)) {
        return false;
      }
    }
    for (int j = 0; j < i; j++) {
      if (MENTAL_NOUNS.contains(t.get(j)) || t.get(j).equals("reference")) {
        return true;
      }
    }
    return false;
  }

  /** The subject before the verb is an image noun ("the photo", "this image", "the people in this photo"). */
  static boolean imageSubject(List<String> t, int i) {
    if (referenceSubject(t, i)) {
      return false;
    }
    for (int j = 0; j < i; j++) {
      if (t.get(j).equals(P) || SEE_VERBS.contains(t.get(j)) || t.get(j).equals("i")) {
        return false;
      }
    }
    for (int j = 0; j < i; j++) {
      if (IMAGE_NOUNS.contains(t.get(j)) && !t.get(j).equals("it") && !t.get(j).equals("them")) {
        return true;
      }
    }
    return false;
  }

  /** After a presence predicate: nothing, the image, here/there/anywhere, among, at all, from the image. */
  static boolean licensedComplement(List<String> t, int k) {
    while (k < t.size() && Set.of("anywhere", "here", "there", "around", "nearby", "at", "all", "either",
        "whatsoever", "currently",
        "visible", "present", "to", "be", "seen", "found", "by", "me", "clearly").contains(t.get(k))) {
      if (t.get(k).equals("at") && !(k + 1 < t.size() && t.get(k + 1).equals("all"))) {
        return false;
      }
      if (t.get(k).equals("by") && !(k + 1 < t.size() && t.get(k + 1).equals("me"))) {
        return false;
      }
      k++;
    }
    if (k >= t.size() || t.get(k).equals(",")) {
      return true;
    }
    String w = t.get(k);
    if (Set.of("in", "within", "inside", "from", "on", "of").contains(w)) {
      return imageNounPhrase(t, k + 1) > 0;
    }
    return w.equals("among") || IMAGE_NOUNS.contains(w);
  }
}
