package dev.pvit.face;

import dev.pvit.NonRetriableException;

/**
 * A face model could not be loaded: a weights file is missing, truncated, has leftover bytes or
 * does not match the network it is meant for. The message names the file. Retrying will not help;
 * reinstall the SDK jar (or re-run {@code scripts/update-face-weights.sh} in a source checkout).
 */
public class ModelLoadException extends NonRetriableException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the file
   */
  public ModelLoadException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what is wrong, naming the file
   * @param cause the underlying failure
   */
  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
