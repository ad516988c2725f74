package dev.pvit.prompt.internal;

import java.util.Set;

/**
 * The closed word classes the refusal analyser reads: negators, seeing/showing/presence words,
 * acquaintance words, image and reference nouns, and the glue words allowed between a predicate
 * and the person. They are kept apart from the patterns that use them so that a new wording of an
 * existing family is a word added here, not a new rule.
 */
final class RefusalLexicon {
  private RefusalLexicon() {}

  /** Third-person pronouns, which in an answer about one person stand for that person. */
  static final Set<String> PRONOUNS = Set.of("he", "she", "they", "him", "them", "himself", "herself");

  /** Nouns that with "this"/"that"/"the" stand for the person asked about. */
  static final Set<String> PERSON_NOUNS = Set.of("person", "individual");

  /** Negators, including lexical negatives ("lacks", "absent", "unknown"), counted for polarity. */
  static final Set<String> NEGATORS =
      Set.of("not", "no", "never", "nowhere", "none", "nobody", "nothing", "neither", "nor", "unable", "fail",
          "fails", "failed", "lack", "lacks", "lacked", "lacking", "exclude", "excludes", "excluded", "omit",
          "omits", "omitted", "absent", "missing", "unknown", "unfamiliar", "unaware", "clueless", "stranger",
          "mystery", "beyond", "unclear", "impossible");

  /** Nouns (and pronouns) that can refer to the image in a locative or as subject. */
  static final Set<String> IMAGE_NOUNS =
      Set.of("image", "images", "photo", "photos", "picture", "pictures", "pic", "pics", "scene", "scenes",
          "frame", "frames", "shot", "shots", "photograph", "photographs", "snapshot", "snapshots", "headshot",
          "screenshot", "selfie", "view", "it", "them", "crowd", "group", "one");

  /** Image nouns that head a compound ("group photo", "crowd shot"); "picture frame" is a thing. */
  static final Set<String> PHOTO_HEADS =
      Set.of("photo", "photos", "photograph", "picture", "pictures", "image", "images", "shot", "shots", "snapshot",
          "pic", "pics", "selfie", "headshot");

  /** What the speaker knows or was given, as opposed to the image. */
  static final Set<String> MENTAL_NOUNS =
      Set.of("memory", "memories", "data", "database", "system", "knowledge", "records", "record", "references",
          "introductions", "mind", "capability", "capabilities", "ability", "gallery", "files", "list");

  /** Determiners and participles allowed before an image noun ("the uploaded photo"). */
  static final Set<String> DETERMINERS =
      Set.of("the", "this", "that", "these", "those", "your", "a", "an", "any", "my", "our", "provided", "given",
          "attached", "current", "same", "whole", "entire", "uploaded", "shared", "above", "following");

  /** Verbs of seeing or searching whose object is looked for in the image. */
  static final Set<String> SEE_VERBS =
      Set.of("see", "sees", "seeing", "saw", "find", "finds", "finding", "spot", "spots", "locate", "locates",
          "detect", "detects", "notice", "notices", "observe", "observes", "make", "pick", "discern", "identify",
          "recognize", "recognise", "distinguish", "seen", "found", "spotted", "located", "detected", "noticed",
          "observed");

  /** Seeing verbs that are about knowing the person unless the image is named. */
  static final Set<String> SEE_NEEDS_IMAGE = Set.of("identify", "recognize", "recognise", "distinguish");

  /** Verbs whose subject is the image and whose object is what it shows. */
  static final Set<String> SHOW_VERBS =
      Set.of("show", "shows", "showing", "include", "includes", "including", "contain", "contains", "containing",
          "feature", "features", "featuring", "depict", "depicts", "display", "displays", "capture", "captures",
          "portray", "portrays", "have", "has", "highlight", "highlights", "exclude", "excludes", "omit", "omits",
          "lack", "lacks", "reveal", "reveals", "present", "presents", "picture", "pictures");

  /** Heads of a presence predicate with the person as subject ("is visible", "appears"). */
  static final Set<String> PRESENCE_HEADS =
      Set.of("present", "visible", "pictured", "shown", "depicted", "featured", "captured", "included", "seen",
          "found", "located", "spotted", "there", "here", "anywhere", "absent", "missing", "nowhere", "among",
          "part", "one", "in", "inside", "within", "appear", "appears", "appeared", "appearing", "feature",
          "features", "show", "shows", "turn", "turns", "figure", "figures", "detected", "identified",
          "recognizable", "recognisable", "discernible", "displayed", "portrayed", "caught", "photographed");

  /** Nouns for evidence of the person ("no sign of", "lacks the presence of"). */
  static final Set<String> EVIDENCE_NOUNS =
      Set.of("sign", "signs", "trace", "traces", "indication", "evidence", "presence", "appearance", "visibility",
          "image", "picture", "photo", "hint", "mention");

  /** Auxiliaries, negators and adverbs between the person and a presence head. */
  static final Set<String> SKIP_TO_HEAD =
      Set.of("is", "are", "was", "were", "be", "been", "being", "am", "does", "do", "did", "can", "could", "will",
          "has", "have", "had",
          "would", "may", "might", "not", "never", "currently", "actually", "really", "clearly", "even",
          "seem", "seems", "seemed", "to", "simply", "just", "definitely", "certainly", "unfortunately",
          "sadly", "apparently", ",", "also", "either", "anymore", "at", "all", "obviously", "visibly");

  /** Acquaintance words: knowing, recognising, being introduced, having information about. */
  static final Set<String> KNOW_WORDS =
      Set.of("know", "knows", "knew", "known", "knowing", "recognize", "recognise", "recognizing", "recognising",
          "recognition", "familiar", "acquainted", "aware", "privy", "met", "meet", "introduced", "introduce",
          "heard", "informed", "told", "visualize", "visualise", "describe", "describing", "description",
          "identify", "identifying", "identification", "information", "info", "details", "detail", "data",
          "reference", "references", "idea", "clue", "knowledge", "visual", "visuals", "record", "records",
          "unknown", "unfamiliar", "stranger", "mystery", "clueless", "unaware", "memory", "database");

  /** Words that may stand between an acquaintance word and the person ("information about @p"). */
  static final Set<String> KNOW_GLUE =
      Set.of("about", "of", "on", "for", "with", "to", "regarding", "concerning", "pertaining", "the", "a", "an",
          "any", "anything", "anyone", "anybody", "someone", "somebody", "person", "named", "called", "by",
          "name", "available", "me", "us", "visual", "physical", "prior", "previous", "reference", "details",
          "information", "photo", "picture", "image", "photos", "pictures", "images", "description", "data",
          "record", "records", "face", "faces", "previously", "before", "yet", "ever", "really", "actually",
          "or", "and", "in", "my", "what", "looks", "like");

  /** Words that may stand between the person (as subject) and an acquaintance predicate. */
  static final Set<String> SUBJECT_GLUE =
      Set.of("is", "are", "was", "were", "has", "have", "had", "been", "be", "not", "never", "yet", "ever",
          "remains", "remain", "a", "an", "to", "me", "someone", "somebody", "anyone", "person", "i", "we",
          "simply", "completely", "entirely", "totally", "still", "really", "one", "who", "whom", "that",
          "previously", "formally", "properly");

  /** Nouns of how the person looks, which stand for knowing the person. */
  static final Set<String> IDENTITY_NOUNS =
      Set.of("appearance", "identity", "look", "looks", "face", "features", "physical", "likeness");

  /** People in general, the object of a capability refusal ("I can't identify people"). */
  static final Set<String> GENERIC_PEOPLE =
      Set.of("people", "persons", "individuals", "faces", "anyone", "anybody", "strangers", "humans");

  /** Verbs that equate or compare someone with the person ("none of them is @p"). */
  static final Set<String> MATCH_VERBS =
      Set.of("is", "are", "was", "were", "be", "matches", "match", "matching", "resembles", "resemble",
          "resembling", "belong", "belongs", "like", "to", "as");

  /** Adjectives of difficulty, which a negation grades rather than denies ("not hard to spot"). */
  static final Set<String> DIFFICULTY = Set.of("hard", "difficult", "easy", "tough", "tricky");

  /** Verbs whose complement clause keeps its own polarity under a negation ("doesn't know she is here"). */
  static final Set<String> FACTIVES =
      Set.of("know", "knows", "knew", "realize", "realise", "realizes", "realises", "notice", "notices", "aware");

  /** Finite verbs that open a clause after its subject. */
  static final Set<String> FINITE =
      Set.of("is", "are", "was", "were", "am", "has", "had", "will", "would", "can", "could", "does", "did");

  /** Negative universals; "no one" and "not anyone" are folded into "noone" first. */
  static final Set<String> UNIVERSALS = Set.of("nobody", "none", "noone", "neither");

  /** Words of a relative or participle that compares someone with the person ("who could be", "matching"). */
  static final Set<String> MATCHING_GLUE =
      Set.of("who", "that", "looks", "look", "like", "resembling", "resembles", "resemble", "matching", "matches",
          "match", "similar", "to", "could", "might", "may", "be", "possibly", "is", "was");

  /** Words between an existential "there" and the person ("there doesn't seem to be anyone named @p"). */
  static final Set<String> EXISTENTIAL_GLUE =
      Set.of("is", "are", "was", "were", "does", "do", "did", "not", "seem", "seems", "appear", "appears", "to", "be",
          "no", "any", "anyone", "anybody", "someone", "somebody", "one", "person", "named", "called", "noone",
          "nobody", "who", "that", "looks", "like", "resembling", "matching", "really", "actually");

  /** Words that, opening a comma segment, continue the previous one ("Ana, is not here"). */
  static final Set<String> SEGMENT_MERGE_STARTERS =
      Set.of("is", "are", "was", "were", "does", "do", "did", "doesn't", "can", "could", "has", "have",
          "appears", "isn't", "remains", "seems", "but");
}
