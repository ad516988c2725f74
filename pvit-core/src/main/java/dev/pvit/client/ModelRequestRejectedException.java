package dev.pvit.client;

import dev.pvit.NonRetriableException;

/**
 * The server rejected the request with a 4xx status other than 429 (bad parameter, unknown model,
 * too many images, request too large). Retrying the same request will fail again; the message
 * carries the server's own explanation.
 */
public class ModelRequestRejectedException extends NonRetriableException {
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
  public ModelRequestRejectedException(String message, int statusCode, String serverMessage) {
    super(message);
    this.statusCode = statusCode;
    this.serverMessage = serverMessage;
  }

  /**
   * The HTTP status.
   *
   * @return e.g. 400
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The server's error message, redacted (no API key, no base64) and shortened.
   *
   * @return the message, or empty if the server sent none
   */
  public String serverMessage() {
    return serverMessage;
  }
}
