package dev.pvit.image.internal;

import dev.pvit.image.ImageFormat;

/**
 * Reads the EXIF orientation tag (0x0112) and applies it to decoded pixels: from a JPEG's APP1
 * segments before the first scan, a WebP's {@code EXIF} chunk, a PNG's {@code eXIf} chunk before
 * the image data, or a TIFF's first IFD. Anything malformed means "no rotation", as browsers do.
 */
public final class ExifOrientation {
  private static final int TAG_ORIENTATION = 0x0112;

  private ExifOrientation() {}

  /**
   * The orientation stored in an image.
   *
   * @param format the image's format
   * @param bytes the encoded file
   * @return 1 (as stored) to 8; 1 when absent, unreadable or the format carries none
   */
  public static int read(ImageFormat format, byte[] bytes) {
    int o = switch (format) {
      case JPEG -> read(bytes);
      case WEBP -> readWebp(bytes);
      case PNG -> readPng(bytes);
      case TIFF -> fromTiff(bytes, 0, bytes.length);
      default -> 0;
    };
    return o == 0 ? 1 : o;
  }

  /** RIFF chunks: FourCC, little-endian size, payload padded to even length; EXIF holds TIFF data. */
  private static int readWebp(byte[] b) {
    int pos = 12;
    while (pos + 8 <= b.length) {
      long size = u32(b, pos + 4, true);
      int start = pos + 8;
      if (size > b.length - start) {
        return 0;
      }
      int end = start + (int) size;
      if (b[pos] == 'E' && b[pos + 1] == 'X' && b[pos + 2] == 'I' && b[pos + 3] == 'F') {
        // Some writers keep the JPEG APP1 prefix "Exif\0\0" in front of the TIFF header.
        boolean prefixed = size >= 6 && b[start] == 'E' && b[start + 1] == 'x' && b[start + 2] == 'i'
            && b[start + 3] == 'f' && b[start + 4] == 0 && b[start + 5] == 0;
        return fromTiff(b, prefixed ? start + 6 : start, end);
      }
      pos = end + (int) (size & 1);
    }
    return 0;
  }

  /** PNG chunks: big-endian length, type, data, CRC; eXIf (TIFF data) counts only before IDAT. */
  private static int readPng(byte[] b) {
    int pos = 8;
    while (pos + 8 <= b.length) {
      long len = u32(b, pos, false);
      int start = pos + 8;
      if (len > b.length - start) {
        return 0;
      }
      String type = new String(b, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      if (type.equals("IDAT") || type.equals("IEND")) {
        return 0;
      }
      if (type.equals("eXIf")) {
        return fromTiff(b, start, start + (int) len);
      }
      pos = start + (int) len + 4;
    }
    return 0;
  }

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
