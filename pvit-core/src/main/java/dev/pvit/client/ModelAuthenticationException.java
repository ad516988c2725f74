package dev.pvit.client;

/**
 * The server refused the credentials (HTTP 401 or 403): the API key is missing, wrong, or lacks
 * access to the model.
 */
public class ModelAuthenticationException extends ModelRequestRejectedException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do
   * @param statusCode 401 or 403
   * @param serverMessage the server's error message (redacted and shortened), or empty
   */
  public ModelAuthenticationException(String message, int statusCode, String serverMessage) {
    super(message, statusCode, serverMessage);
  }
}
