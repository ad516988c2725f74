package dev.pvit.bench;

import dev.pvit.NonRetriableException;

/** A benchmark input (data set folder, labels file, records file) is missing or malformed. */
public class BenchInputException extends NonRetriableException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the offending input and what to do about it
   */
  public BenchInputException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message names the offending input and what to do about it
   * @param cause the underlying failure
   */
  public BenchInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
