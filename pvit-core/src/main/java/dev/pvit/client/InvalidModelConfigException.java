package dev.pvit.client;

import dev.pvit.NonRetriableException;

/**
 * A chat model builder was given a missing or out-of-range setting (base URL, model, timeout,
 * retry count, ...). The message names the setting.
 */
public class InvalidModelConfigException extends NonRetriableException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do
   */
  public InvalidModelConfigException(String message) {
    super(message);
  }
}
