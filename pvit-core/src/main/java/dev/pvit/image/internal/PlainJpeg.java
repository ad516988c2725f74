package dev.pvit.image.internal;

import com.twelvemonkeys.imageio.color.ColorProfiles;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import org.jspecify.annotations.Nullable;

/**
 * A faster way to the same pixels for the common JPEG: 8-bit, Huffman coded (baseline, extended or
 * progressive), three components with the YCbCr ids 1, 2, 3, no Adobe marker, and either no ICC
 * profile, one that TwelveMonkeys takes for sRGB, or HP's sRGB profile ({@link HpSrgbProfile}). For
 * such files the TwelveMonkeys reader that {@link ImageDecoder} otherwise uses ends up in the JDK's
 * own JPEG reader, fed through a stream wrapper that hides the application segments other than Exif
 * and Adobe; for HP's profile it reads the raw YCbCr samples instead, converts them to RGB itself
 * (with libjpeg's integer tables) and applies the profile to the whole image; the BGR image it
 * returns needs one more per-pixel copy to RGB. This class removes the same segments from the bytes
 * in one copy, lets the JDK reader write its rows straight into an RGB-ordered buffer, which becomes
 * the {@link RgbImage}, and applies HP's profile the way TwelveMonkeys does. {@code PlainJpegTest}
 * pins the equality on real photos and over every colour.
 *
 * <p>Anything else (other layouts or profiles, bytes between markers, 16-bit quantisation tables, a
 * size {@link ImageDecoder} refuses, a decoder warning or error) gives {@code null}, and the caller
 * decodes the usual way, so its checks and messages apply unchanged.
 */
final class PlainJpeg {
  private static final String JDK_READER_SPI = "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi";
  private static final @Nullable ImageReaderSpi JDK_READER = findJdkReader();
  private static final int SOS = 0xDA;
  private static final int APP0 = 0xE0;
  private static final int APP1 = 0xE1;
  private static final int APP2 = 0xE2;
  private static final int APP14 = 0xEE;
  private static final int APP15 = 0xEF;
  private static final int DQT = 0xDB;
  /**
   * Markers other than application segments that may come before the first scan of a plain file:
   * comment, quantisation and Huffman tables, restart interval, and the frame (SOF0-SOF2). Padding
   * and stray markers there make the TwelveMonkeys reader warn, which the usual path reports.
   */
  private static final Set<Integer> ALLOWED_BEFORE_SCAN = Set.of(0xFE, DQT, 0xC4, 0xDD, 0xC0, 0xC1, 0xC2, SOS);

  private PlainJpeg() {}

  /**
   * Decodes a plain JPEG.
   *
   * @param jpeg the encoded file
   * @param maxPixels largest accepted width times height
   * @return the stored (not yet EXIF-rotated) pixels, or {@code null} when this is not a plain JPEG,
   *     its size is outside {@link ImageDecoder}'s limits, or the decoder warned or failed
   */
  static @Nullable RgbImage decode(byte[] jpeg, long maxPixels) {
    Plain plain = JDK_READER == null ? null : plain(jpeg);
    if (plain == null) {
      return null;
    }
    try (ImageInputStream iis = new ByteArrayImageInputStream(plain.jpeg())) {
      ImageReader reader = JDK_READER.createReaderInstance();
      try {
        reader.setInput(iis, true, true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if (ImageDecoder.sizeProblem("", w, h, maxPixels) != null) {
          return null; // the general path refuses it, with the message
        }
        boolean[] warned = {false};
        reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
        byte[] rgb = new byte[w * h * 3];
        WritableRaster raster = Raster.createInterleavedRaster(
            new DataBufferByte(rgb, rgb.length), w, h, w * 3, 3, new int[] {0, 1, 2}, null);
        ComponentColorModel cm = new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setDestination(new BufferedImage(cm, raster, false, null));
        reader.read(0, param);
        if (warned[0]) {
          return null;
        }
        byte[] profile = plain.hpProfile();
        if (profile != null) {
          HpSrgbProfile.apply(rgb, profile);
        }
        return new RgbImage(w, h, rgb);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * A plain JPEG ready for the JDK reader.
   *
   * @param jpeg the file with every application segment before the first scan removed except Exif,
   *     as the TwelveMonkeys reader's stream wrapper hands it to the JDK reader
   * @param hpProfile HP's sRGB profile when the file embeds it, to apply to the decoded pixels
   */
  record Plain(byte[] jpeg, byte @Nullable [] hpProfile) {}

  /**
   * Recognises a plain JPEG (see the class comment).
   *
   * @param b the file
   * @return the bytes to decode and the profile to apply, or {@code null} when it is not plain
   */
  static @Nullable Plain plain(byte[] b) {
    if (b.length < 4 || (b[0] & 0xff) != 0xFF || (b[1] & 0xff) != 0xD8) {
      return null;
    }
    byte[] out = new byte[b.length];
    out[0] = b[0];
    out[1] = b[1];
    int kept = 2;
    boolean frame = false;
    boolean profile = false;
    byte[] hpProfile = null;
    int pos = 2;
    while (pos + 4 <= b.length && (b[pos] & 0xff) == 0xFF) {
      int marker = b[pos + 1] & 0xff;
      int len = ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
      int body = pos + 4;
      int end = pos + 2 + len;
      boolean app = marker >= APP0 && marker <= APP15;
      if (len < 2 || end > b.length || !app && !ALLOWED_BEFORE_SCAN.contains(marker)
          || marker == APP14 && startsWith(b, body, end, "Adobe")) {
        return null;
      }
      if (marker == SOS) {
        if (!frame || !distinctSelectors(b, body, end)) {
          return null;
        }
        System.arraycopy(b, pos, out, kept, b.length - pos);
        return new Plain(Arrays.copyOf(out, kept + b.length - pos), hpProfile);
      }
      if (marker == APP2 && startsWith(b, body, end, "ICC_PROFILE")) {
        if (profile || !startsWith(b, body, end, "ICC_PROFILE\0") || !isWholeProfile(b, body + 12, end)) {
          return null;
        }
        if (HpSrgbProfile.matches(b, body + 14, end)) {
          hpProfile = Arrays.copyOfRange(b, body + 14, end);
        } else if (!isTwelveMonkeysSrgb(b, body + 14, end)) {
          return null;
        }
        profile = true;
      } else if (marker == DQT && (len < 3 || ((b[body] & 0xff) >> 4) != 0)) {
        return null;
      } else if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
        if (frame || marker > 0xC2 || !isYcbcrFrame(b, body, end)) {
          return null;
        }
        frame = true;
      }
      if (!app || marker == APP1 && startsWith(b, body, end, "Exif\0")) {
        System.arraycopy(b, pos, out, kept, 2 + len);
        kept += 2 + len;
      }
      pos = end;
    }
    return null;
  }

  /** A scan header whose component selectors are all different (the TwelveMonkeys reader rewrites repeats). */
  private static boolean distinctSelectors(byte[] b, int p, int end) {
    int n = p < end ? b[p] & 0xff : 0;
    if (n < 1 || p + 1 + 2 * n > end) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        if (b[p + 1 + 2 * i] == b[p + 1 + 2 * j]) {
          return false;
        }
      }
    }
    return true;
  }

  /** An 8-bit frame header with three components numbered 1, 2, 3. */
  private static boolean isYcbcrFrame(byte[] b, int p, int end) {
    if (p + 6 + 3 * 3 > end || (b[p] & 0xff) != 8 || (b[p + 5] & 0xff) != 3) {
      return false;
    }
    for (int c = 0; c < 3; c++) {
      if ((b[p + 6 + 3 * c] & 0xff) != c + 1) {
        return false;
      }
    }
    return true;
  }

  /** Whether an ICC segment body starts with chunk 1 of 1, that is holds the whole profile. */
  private static boolean isWholeProfile(byte[] b, int p, int end) {
    return p + 2 <= end && b[p] == 1 && b[p + 1] == 1;
  }

  /** Whether the profile is one TwelveMonkeys takes for sRGB: it then decodes without applying it. */
  private static boolean isTwelveMonkeysSrgb(byte[] b, int p, int end) {
    try {
      return ColorProfiles.isCS_sRGB(ColorProfiles.readProfile(new ByteArrayInputStream(b, p, end - p)));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean startsWith(byte[] b, int p, int end, String ascii) {
    if (p + ascii.length() > end) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (b[p + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable ImageReaderSpi findJdkReader() {
    Iterator<ImageReaderSpi> it = IIORegistry.getDefaultInstance()
        .getServiceProviders(ImageReaderSpi.class, spi -> spi.getClass().getName().equals(JDK_READER_SPI), false);
    return it.hasNext() ? it.next() : null;
  }
}
