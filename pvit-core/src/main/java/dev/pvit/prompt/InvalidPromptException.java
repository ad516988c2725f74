package dev.pvit.prompt;

import dev.pvit.NonRetriableException;

/**
 * A prompt cannot be built, rendered or parsed: a missing question or scene, a reserved token in a
 * question, duplicate people, or a malformed record. The message names the offending part and says
 * what to do.
 */
public class InvalidPromptException extends NonRetriableException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which part is invalid, and what to do
   */
  public InvalidPromptException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message which part is invalid, and what to do
   * @param cause the underlying failure (e.g. a JSON syntax error)
   */
  public InvalidPromptException(String message, Throwable cause) {
    super(message, cause);
  }
}
