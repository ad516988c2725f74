package dev.pvit.client;

import dev.pvit.RetriableException;

/**
 * The connection to the server failed: refused, reset, or closed before the response was
 * complete. Failures before any reply text was delivered are retried automatically; a stream cut
 * after text was delivered is not (see {@link VisionChatModel}).
 */
public class ModelConnectionException extends RetriableException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do
   * @param cause the I/O failure, if any
   */
  public ModelConnectionException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception without a cause.
   *
   * @param message what went wrong and what to do
   */
  public ModelConnectionException(String message) {
    super(message);
  }
}
