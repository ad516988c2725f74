package dev.pvit.image;

import java.util.EnumMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Image encodings recognised from their magic bytes. Whether the face engine can decode one is
 * decided by the ImageIO readers installed in this JVM ({@link #decodable()}): pvit-core brings the
 * TwelveMonkeys plugins for WebP and for CMYK/YCCK JPEGs.
 */
public enum ImageFormat {
  /** JPEG / JFIF / EXIF. */
  JPEG("image/jpeg"),
  /** PNG. */
  PNG("image/png"),
  /** GIF (first frame). */
  GIF("image/gif"),
  /** Windows bitmap. */
  BMP("image/bmp"),
  /** TIFF (first page). */
  TIFF("image/tiff"),
  /** WebP, lossy and lossless (first frame). */
  WEBP("image/webp");

  private final String mediaType;

  ImageFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  /**
   * The IANA media type.
   *
   * @return e.g. {@code image/png}
   */
  public String mediaType() {
    return mediaType;
  }

  /**
   * Whether an ImageIO reader for it is installed in this JVM, so the embedded face engine can
   * decode it to pixels (looked up once, on first use).
   *
   * @return true if decodable
   */
  public boolean decodable() {
    return Readers.INSTALLED.get(this);
  }

  /** The ImageIO service lookup, done once when first needed. */
  private static final class Readers {
    static final Map<ImageFormat, Boolean> INSTALLED = lookUp();

    private static Map<ImageFormat, Boolean> lookUp() {
      Map<ImageFormat, Boolean> installed = new EnumMap<>(ImageFormat.class);
      for (ImageFormat f : values()) {
        installed.put(f, ImageIO.getImageReadersByMIMEType(f.mediaType).hasNext());
      }
      return installed;
    }
  }

  static ImageFormat sniff(byte[] b, String name) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
      return JPEG;
    }
    if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return PNG;
    }
    if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
      return GIF;
    }
    if (b.length >= 14 && b[0] == 'B' && b[1] == 'M') {
      return BMP;
    }
    if (b.length >= 4
        && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0)
            || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42))) {
      return TIFF;
    }
    if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
        && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
      return WEBP;
    }
    throw new InvalidImageException(
        "Image '" + name + "' is not a supported image (first bytes " + hexPrefix(b)
            + "); use JPEG, PNG, GIF, BMP, TIFF or WebP.");
  }

  private static String hexPrefix(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(4, b.length); i++) {
      sb.append(String.format("%02X", b[i] & 0xff));
    }
    return sb.toString();
  }
}
