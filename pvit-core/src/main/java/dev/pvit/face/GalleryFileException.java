package dev.pvit.face;

import dev.pvit.NonRetriableException;

/**
 * A face gallery file could not be read or written (missing, unreadable, no space, no permission).
 * The message names the file.
 */
public class GalleryFileException extends NonRetriableException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed for which file, and what to do
   * @param cause the I/O failure
   */
  public GalleryFileException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception.
   *
   * @param message what failed for which file, and what to do
   */
  public GalleryFileException(String message) {
    super(message);
  }
}
