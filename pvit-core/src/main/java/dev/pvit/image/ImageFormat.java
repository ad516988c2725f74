package dev.pvit.image;

/** Image encodings recognised from their magic bytes. */
public enum ImageFormat {
  /** JPEG / JFIF / EXIF. */
  JPEG("image/jpeg", true),
  /** PNG. */
  PNG("image/png", true),
  /** GIF (first frame). */
  GIF("image/gif", true),
  /** Windows bitmap. */
  BMP("image/bmp", true),
  /** TIFF (first page). */
  TIFF("image/tiff", true),
  /** WebP: can be sent to model servers, but the JDK cannot decode it for the face engine. */
  WEBP("image/webp", false);

  private final String mediaType;
  private final boolean decodable;

  ImageFormat(String mediaType, boolean decodable) {
    this.mediaType = mediaType;
    this.decodable = decodable;
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
   * Whether the JDK can decode it to pixels (needed by the embedded face engine).
   *
   * @return true if decodable
   */
  public boolean decodable() {
    return decodable;
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
