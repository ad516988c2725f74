package dev.pvit.chat.internal;

import dev.pvit.chat.Answer;

/**
 * Answers questions in one mode (embedded, grounded or in-context); {@code PersonalizedChat}
 * checks and parses the question, then delegates to the answerer of its mode.
 */
public interface ModeAnswerer {
  /**
   * Answers one question.
   *
   * @param request the question, its scene and the conversation so far
   * @return the answer
   */
  Answer answer(Request request);
}
