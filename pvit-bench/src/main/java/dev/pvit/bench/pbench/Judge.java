package dev.pvit.bench.pbench;

import dev.pvit.chat.Answer;
import dev.pvit.chat.AnswerKind;
import dev.pvit.chat.Backend;
import dev.pvit.chat.RecognizedPerson;
import dev.pvit.prompt.RefusalClassifier;
import dev.pvit.prompt.RefusalKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Scores one answer against its question.
 *
 * <ul>
 *   <li>Refusals: from {@link Answer#kind()} for the embedded and grounded backends (their refusals
 *       are decided locally), from the {@link RefusalClassifier} on the text for in-context model
 *       output. The refusal must be of the expected family (absent vs. unknown name).
 *   <li>Yes/no, counts and descriptions: read from the text ({@link AnswerReader}).
 *   <li>Multiple choice: backends with local recognition choose the option of the registered person
 *       they recognised ({@link Answer#people()}), "none of them" if none; model text is read for
 *       a letter, a single mentioned option or "none".
 * </ul>
 */
public final class Judge {
  private final RefusalClassifier classifier = RefusalClassifier.create();

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
      case PRESENCE_YES, PRESENCE_NO, RELATIVE_POSITION -> yesNo(q, a);
      case COUNT -> count(q, a);
      case IDENTIFICATION, CHOICE, CHOICE_REFUSAL -> choice(q, a);
      case ABSENT_REFUSAL -> refusal(q, a, RefusalKind.ABSENT);
      case UNKNOWN_REFUSAL -> refusal(q, a, RefusalKind.UNKNOWN);
      case DESCRIPTION -> description(q, a);
    };
    return new Judgement(q, a.text(), a.kind().name(), v.given(), v.correct(), falseAccept(q, a, v), millis);
  }

  /**
   * A judgement for a question whose answer failed with an error (counted as wrong).
   *
   * @param q the question
   * @param error what went wrong
   * @param millis how long it took
   * @return the judgement
   */
  public Judgement failed(Question q, String error, long millis) {
    return new Judgement(q, "error: " + error, "ERROR", "error", false, false, millis);
  }

  private record Verdict(String given, boolean correct, boolean assertsSomeone) {}

  private Verdict yesNo(Question q, Answer a) {
    RefusalKind refusal = refusalOf(a, q.subject());
    if (refusal == RefusalKind.ABSENT) {
      // "Sorry, X is not in the image" answers a presence question with no.
      return new Verdict("no (absent refusal)", q.expected().equals("no"), false);
    }
    if (refusal == RefusalKind.UNKNOWN) {
      return new Verdict("refused: unknown name", false, false);
    }
    if (a.kind() == AnswerKind.NO_FACES) {
      return new Verdict("no faces", q.expected().equals("no") && q.category() == Category.PRESENCE_NO, false);
    }
    Optional<Boolean> yes = AnswerReader.yesNo(a.text());
    String given = yes.map(y -> y ? "yes" : "no").orElse("unreadable");
    return new Verdict(given, given.equals(q.expected()),
        q.category() == Category.PRESENCE_NO && yes.orElse(false));
  }

  private Verdict count(Question q, Answer a) {
    if (refusalOf(a, Optional.empty()) != RefusalKind.NOT_A_REFUSAL || a.kind() == AnswerKind.NO_FACES) {
      return new Verdict("0 (" + a.kind().name().toLowerCase(java.util.Locale.ROOT) + ")", q.expected().equals("0"), false);
    }
    OptionalInt n = AnswerReader.count(a.text());
    String given = n.isPresent() ? String.valueOf(n.getAsInt()) : "unreadable";
    return new Verdict(given, given.equals(q.expected()), n.orElse(0) > 0);
  }

  private Verdict choice(Question q, Answer a) {
    Optional<String> letter;
    if (hasRecognition(a) && q.category() == Category.IDENTIFICATION) {
      List<String> chosen = new ArrayList<>();
      for (int i = 0; i < q.options().size(); i++) {
        String option = q.options().get(i);
        if (a.people().stream().map(RecognizedPerson::name).anyMatch(option::equals)) {
          chosen.add(Question.letter(i));
        }
      }
      int none = q.options().indexOf(Question.NONE_OF_THEM);
      if (chosen.size() > 1) {
        return new Verdict("ambiguous " + String.join("+", chosen), false, true);
      }
      letter = chosen.isEmpty() ? Optional.of(Question.letter(none)) : Optional.of(chosen.get(0));
    } else {
      letter = AnswerReader.choice(a.text(), q.options());
    }
    String given = letter.orElse("unreadable");
    int index = letter.map(l -> l.charAt(0) - 'A').orElse(-1);
    boolean assertsSomeone = index >= 0 && index < q.options().size()
        && !q.options().get(index).equals(Question.NONE_OF_THEM);
    return new Verdict(given, given.equals(q.expected()), assertsSomeone);
  }

  private Verdict refusal(Question q, Answer a, RefusalKind expected) {
    RefusalKind got = refusalOf(a, q.subject());
    String given = switch (got) {
      case ABSENT -> "refused: absent";
      case UNKNOWN -> "refused: unknown name";
      case NOT_A_REFUSAL -> "answered (" + a.kind().name().toLowerCase(java.util.Locale.ROOT) + ")";
    };
    return new Verdict(given, got == expected, expected == RefusalKind.ABSENT && got == RefusalKind.NOT_A_REFUSAL
        && a.kind() != AnswerKind.NO_FACES);
  }

  private Verdict description(Question q, Answer a) {
    if (a.kind() != AnswerKind.ANSWERED) {
      return new Verdict(a.kind().name().toLowerCase(java.util.Locale.ROOT), false, false);
    }
    boolean hit = AnswerReader.mentionsAny(a.text(), q.keywords());
    return new Verdict(hit ? "mentions " + q.expected() : "misses " + q.expected(), hit, false);
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
