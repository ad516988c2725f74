package dev.pvit.langchain4j.internal;

import dev.pvit.NonRetriableException;

/**
 * A photo reference from a tool call was refused: outside the allowed folders or URL prefixes, a
 * link that escapes them, {@code ..}, not a file, or not an image. The message is written for the
 * model that made the call and names no path outside what it gave.
 */
public final class PhotoAccessException extends NonRetriableException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message why the photo was refused
   */
  public PhotoAccessException(String message) {
    super(message);
  }
}
