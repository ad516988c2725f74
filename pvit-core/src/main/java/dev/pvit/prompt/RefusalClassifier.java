package dev.pvit.prompt;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.prompt.internal.RefusalAnalyser;

/**
 * Recognises refusals in a model's answer and tells the two PVIT families apart: {@link
 * RefusalKind#ABSENT} (the person was introduced but is not in the scene: "Alice isn't in this
 * photo", "I can't find Alice in the image") and {@link RefusalKind#UNKNOWN} (the model does not know
 * who the name is: "I don't know what Carol looks like", "no one named Carol was introduced", "I
 * cannot identify Carol"). Everything else, including answers with ordinary negations ("Alice is not
 * smiling", "there is no dog in the image"), is {@link RefusalKind#NOT_A_REFUSAL}.
 *
 * <p>It reads the meaning of each clause rather than matching phrases: a clause refuses when it is
 * negated (by "not", "no", "never", or a negative word such as "absent", "lacks", "excludes",
 * "unknown", "unfamiliar") and the person fills a slot of a presence predicate (being in the image,
 * appearing, being seen or found, being shown by the image: ABSENT) or of an acquaintance predicate
 * (knowing, recognising, having been introduced, having information or a reference about the person,
 * knowing who they are or what they look like: UNKNOWN). The negation must reach the predicate ("I
 * can see Alice, but not her face" is no refusal). A possessive ("Alice's face") is not the person
 * and a location outside the image or a part of it ("not at the table", "not on the left", "not in
 * the photo's foreground") is not absence.
 * Without a name, a person is a capitalised run that is not a function word (with particles and
 * initials: "Juan de la Cruz", "J. R. Okafor"; a capitalised modal inside a sentence or before a
 * verb: "Will isn't here"), a CJK name or a pronoun, and in lower-case text a word in a slot only a
 * person fills ("who X is", "what X looks like"); a lower-case subject elsewhere ("bob isn't in this
 * pic") could be a thing ("snow isn't in this pic"), so without the name such an answer is no refusal.
 * With {@link #classify(String, String)} only that name (or a pronoun) counts. A title before the
 * person ("Dr. Lima", "Mrs Patel") belongs to the mention and is not part of the name, as in {@link
 * LlavaConversationParser}: the name "Lima" and the name "Dr. Lima" match both. Contractions typed
 * without an apostrophe ("dont", "isnt", "cant", "im") negate like the written ones. Unknown-name
 * cues win over absence cues, since "I have never seen Carol, so I can't find her in the image" is
 * about not knowing Carol. Immutable and thread-safe; used by the bench to score unanswerable
 * questions from any backend.
 *
 * <pre>{@code
 * RefusalClassifier c = RefusalClassifier.create();
 * c.classify("Sorry, Bob doesn't appear in this photo.");   // ABSENT
 * c.classify("I have no idea what Carol looks like.");      // UNKNOWN
 * c.classify("Alice is not smiling.");                      // NOT_A_REFUSAL
 * }</pre>
 */
public final class RefusalClassifier {
  private static final RefusalClassifier INSTANCE = new RefusalClassifier();

  private RefusalClassifier() {}

  /**
   * The classifier.
   *
   * @return a classifier that treats any capitalised word or pronoun as a person
   */
  public static RefusalClassifier create() {
    return INSTANCE;
  }

  /**
   * Classifies an answer.
   *
   * @param answer the model's output
   * @return the refusal family, or {@link RefusalKind#NOT_A_REFUSAL}
   */
  public RefusalKind classify(String answer) {
    checkNotNull(answer, "answer");
    return map(RefusalAnalyser.classify(normalise(answer), null));
  }

  /**
   * Classifies an answer to a question about one person: only refusals about this name (compared
   * ignoring case) or a pronoun count.
   *
   * @param answer the model's output
   * @param name the person the question was about
   * @return the refusal family, or {@link RefusalKind#NOT_A_REFUSAL}
   */
  public RefusalKind classify(String answer, String name) {
    checkNotNull(answer, "answer");
    checkNotNull(name, "name");
    String n = normalise(name);
    return map(RefusalAnalyser.classify(normalise(answer), n.isEmpty() ? null : n));
  }

  /**
   * Whether the answer is a refusal of either family.
   *
   * @param answer the model's output
   * @return true for {@link RefusalKind#ABSENT} or {@link RefusalKind#UNKNOWN}
   */
  public boolean isRefusal(String answer) {
    return classify(answer) != RefusalKind.NOT_A_REFUSAL;
  }

  private static RefusalKind map(RefusalAnalyser.Family f) {
    return switch (f) {
      case ABSENT -> RefusalKind.ABSENT;
      case UNKNOWN -> RefusalKind.UNKNOWN;
      case NONE -> RefusalKind.NOT_A_REFUSAL;
    };
  }

  /** Straight apostrophes, no markdown emphasis, single spaces. */
  private static String normalise(String s) {
    return s.replace('\u2019', '\'')
        .replace('\u2018', '\'')
        .replace("**", "")
        .replace("__", "")
        .replaceAll("\\s+", " ")
        .strip();
  }
}
