package dev.pvit.prompt;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One earlier turn of the conversation: what the user asked and what the assistant answered.
 *
 * @param question the user's message
 * @param answer the assistant's reply
 */
public record Exchange(String question, String answer) {
  /** Checks for nulls; content is validated by {@link PersonalizedPrompt.Builder#build()}. */
  public Exchange {
    checkNotNull(question, "question");
    checkNotNull(answer, "answer");
  }
}
