package dev.pvit.client;

import dev.pvit.NonRetriableException;

/**
 * The server answered, but not in the expected format: a body that is not JSON (often an HTML page
 * from a proxy or a wrong base URL), JSON without the expected fields, or a malformed SSE/NDJSON
 * line. The message carries the status and a short, redacted excerpt of what was received.
 */
public class MalformedModelResponseException extends NonRetriableException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String bodyExcerpt;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do
   * @param statusCode the HTTP status of the response
   * @param bodyExcerpt at most 200 characters of the offending body or line, redacted
   */
  public MalformedModelResponseException(String message, int statusCode, String bodyExcerpt) {
    super(message);
    this.statusCode = statusCode;
    this.bodyExcerpt = bodyExcerpt;
  }

  /**
   * The HTTP status of the response.
   *
   * @return e.g. 200
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * At most 200 characters of the offending body or line, with the API key and long base64 runs
   * removed.
   *
   * @return the excerpt
   */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
