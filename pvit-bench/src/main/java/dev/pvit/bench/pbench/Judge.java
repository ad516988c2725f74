package dev.pvit.bench.pbench;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.bench.pbench.AnswerReader.Stated;
import dev.pvit.chat.Answer;
import dev.pvit.chat.AnswerKind;
import dev.pvit.chat.Backend;
import dev.pvit.chat.RecognizedPerson;
import dev.pvit.prompt.RefusalClassifier;
import dev.pvit.prompt.RefusalKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Scores one answer against its question's ground truth (the scene labels), never against what the
 * code under test thinks the question means. Each answer is {@link Outcome#CORRECT}, {@link
 * Outcome#WRONG} or {@link Outcome#ABSTAINED}.
 *
 * <ul>
 *   <li>Refusals: from {@link Answer#kind()} for the embedded and grounded backends (their refusals
 *       are typed), from the {@link RefusalClassifier} on the text for in-context model output. The
 *       refusal must be of the expected family (absent vs. unknown name); a refusal where an answer
 *       was due is wrong. An absent refusal answers a presence question with "no" (and a negated
 *       one with "yes").
 *   <li>Yes/no questions: the yes or no the answer text opens with ({@link
 *       AnswerReader#leadingYesNo}); without one, what the text states about the names the
 *       question asks (found with the benchmark's own names) may settle a presence-type question
 *       ("Only partly: A is here, but B is not" answers "Are A and B both here?" with no);
 *       otherwise the answer is wrong.
 *   <li>Every answer's text is also read for what it states about who is here ({@link
 *       AnswerReader#statedNames}); a statement the labels contradict ("Yes, Amara is here" when
 *       she is not, "What I can tell: Bruno is on the left" when he is not there) makes the answer
 *       wrong, even when its yes/no or its kind is right.
 *   <li>Counts: the number the text gives for registered people, in digits or words.
 *   <li>"Who is here": the names the text states as present must be exactly the labelled ones
 *       (and, for backends with local recognition, so must {@link Answer#people()}).
 *   <li>Multiple choice: backends with local recognition must choose the same option in their text
 *       as in {@link Answer#people()}; model text is read for a letter, a single mentioned option or
 *       "none".
 *   <li>Any answer kind other than answered, absent, unknown and no-faces is a typed abstention
 *       ({@code NEEDS_VISION_MODEL} today): {@link Outcome#ABSTAINED} unless its text states
 *       something the labels contradict.
 * </ul>
 *
 * <pre>{@code
 * Judge judge = new Judge(NameFinder.of(allNames));
 * Judgement j = judge.judge(question, chat.ask(scene, question.text()), 12);
 * }</pre>
 */
public final class Judge {
  private final RefusalClassifier classifier = RefusalClassifier.create();
  private final NameFinder names;

  /**
   * A judge that reads these names in answer texts.
   *
   * @param names every name a question may be about (registered and stranger names)
   */
  public Judge(NameFinder names) {
    this.names = checkNotNull(names, "names");
  }

  /**
   * Scores an answer.
   *
   * @param q the question
   * @param a the answer
   * @param millis how long the answer took
   * @return the judgement
   */
  public Judgement judge(Question q, Answer a, long millis) {
    Verdict v = switch (q.category()) {
      case PRESENCE_YES, PRESENCE_NO, NEGATED_PRESENCE, CONJUNCTION, DISJUNCTION, RELATIVE_POSITION -> yesNo(q, a);
      case COUNT -> count(q, a);
      case WHO -> who(q, a);
      case IDENTIFICATION, CHOICE, CHOICE_REFUSAL -> choice(q, a);
      case ABSENT_REFUSAL -> refusal(q, a, RefusalKind.ABSENT);
      case UNKNOWN_REFUSAL -> refusal(q, a, RefusalKind.UNKNOWN);
      case DESCRIPTION -> description(q, a);
    };
    return new Judgement(q, a.text(), a.kind().name(), v.given(), v.outcome(), falseAccept(q, a, v), millis);
  }

  /**
   * A judgement for a question whose answer failed with an error (e.g. a model server that stayed
   * down after retries): counted as abstained, with the error as the given answer.
   *
   * @param q the question
   * @param error what went wrong
   * @param millis how long it took
   * @return the judgement
   */
  public Judgement failed(Question q, String error, long millis) {
    return new Judgement(q, "error: " + error, "ERROR", "error", Outcome.ABSTAINED, false, millis);
  }

  private record Verdict(String given, Outcome outcome, boolean assertsSomeone) {
    static Verdict of(String given, boolean right, boolean assertsSomeone) {
      return new Verdict(given, right ? Outcome.CORRECT : Outcome.WRONG, assertsSomeone);
    }
  }

  private Verdict yesNo(Question q, Answer a) {
    boolean negated = q.category() == Category.NEGATED_PRESENCE;
    boolean relative = q.category() == Category.RELATIVE_POSITION;
    RefusalKind refusal = refusalOf(a, q.subject());
    if (refusal == RefusalKind.ABSENT || a.kind() == AnswerKind.NO_FACES) {
      String why = refusal == RefusalKind.ABSENT ? " (absent refusal)" : " (no faces)";
      if (relative) {
        return Verdict.of("refused: absent", false, false);
      }
      String given = (negated ? "yes" : "no") + why;
      return Verdict.of(given, given.startsWith(q.expected()), false);
    }
    if (refusal == RefusalKind.UNKNOWN) {
      return Verdict.of("refused: unknown name", false, false);
    }
    Optional<String> contradiction = contradiction(q, a, !relative);
    if (isAbstention(a)) {
      return abstained(contradiction);
    }
    Optional<Boolean> yes = AnswerReader.leadingYesNo(a.text());
    String given;
    if (yes.isPresent()) {
      given = yes.get() ? "yes" : "no";
    } else {
      // No yes or no: what the text states about the people asked about may still answer the
      // question ("Only partly: Amara is here, but Bruno is not" to "Are Amara and Bruno both here?").
      given = relative ? "no yes/no"
          : impliedAnswer(q, AnswerReader.statedNames(a.text(), names)).map(y -> (y ? "yes" : "no") + " (stated)")
              .orElse("no yes/no");
    }
    boolean saysYes = given.startsWith("yes");
    boolean assertsSomeone = (saysYes && !negated && q.expected().equals("no") && !relative)
        || contradiction.map(c -> c.endsWith(" is here")).orElse(false);
    boolean right = given.startsWith(q.expected()) && !given.startsWith("no yes/no");
    if (contradiction.isPresent() && right) {
      return Verdict.of(given + ", but " + contradiction.get(), false, assertsSomeone);
    }
    return Verdict.of(given, right, assertsSomeone);
  }

  /**
   * The yes or no that the text's statements give to a presence-type question about the names it
   * asks (found in the question with the benchmark's own names, not by the code under test), or
   * empty when the statements do not settle it.
   */
  private Optional<Boolean> impliedAnswer(Question q, Map<String, Stated> stated) {
    List<String> asked = names.find(q.text());
    if (asked.isEmpty()) {
      return Optional.empty();
    }
    long here = asked.stream().filter(n -> stated.get(n) == Stated.PRESENT).count();
    long gone = asked.stream().filter(n -> stated.get(n) == Stated.ABSENT).count();
    Optional<Boolean> anyHere = here > 0 ? Optional.of(true) : gone == asked.size() ? Optional.of(false) : Optional.empty();
    Optional<Boolean> allHere = here == asked.size() ? Optional.of(true) : gone > 0 ? Optional.of(false) : Optional.empty();
    return switch (q.category()) {
      case PRESENCE_YES, PRESENCE_NO, DISJUNCTION -> anyHere;
      case CONJUNCTION -> allHere;
      case NEGATED_PRESENCE -> anyHere.map(h -> !h);
      default -> Optional.empty();
    };
  }

  private Verdict count(Question q, Answer a) {
    if (refusalOf(a, Optional.empty()) != RefusalKind.NOT_A_REFUSAL || a.kind() == AnswerKind.NO_FACES) {
      String given = "0 (" + a.kind().name().toLowerCase(Locale.ROOT) + ")";
      return Verdict.of(given, q.expected().equals("0"), false);
    }
    Optional<String> contradiction = contradiction(q, a, true);
    if (isAbstention(a)) {
      return abstained(contradiction);
    }
    OptionalInt n = AnswerReader.registeredCount(a.text());
    String given = n.isPresent() ? String.valueOf(n.getAsInt()) : "no count";
    boolean asserts = n.orElse(0) > 0 || contradiction.isPresent();
    if (contradiction.isPresent() && given.equals(q.expected())) {
      return Verdict.of(given + ", but " + contradiction.get(), false, asserts);
    }
    return Verdict.of(given, given.equals(q.expected()), asserts);
  }

  private Verdict who(Question q, Answer a) {
    Set<String> truth = new LinkedHashSet<>(q.present().orElse(List.of()));
    if (a.kind() == AnswerKind.NO_FACES) {
      return Verdict.of("nobody (no faces)", truth.isEmpty(), false);
    }
    if (refusalOf(a, Optional.empty()) != RefusalKind.NOT_A_REFUSAL) {
      return Verdict.of("refused", false, false);
    }
    Optional<String> contradiction = contradiction(q, a, true);
    if (isAbstention(a)) {
      return abstained(contradiction);
    }
    Set<String> stated = new LinkedHashSet<>();
    AnswerReader.statedNames(a.text(), names).forEach((n, s) -> {
      if (s == Stated.PRESENT) {
        stated.add(n);
      }
    });
    String given = stated.isEmpty() ? "nobody" : String.join(", ", stated);
    boolean right = stated.equals(truth);
    if (right && hasRecognition(a)) {
      Set<String> recognised = new LinkedHashSet<>(a.people().stream().map(RecognizedPerson::name).toList());
      if (!recognised.equals(truth)) {
        return Verdict.of(given + " (recognised " + (recognised.isEmpty() ? "nobody" : String.join(", ", recognised))
            + ")", false, !recognised.isEmpty());
      }
    }
    return Verdict.of(given, right, !stated.isEmpty());
  }

  private Verdict choice(Question q, Answer a) {
    if (q.category() == Category.IDENTIFICATION) {
      if (refusalOf(a, Optional.empty()) != RefusalKind.NOT_A_REFUSAL) {
        return Verdict.of("refused", false, false);
      }
      if (a.kind() == AnswerKind.NO_FACES) {
        String none = Question.letter(q.options().indexOf(Question.NONE_OF_THEM));
        return Verdict.of(none + " (no faces)", none.equals(q.expected()), false);
      }
    }
    Optional<String> contradiction = contradiction(q, a, true);
    if (isAbstention(a)) {
      return abstained(contradiction);
    }
    Optional<String> letter;
    if (hasRecognition(a) && q.category() == Category.IDENTIFICATION) {
      Optional<String> byPeople = optionOf(q, a.people().stream().map(RecognizedPerson::name).toList());
      Map<String, Stated> stated = AnswerReader.statedNames(a.text(), names);
      Optional<String> byText = optionOf(q, stated.entrySet().stream()
          .filter(e -> e.getValue() == Stated.PRESENT).map(Map.Entry::getKey).toList());
      if (byPeople.isEmpty() || byText.isEmpty()) {
        return Verdict.of("ambiguous (" + (byPeople.isEmpty() ? "recognised" : "stated") + " several options)",
            false, true);
      }
      if (!byPeople.equals(byText)) {
        return Verdict.of("text says " + byText.get() + ", recognition " + byPeople.get(), false, true);
      }
      letter = byText;
    } else {
      letter = AnswerReader.choice(a.text(), q.options());
    }
    String given = letter.orElse("no choice");
    int index = letter.map(l -> l.charAt(0) - 'A').orElse(-1);
    boolean assertsSomeone = index >= 0 && index < q.options().size()
        && !q.options().get(index).equals(Question.NONE_OF_THEM);
    if (contradiction.isPresent() && given.equals(q.expected())) {
      return Verdict.of(given + ", but " + contradiction.get(), false, true);
    }
    return Verdict.of(given, given.equals(q.expected()), assertsSomeone);
  }

  /** The letter of the only option among these names, "none of them" for no name, empty for several. */
  private static Optional<String> optionOf(Question q, Collection<String> chosenNames) {
    List<String> chosen = new ArrayList<>();
    for (int i = 0; i < q.options().size(); i++) {
      if (chosenNames.contains(q.options().get(i))) {
        chosen.add(Question.letter(i));
      }
    }
    if (chosen.size() > 1) {
      return Optional.empty();
    }
    return Optional.of(chosen.isEmpty() ? Question.letter(q.options().indexOf(Question.NONE_OF_THEM)) : chosen.get(0));
  }

  private Verdict refusal(Question q, Answer a, RefusalKind expected) {
    RefusalKind got = refusalOf(a, q.subject());
    if (got == RefusalKind.NOT_A_REFUSAL && a.kind() == AnswerKind.NO_FACES) {
      // "I can't find any face" says that nobody, so not the person asked about, is there.
      got = RefusalKind.ABSENT;
    }
    if (got != RefusalKind.NOT_A_REFUSAL) {
      String given = got == RefusalKind.ABSENT ? "refused: absent" : "refused: unknown name";
      return Verdict.of(given, got == expected, false);
    }
    Optional<String> contradiction = contradiction(q, a, true);
    if (isAbstention(a)) {
      return abstained(contradiction);
    }
    return Verdict.of("answered" + contradiction.map(c -> ": " + c).orElse(""), false,
        contradiction.map(c -> c.endsWith(" is here")).orElse(false));
  }

  private Verdict description(Question q, Answer a) {
    if (isAbstention(a)) {
      return abstained(contradiction(q, a, true));
    }
    if (a.kind() != AnswerKind.ANSWERED) {
      return Verdict.of(a.kind().name().toLowerCase(Locale.ROOT), false, false);
    }
    boolean hit = AnswerReader.mentionsAny(a.text(), q.keywords());
    return Verdict.of(hit ? "mentions " + q.expected() : "misses " + q.expected(), hit, false);
  }

  private static Verdict abstained(Optional<String> contradiction) {
    return contradiction
        .map(c -> new Verdict("abstained, but " + c, Outcome.WRONG, c.contains(" is here")))
        .orElseGet(() -> new Verdict("abstained", Outcome.ABSTAINED, false));
  }

  /**
   * The first thing the text states about who is here that the labels contradict, if any.
   *
   * @param absences whether "X is not here" statements are checked too (not for relative positions,
   *     where "No, X is not to the left of Y" says nothing about presence)
   */
  private Optional<String> contradiction(Question q, Answer a, boolean absences) {
    if (q.present().isEmpty()) {
      return Optional.empty();
    }
    List<String> truth = q.present().get();
    for (Map.Entry<String, Stated> e : AnswerReader.statedNames(a.text(), names).entrySet()) {
      boolean here = truth.contains(e.getKey());
      if (e.getValue() == Stated.PRESENT && !here) {
        return Optional.of("states " + e.getKey() + " is here");
      }
      if (absences && e.getValue() == Stated.ABSENT && here) {
        return Optional.of("states " + e.getKey() + " is not here");
      }
    }
    return Optional.empty();
  }

  /** Any kind that is neither an answer nor a refusal nor "no faces" declines to answer. */
  static boolean isAbstention(Answer a) {
    return switch (a.kind().name()) {
      case "ANSWERED", "PERSON_ABSENT", "PERSON_UNKNOWN", "NO_FACES" -> false;
      default -> true;
    };
  }

  private RefusalKind refusalOf(Answer a, Optional<String> subject) {
    if (a.backend() == Backend.IN_CONTEXT) {
      return subject.map(s -> classifier.classify(a.text(), s)).orElseGet(() -> classifier.classify(a.text()));
    }
    return switch (a.kind()) {
      case PERSON_ABSENT -> RefusalKind.ABSENT;
      case PERSON_UNKNOWN -> RefusalKind.UNKNOWN;
      default -> RefusalKind.NOT_A_REFUSAL;
    };
  }

  private static boolean hasRecognition(Answer a) {
    return a.backend() != Backend.IN_CONTEXT;
  }

  /** On a scene with nobody registered, any registered person recognised or asserted is a false accept. */
  private static boolean falseAccept(Question q, Answer a, Verdict v) {
    if (q.registeredInScene() != 0 || q.category().kind() == Category.Kind.SEPARATE
        || q.category() == Category.UNKNOWN_REFUSAL) {
      return false;
    }
    return (hasRecognition(a) && !a.people().isEmpty()) || v.assertsSomeone();
  }
}
