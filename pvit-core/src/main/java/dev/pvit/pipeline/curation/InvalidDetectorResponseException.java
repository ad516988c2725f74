package dev.pvit.pipeline.curation;

import dev.pvit.NonRetriableException;

/**
 * A person-detection service refused the request (HTTP 4xx) or answered with JSON this SDK cannot
 * read. The input is rejected; check the service URL and its response format.
 */
public class InvalidDetectorResponseException extends NonRetriableException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong
   */
  public InvalidDetectorResponseException(String message) {
    super(message);
  }
}
