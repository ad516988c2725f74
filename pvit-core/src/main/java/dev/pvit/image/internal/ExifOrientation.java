package dev.pvit.image.internal;

/**
 * Reads the EXIF orientation tag (0x0112) of a JPEG and applies it to decoded pixels. Only the
 * APP1 segments before the first scan are read; anything malformed means "no rotation", as
 * browsers do.
 */
public final class ExifOrientation {
  private static final int TAG_ORIENTATION = 0x0112;

  private ExifOrientation() {}

  /**
   * The orientation of a JPEG.
   *
   * @param jpeg the encoded file
   * @return 1 (as stored) to 8; 1 when absent or unreadable
   */
  public static int read(byte[] jpeg) {
    if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xFF || (jpeg[1] & 0xff) != 0xD8) {
      return 1;
    }
    int pos = 2;
    while (pos + 4 <= jpeg.length) {
      if ((jpeg[pos] & 0xff) != 0xFF) {
        return 1;
      }
      int marker = jpeg[pos + 1] & 0xff;
      if (marker == 0xFF) {
        pos++;
        continue;
      }
      if (marker == 0xDA || marker == 0xD9) {
        return 1;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        pos += 2;
        continue;
      }
      int len = u16(jpeg, pos + 2, false);
      if (len < 2 || pos + 2 + len > jpeg.length) {
        return 1;
      }
      if (marker == 0xE1 && len >= 8 && jpeg[pos + 4] == 'E' && jpeg[pos + 5] == 'x' && jpeg[pos + 6] == 'i'
          && jpeg[pos + 7] == 'f' && jpeg[pos + 8] == 0 && jpeg[pos + 9] == 0) {
        int o = fromTiff(jpeg, pos + 10, pos + 2 + len);
        if (o != 0) {
          return o;
        }
      }
      pos += 2 + len;
    }
    return 1;
  }

  private static int fromTiff(byte[] b, int start, int end) {
    if (start + 8 > end) {
      return 0;
    }
    boolean little;
    if (b[start] == 'I' && b[start + 1] == 'I') {
      little = true;
    } else if (b[start] == 'M' && b[start + 1] == 'M') {
      little = false;
    } else {
      return 0;
    }
    if (u16(b, start + 2, little) != 42) {
      return 0;
    }
    long ifd = u32(b, start + 4, little);
    if (ifd < 8 || start + ifd + 2 > end) {
      return 0;
    }
    int p = (int) (start + ifd);
    int count = u16(b, p, little);
    p += 2;
    for (int i = 0; i < count && p + 12 <= end; i++, p += 12) {
      if (u16(b, p, little) == TAG_ORIENTATION) {
        int type = u16(b, p + 2, little);
        int value = type == 3 ? u16(b, p + 8, little) : type == 4 ? (int) u32(b, p + 8, little) : 0;
        return value >= 1 && value <= 8 ? value : 0;
      }
    }
    return 0;
  }

  private static int u16(byte[] b, int p, boolean little) {
    int a = b[p] & 0xff;
    int c = b[p + 1] & 0xff;
    return little ? a | (c << 8) : (a << 8) | c;
  }

  private static long u32(byte[] b, int p, boolean little) {
    long a = u16(b, p, little);
    long c = u16(b, p + 2, little);
    return little ? a | (c << 16) : (a << 16) | c;
  }

  /**
   * Applies an orientation so the image is upright as a viewer shows it.
   *
   * @param img the stored pixels
   * @param orientation EXIF orientation 1..8
   * @return the upright image ({@code img} itself for 1)
   */
  public static RgbImage apply(RgbImage img, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return img;
    }
    int w = img.width();
    int h = img.height();
    boolean swap = orientation >= 5;
    int dw = swap ? h : w;
    int dh = swap ? w : h;
    byte[] src = img.rgb();
    byte[] dst = new byte[src.length];
    for (int dy = 0; dy < dh; dy++) {
      for (int dx = 0; dx < dw; dx++) {
        int sx;
        int sy;
        switch (orientation) {
          case 2 -> { sx = w - 1 - dx; sy = dy; }
          case 3 -> { sx = w - 1 - dx; sy = h - 1 - dy; }
          case 4 -> { sx = dx; sy = h - 1 - dy; }
          case 5 -> { sx = dy; sy = dx; }
          case 6 -> { sx = dy; sy = h - 1 - dx; }
          case 7 -> { sx = w - 1 - dy; sy = h - 1 - dx; }
          default -> { sx = w - 1 - dy; sy = dx; }
        }
        int s = (sy * w + sx) * 3;
        int d = (dy * dw + dx) * 3;
        dst[d] = src[s];
        dst[d + 1] = src[s + 1];
        dst[d + 2] = src[s + 2];
      }
    }
    return new RgbImage(dw, dh, dst);
  }
}
