package dev.pvit.bench.pbench;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One scored answer.
 *
 * @param question the question
 * @param answer the answer text as given
 * @param answerKind the answer's {@link dev.pvit.chat.AnswerKind} name, or {@code ERROR}
 * @param given what the answer was read as (e.g. {@code yes}, {@code B}, {@code refused: absent})
 * @param outcome correct, wrong (a confident answer the photo contradicts) or abstained
 * @param falseAccept on a scene with nobody registered: whether the answer recognised or asserted a
 *     registered person
 * @param millis time to answer
 */
public record Judgement(
    Question question, String answer, String answerKind, String given, Outcome outcome, boolean falseAccept,
    long millis) {
  /** Checks the parts. */
  public Judgement {
    checkNotNull(question, "question");
    checkNotNull(answer, "answer");
    checkNotNull(answerKind, "answerKind");
    checkNotNull(given, "given");
    checkNotNull(outcome, "outcome");
  }

  /**
   * Whether the answer was right.
   *
   * @return true for {@link Outcome#CORRECT}
   */
  public boolean correct() {
    return outcome == Outcome.CORRECT;
  }
}
