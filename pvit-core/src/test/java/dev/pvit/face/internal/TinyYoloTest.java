package dev.pvit.face.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TinyYoloTest {
  private static float[] empty(int size) {
    int cells = size / 32;
    float[] out = new float[cells * cells * 25];
    for (int i = 4; i < out.length; i += 5) {
      out[i] = -20f;
    }
    return out;
  }

  private static void set(float[] out, int size, int row, int col, int anchor, float tx, float ty, float tw, float th, float s) {
    int cells = size / 32;
    int p = ((row * cells + col) * 5 + anchor) * 5;
    out[p] = tx;
    out[p + 1] = ty;
    out[p + 2] = tw;
    out[p + 3] = th;
    out[p + 4] = s;
  }

  @Test
  void decodes_a_cell_to_image_pixels() {
    float[] out = empty(416);
    set(out, 416, 6, 6, 1, 0f, 0f, 0f, 0f, 3f);
    List<Detection> dets = TinyYolo.decode(out, 0, 416, 1000, 1000, 0.5, 0.4);
    assertThat(dets).hasSize(1);
    Detection d = dets.get(0);
    assertThat(d.score()).isCloseTo(1 / (1 + Math.exp(-3)), within(1e-12));
    double cx = (6 + 0.5) / 13 * 1000;
    double w = 6.041143 / 13 * 1000;
    assertThat(d.box().x()).isCloseTo(cx - w / 2, within(1e-9));
    assertThat(d.box().width()).isCloseTo(w, within(1e-9));
    assertThat(d.box().height()).isCloseTo(7.080126 / 13 * 1000, within(1e-9));
  }

  @Test
  void corrects_for_the_bottom_right_padding_of_wide_images() {
    float[] out = empty(416);
    set(out, 416, 3, 6, 0, 0f, 0f, 0f, 0f, 3f);
    // 2000x1000: reshaped 416x208, so y is stretched by 2 relative to the padded square.
    Detection d = TinyYolo.decode(out, 0, 416, 2000, 1000, 0.5, 0.4).get(0);
    double cy = (3 + 0.5) / 13 * 2 * 1000;
    double h = 2.094468 / 13 * 2 * 1000;
    assertThat(d.box().y() + d.box().height() / 2).isCloseTo(cy, within(1e-9));
    assertThat(d.box().height()).isCloseTo(h, within(1e-9));
    assertThat(d.box().x() + d.box().width() / 2).isCloseTo((6 + 0.5) / 13 * 2000, within(1e-9));
  }

  @Test
  void a_grid_cut_to_the_image_decodes_like_the_square() {
    float[] square = empty(416);
    set(square, 416, 4, 9, 2, 0.3f, -0.2f, 0.1f, 0.2f, 3f);
    set(square, 416, 1, 2, 0, 0f, 0f, 0f, 0f, 2f);
    // 2000x1000 fills the top 7 of 13 rows (208 input rows).
    float[] cut = new float[7 * 13 * 25];
    System.arraycopy(square, 0, cut, 0, cut.length);
    assertThat(TinyYolo.decode(cut, 0, 416, 7, 13, 2000, 1000, 0.5, 0.4))
        .isEqualTo(TinyYolo.decode(square, 0, 416, 2000, 1000, 0.5, 0.4))
        .hasSize(2);
  }

  @Test
  void score_threshold_is_exclusive() {
    float[] out = empty(416);
    set(out, 416, 1, 1, 0, 0f, 0f, 0f, 0f, 0f);
    assertThat(TinyYolo.decode(out, 0, 416, 100, 100, 0.5, 0.4)).isEmpty();
    assertThat(TinyYolo.decode(out, 0, 416, 100, 100, 0.49, 0.4)).hasSize(1);
  }

  @Test
  void nms_keeps_the_best_and_drops_overlaps_above_the_threshold() {
    List<Rect> boxes = List.of(
        new Rect(0, 0, 10, 10), new Rect(1, 0, 10, 10), new Rect(50, 50, 10, 10), new Rect(5, 0, 10, 10));
    List<Double> scores = Arrays.asList(0.9, 0.95, 0.6, 0.7);
    // IoU(1,0)=9/11 > 0.4 dropped; IoU(1,3)=6/14 = 0.43 dropped; 2 kept.
    assertThat(TinyYolo.nms(boxes, scores, 0.4)).containsExactly(1, 2);
    assertThat(TinyYolo.nms(boxes, scores, 0.5)).containsExactly(1, 3, 2);
  }

  @Test
  void nms_ties_prefer_the_later_box_like_the_reference() {
    List<Rect> boxes = List.of(new Rect(0, 0, 10, 10), new Rect(0, 0, 10, 10));
    assertThat(TinyYolo.nms(boxes, List.of(0.8, 0.8), 0.4)).containsExactly(1);
  }

  @Test
  void reads_the_requested_batch_entry() {
    float[] a = empty(224);
    float[] b = empty(224);
    set(b, 224, 2, 3, 4, 0f, 0f, 0f, 0f, 5f);
    float[] both = new float[a.length * 2];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    assertThat(TinyYolo.decode(both, 0, 224, 300, 300, 0.5, 0.4)).isEmpty();
    assertThat(TinyYolo.decode(both, 1, 224, 300, 300, 0.5, 0.4)).hasSize(1);
  }
}
