package dev.pvit.client;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.image.ImageInput;

/**
 * An image piece of a message. {@link #toString()} shows the media type and byte count only, so
 * requests can be logged without dumping image data.
 *
 * @param image the encoded image
 */
public record ImagePart(ImageInput image) implements ContentPart {
  /**
   * Creates the part.
   *
   * @param image the encoded image
   */
  public ImagePart {
    checkNotNull(image, "image");
  }

  /** Media type, byte count and name; never the image data. */
  @Override
  public String toString() {
    return "ImagePart[" + image.mediaType() + ", " + image.byteCount() + " bytes, " + image.name() + "]";
  }
}
