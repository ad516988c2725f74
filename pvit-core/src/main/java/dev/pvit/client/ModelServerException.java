package dev.pvit.client;

import dev.pvit.RetriableException;

/**
 * The server failed (HTTP 5xx, or an error event in the middle of a stream). Retried
 * automatically per the model's retry policy before being thrown.
 */
public class ModelServerException extends RetriableException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String serverMessage;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do
   * @param statusCode the HTTP status
   * @param serverMessage the server's error message (redacted and shortened), or empty
   */
  public ModelServerException(String message, int statusCode, String serverMessage) {
    super(message);
    this.statusCode = statusCode;
    this.serverMessage = serverMessage;
  }

  /**
   * The HTTP status.
   *
   * @return e.g. 503
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The server's error message, redacted and shortened.
   *
   * @return the message, or empty if the server sent none
   */
  public String serverMessage() {
    return serverMessage;
  }
}
