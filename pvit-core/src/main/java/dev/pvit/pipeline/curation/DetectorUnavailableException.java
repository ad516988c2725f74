package dev.pvit.pipeline.curation;

import dev.pvit.RetriableException;

/**
 * A person-detection service could not be reached, timed out or answered with a server error. The
 * pipeline retries the input and, if the service stays down, stops so a re-run can resume.
 */
public class DetectorUnavailableException extends RetriableException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to check
   * @param cause the underlying failure, or null
   */
  public DetectorUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
