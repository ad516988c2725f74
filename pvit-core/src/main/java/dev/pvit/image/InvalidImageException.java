package dev.pvit.image;

import dev.pvit.NonRetriableException;

/**
 * An image could not be used: it is empty, truncated, of an unsupported format, too large to decode
 * safely, or too small to hold a face. The message names the image and says what to do.
 */
public class InvalidImageException extends NonRetriableException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with which image, and what to do
   */
  public InvalidImageException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what is wrong with which image, and what to do
   * @param cause the decoder's failure
   */
  public InvalidImageException(String message, Throwable cause) {
    super(message, cause);
  }
}
