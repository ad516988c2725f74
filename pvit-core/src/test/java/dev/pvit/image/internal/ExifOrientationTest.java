package dev.pvit.image.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvit.image.ImageInput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.imageio.ImageIO;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ExifOrientationTest {
  /** Inserts an APP1 Exif segment with the orientation tag right after SOI. */
  static byte[] withOrientation(byte[] jpeg, int orientation, ByteOrder order) {
    ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4).order(order);
    tiff.put(order == ByteOrder.LITTLE_ENDIAN ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'});
    tiff.putShort((short) 42).putInt(8).putShort((short) 1);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
    tiff.putInt(0);
    byte[] t = tiff.array();
    int len = 2 + 6 + t.length;
    ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + len);
    out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) len)
        .put(new byte[] {'E', 'x', 'i', 'f', 0, 0}).put(t).put(jpeg, 2, jpeg.length - 2);
    return out.array();
  }

  static byte[] jpeg(int w, int h) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    // A white block in the top-left corner.
    for (int y = 0; y < h / 4; y++) {
      for (int x = 0; x < w / 4; x++) {
        img.setRGB(x, y, 0xFFFFFF);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "jpg", out);
    return out.toByteArray();
  }

  @Property(tries = 16)
  void reads_the_tag_in_both_byte_orders(@ForAll @IntRange(min = 1, max = 8) int orientation, @ForAll boolean little)
      throws IOException {
    byte[] b = withOrientation(jpeg(32, 16), orientation, little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    assertThat(ExifOrientation.read(b)).isEqualTo(orientation);
  }

  @Test
  void no_exif_means_upright() throws IOException {
    assertThat(ExifOrientation.read(jpeg(32, 16))).isEqualTo(1);
    assertThat(ExifOrientation.read(new byte[] {1, 2, 3})).isEqualTo(1);
  }

  @Test
  void rotate_90_clockwise_swaps_the_size_and_moves_the_corner() throws IOException {
    byte[] b = withOrientation(jpeg(64, 32), 6, ByteOrder.BIG_ENDIAN);
    RgbImage img = ImageDecoder.decode(ImageInput.of(b, "rot.jpg"), 1_000_000);
    assertThat(img.width()).isEqualTo(32);
    assertThat(img.height()).isEqualTo(64);
    // The stored top-left block is now at the top-right.
    assertThat(img.get(28, 2, 0)).isGreaterThan(200);
    assertThat(img.get(2, 2, 0)).isLessThan(50);
  }

  @Test
  void all_orientations_map_pixels_like_the_spec() {
    // 3x2 image with distinct pixel values; check where pixel (0,0) goes.
    byte[] px = new byte[3 * 2 * 3];
    for (int i = 0; i < 6; i++) {
      px[i * 3] = (byte) (i + 1);
    }
    RgbImage src = new RgbImage(3, 2, px);
    int[][] expectedCornerOf00 = {{0, 0}, {0, 0}, {2, 0}, {2, 1}, {0, 1}, {0, 0}, {1, 0}, {1, 2}, {0, 2}};
    for (int o = 2; o <= 8; o++) {
      RgbImage r = ExifOrientation.apply(src, o);
      int[] at = expectedCornerOf00[o];
      assertThat(r.get(at[0], at[1], 0)).as("orientation " + o).isEqualTo(1);
    }
  }
}
