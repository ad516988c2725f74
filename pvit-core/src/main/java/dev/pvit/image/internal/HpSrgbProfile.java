package dev.pvit.image.internal;

import com.twelvemonkeys.imageio.color.ColorProfiles;
import com.twelvemonkeys.imageio.color.ColorSpaces;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * HP's "sRGB IEC61966-2.1" ICC profile (3144 bytes), the profile most photos that embed one carry,
 * applied exactly as the TwelveMonkeys JPEG reader applies it: a {@link ColorConvertOp} from the
 * profile to the JDK's sRGB. That conversion (LittleCMS) leaves about 99 % of the 2^24 colours
 * unchanged and moves the others by a step, but costs more than decoding the JPEG itself. It is a
 * function of the colour alone, so only the colours a photo uses are converted, once each, and the
 * colours found unchanged are remembered for the life of the JVM in a 2 MB bit set (a lost update
 * between threads only means converting a colour again).
 */
final class HpSrgbProfile {
  private static final int LENGTH = 3144;
  private static final String SHA256 = "2b3aa1645779a9e634744faf9b01e9102b0c9b88fd6deced7934df86b949af7e";
  private static final long[] UNCHANGED = new long[(1 << 24) / 64];
  private static volatile @Nullable ICC_ColorSpace space;

  private HpSrgbProfile() {}

  /**
   * Whether profile bytes are HP's sRGB profile.
   *
   * @param b bytes holding the profile
   * @param p its first byte
   * @param end one past its last byte
   * @return whether they are, byte for byte
   */
  static boolean matches(byte[] b, int p, int end) {
    if (end - p != LENGTH) {
      return false;
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(b, p, end - p);
      return HexFormat.of().formatHex(sha.digest()).equals(SHA256);
    } catch (NoSuchAlgorithmException e) {
      return false;
    }
  }

  /**
   * Converts interleaved RGB pixels in place from the profile to sRGB.
   *
   * @param rgb {@code r,g,b,...} bytes
   * @param profile the profile's bytes (for which {@link #matches} holds)
   */
  static void apply(byte[] rgb, byte[] profile) {
    // The colours not yet known to stay, each once.
    long[] seen = new long[UNCHANGED.length];
    int[] pending = new int[1024];
    int count = 0;
    for (int i = 0; i < rgb.length; i += 3) {
      int c = colour(rgb, i);
      if (!isUnchanged(c) && (seen[c >>> 6] & (1L << c)) == 0) {
        seen[c >>> 6] |= 1L << c;
        if (count == pending.length) {
          pending = Arrays.copyOf(pending, 2 * count);
        }
        pending[count++] = c;
      }
    }
    if (count == 0) {
      return;
    }
    byte[] converted = new byte[3 * count];
    for (int k = 0; k < count; k++) {
      converted[3 * k] = (byte) (pending[k] >> 16);
      converted[3 * k + 1] = (byte) (pending[k] >> 8);
      converted[3 * k + 2] = (byte) pending[k];
    }
    WritableRaster row = Raster.createInterleavedRaster(
        new DataBufferByte(converted, converted.length), count, 1, converted.length, 3, new int[] {0, 1, 2}, null);
    new ColorConvertOp(space(profile), ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(row, row);
    ColorSet moved = new ColorSet();
    int[] target = new int[count];
    for (int k = 0; k < count; k++) {
      int to = colour(converted, 3 * k);
      if (to == pending[k]) {
        markUnchanged(pending[k]);
      } else {
        target[moved.size()] = to;
        moved.add(pending[k]);
      }
    }
    if (moved.size() == 0) {
      return;
    }
    for (int i = 0; i < rgb.length; i += 3) {
      int c = colour(rgb, i);
      int k = isUnchanged(c) ? -1 : moved.indexOf(c);
      if (k >= 0) {
        rgb[i] = (byte) (target[k] >> 16);
        rgb[i + 1] = (byte) (target[k] >> 8);
        rgb[i + 2] = (byte) target[k];
      }
    }
  }

  private static int colour(byte[] b, int i) {
    return (b[i] & 0xff) << 16 | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff);
  }

  private static boolean isUnchanged(int c) {
    return (UNCHANGED[c >>> 6] & (1L << c)) != 0;
  }

  private static void markUnchanged(int c) {
    UNCHANGED[c >>> 6] |= 1L << c;
  }

  private static ICC_ColorSpace space(byte[] profile) {
    ICC_ColorSpace s = space;
    if (s == null) {
      try {
        // The colour space TwelveMonkeys builds for the profile (it may adjust the profile first).
        s = ColorSpaces.createColorSpace(ColorProfiles.readProfile(new ByteArrayInputStream(profile)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      space = s;
    }
    return s;
  }

  /** A set of 24-bit colours by open addressing; {@link #indexOf} gives the order they were added in. */
  private static final class ColorSet {
    private int[] slots = new int[1 << 12];
    private int[] order = new int[1 << 11];
    private int size;

    void add(int colour) {
      if (indexOf(colour) >= 0) {
        return;
      }
      if (2 * (size + 1) > slots.length) {
        grow();
      }
      insert(colour, size);
      if (size == order.length) {
        order = Arrays.copyOf(order, 2 * size);
      }
      order[size++] = colour;
    }

    int indexOf(int colour) {
      int mask = slots.length - 1;
      for (int s = hash(colour) & mask; slots[s] != 0; s = (s + 1) & mask) {
        int v = slots[s];
        if (order[v - 1] == colour) {
          return v - 1;
        }
      }
      return -1;
    }

    int size() {
      return size;
    }

    /** Stores position + 1 (0 marks an empty slot). */
    private void insert(int colour, int position) {
      int mask = slots.length - 1;
      int s = hash(colour) & mask;
      while (slots[s] != 0) {
        s = (s + 1) & mask;
      }
      slots[s] = position + 1;
    }

    private void grow() {
      slots = new int[2 * slots.length];
      for (int k = 0; k < size; k++) {
        insert(order[k], k);
      }
    }

    private static int hash(int colour) {
      return colour * 0x9E3779B1 >>> 7;
    }
  }
}
