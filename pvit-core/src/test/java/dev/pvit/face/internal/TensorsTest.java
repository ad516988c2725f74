package dev.pvit.face.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.image.internal.RgbImage;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TensorsTest {
  static RgbImage random(int w, int h, long seed) {
    byte[] b = new byte[w * h * 3];
    new Random(seed).nextBytes(b);
    return new RgbImage(w, h, b);
  }

  /** Straightforward face-api: materialise the padded float image, then TF legacy bilinear resize. */
  static float[] naive(RgbImage img, int cx, int cy, int cw, int ch, boolean centred, int size, float[] mean) {
    int side = Math.max(cw, ch);
    int diff = side - Math.min(cw, ch);
    int append = (int) Math.round(diff * (centred ? 0.5 : 1.0));
    int prepend = centred ? diff - append : 0;
    float[][][] padded = new float[side][side][3];
    for (int y = 0; y < ch; y++) {
      for (int x = 0; x < cw; x++) {
        int py = y + (ch < cw ? prepend : 0);
        int px = x + (cw < ch ? prepend : 0);
        for (int c = 0; c < 3; c++) {
          padded[py][px][c] = img.get(cx + x, cy + y, c);
        }
      }
    }
    float scale = side / (float) size;
    float[] out = new float[3 * size * size];
    for (int oy = 0; oy < size; oy++) {
      float iy = oy * scale;
      int y0 = (int) Math.floor(iy);
      int y1 = Math.min((int) Math.ceil(iy), side - 1);
      float yl = iy - y0;
      for (int ox = 0; ox < size; ox++) {
        float ix = ox * scale;
        int x0 = (int) Math.floor(ix);
        int x1 = Math.min((int) Math.ceil(ix), side - 1);
        float xl = ix - x0;
        for (int c = 0; c < 3; c++) {
          float top = padded[y0][x0][c] + (padded[y0][x1][c] - padded[y0][x0][c]) * xl;
          float bottom = padded[y1][x0][c] + (padded[y1][x1][c] - padded[y1][x0][c]) * xl;
          float v = top + (bottom - top) * yl;
          out[(oy * size + ox) * 3 + c] = (v - mean[c]) / 255f;
        }
      }
    }
    return out;
  }

  @Property(tries = 60)
  void matches_the_naive_pad_and_resize(
      @ForAll @IntRange(min = 1, max = 40) int cw, @ForAll @IntRange(min = 1, max = 40) int ch,
      @ForAll boolean centred, @ForAll @IntRange(min = 1, max = 48) int size) {
    RgbImage img = random(50, 45, cw * 31L + ch);
    float[] dst = new float[3 * size * size];
    Tensors.write(img, 3, 2, cw, ch, centred, size, Tensors.FACE_MEAN, dst, 0);
    assertThat(dst).containsExactly(naive(img, 3, 2, cw, ch, centred, size, Tensors.FACE_MEAN));
  }

  @Property(tries = 60)
  void a_window_is_the_top_left_part_of_the_square(
      @ForAll @IntRange(min = 1, max = 40) int cw, @ForAll @IntRange(min = 1, max = 40) int ch,
      @ForAll @IntRange(min = 1, max = 48) int size, @ForAll @IntRange(min = 1, max = 48) int w,
      @ForAll @IntRange(min = 1, max = 48) int h) {
    int outW = Math.min(w, size);
    int outH = Math.min(h, size);
    RgbImage img = random(50, 45, cw * 37L + ch);
    float[] square = new float[3 * size * size];
    Tensors.write(img, 3, 2, cw, ch, false, size, Tensors.DETECTOR_MEAN, square, 0);
    float[] window = new float[2 * 3 * outW * outH];
    Tensors.write(img, 3, 2, cw, ch, false, size, outW, outH, Tensors.DETECTOR_MEAN, window, 1);
    int base = 3 * outW * outH;
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < outH; y++) {
        for (int x = 0; x < outW; x++) {
          assertThat(window[base + (y * outW + x) * 3 + c]).isEqualTo(square[(y * size + x) * 3 + c]);
        }
      }
    }
  }

  @Test
  void a_window_larger_than_the_square_is_refused() {
    RgbImage img = random(8, 8, 3);
    assertThatThrownBy(() -> Tensors.write(img, 0, 0, 8, 8, false, 32, 64, 32, Tensors.DETECTOR_MEAN, new float[3 * 64 * 32], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not fit a 32 square");
  }

  @Test
  void same_size_square_is_copied_and_normalised() {
    RgbImage img = random(4, 4, 1);
    float[] dst = new float[2 * 3 * 16];
    Tensors.write(img, 0, 0, 4, 4, true, 4, Tensors.DETECTOR_MEAN, dst, 1);
    int base = 3 * 16;
    // NHWC: pixel (1,1) is the fifth of the image, its channels side by side.
    assertThat(dst[base + 5 * 3]).isEqualTo((img.get(1, 1, 0) - 117.001f) / 255f);
    assertThat(dst[base + 5 * 3 + 1]).isEqualTo((img.get(1, 1, 1) - 114.697f) / 255f);
    assertThat(dst[0]).isZero();
  }

  @Test
  void detector_pads_bottom_right_and_face_crops_pad_centred() {
    // 4 wide, 2 high, all white: detector input has image rows on top, face crops in the middle.
    byte[] white = new byte[4 * 2 * 3];
    java.util.Arrays.fill(white, (byte) 255);
    RgbImage img = new RgbImage(4, 2, white);
    float[] det = new float[3 * 16];
    Tensors.write(img, 0, 0, 4, 2, false, 4, new float[3], det, 0);
    assertThat(det[0]).isEqualTo(1f);
    assertThat(det[4 * 3]).isEqualTo(1f);
    assertThat(det[8 * 3]).isZero();
    float[] face = new float[3 * 16];
    Tensors.write(img, 0, 0, 4, 2, true, 4, new float[3], face, 0);
    assertThat(face[0]).isZero();
    assertThat(face[4 * 3]).isEqualTo(1f);
    assertThat(face[8 * 3]).isEqualTo(1f);
    assertThat(face[12 * 3]).isZero();
  }

  @Test
  void odd_padding_puts_the_larger_half_after_the_image() {
    // diff 3: face-api appends round(1.5) = 2 and prepends 1.
    byte[] white = new byte[4 * 1 * 3];
    java.util.Arrays.fill(white, (byte) 255);
    RgbImage img = new RgbImage(4, 1, white);
    float[] face = new float[3 * 16];
    Tensors.write(img, 0, 0, 4, 1, true, 4, new float[3], face, 0);
    assertThat(face[0]).isZero();
    assertThat(face[4 * 3]).isEqualTo(1f);
    assertThat(face[8 * 3]).isZero();
    assertThat(face[12 * 3]).isZero();
  }
}
