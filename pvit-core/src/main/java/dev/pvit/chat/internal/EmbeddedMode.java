package dev.pvit.chat.internal;

import dev.pvit.chat.Answer;
import dev.pvit.chat.Backend;

/** Embedded mode: every question is answered from local face recognition alone. */
public final class EmbeddedMode implements ModeAnswerer {
  private final EmbeddedAnswerer answerer;
  private final long seed;

  /**
   * An embedded answerer.
   *
   * @param answerer answers parsed questions from a recognised scene
   * @param seed chooses refusal phrasings reproducibly
   */
  public EmbeddedMode(EmbeddedAnswerer answerer, long seed) {
    this.answerer = answerer;
    this.seed = seed;
  }

  @Override
  public Answer answer(Request request) {
    Request.Timed r = request.recognize();
    ParsedQuestion q = request.parsed();
    return answerer.answer(q, r.scene(), request.random(seed))
        .toAnswer(r.scene(), Backend.EMBEDDED, r.time(), q.intent(), q.abstention());
  }
}
