package dev.pvit.face;

/**
 * A file is not a face gallery this version can read: corrupt JSON, another program's file, a
 * newer format version, or descriptors of the wrong size. The file is left untouched.
 */
public class GalleryFormatException extends GalleryFileException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with which file
   */
  public GalleryFormatException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what is wrong with which file
   * @param cause the parser's failure
   */
  public GalleryFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
