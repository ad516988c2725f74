package dev.pvit.client;

import dev.pvit.NonRetriableException;

/**
 * A chat request cannot be sent as built: no messages, an image in a non-user message, more
 * images than the model accepts, an out-of-range setting, or a closed model.
 */
public class InvalidChatRequestException extends NonRetriableException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do
   */
  public InvalidChatRequestException(String message) {
    super(message);
  }
}
