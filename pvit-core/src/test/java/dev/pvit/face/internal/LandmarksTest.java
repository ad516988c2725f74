package dev.pvit.face.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LandmarksTest {
  @Test
  void post_process_undoes_centred_padding_and_shifts_by_the_box() {
    float[] raw = new float[136];
    for (int i = 0; i < 68; i++) {
      raw[2 * i] = 0.5f;
      raw[2 * i + 1] = 0.25f;
    }
    // crop 50 wide, 100 high: scaled to 56x112, padded 28 each side horizontally.
    double[] pts = Landmarks.postProcess(raw, 0, 50, 100, 10.5, 20.25);
    assertThat(pts[0]).isCloseTo((0.5 * 112 - 28) / 56 * 50 + 10.5, within(1e-4));
    assertThat(pts[1]).isCloseTo(0.25 * 100 + 20.25, within(1e-4));
  }

  private static double[] face(double eyeY, double mouthY) {
    double[] pts = new double[136];
    for (int i = 36; i < 42; i++) {
      pts[2 * i] = 40;
      pts[2 * i + 1] = eyeY;
    }
    for (int i = 42; i < 48; i++) {
      pts[2 * i] = 80;
      pts[2 * i + 1] = eyeY;
    }
    for (int i = 48; i < 68; i++) {
      pts[2 * i] = 60;
      pts[2 * i + 1] = mouthY;
    }
    return pts;
  }

  @Test
  void dlib_alignment_is_a_square_around_eyes_and_mouth() {
    Rect r = Landmarks.alignDlib(face(100, 130), 500, 500);
    double d = Math.sqrt(20 * 20 + 30 * 30);
    double size = Math.floor(d / 0.45);
    assertThat(r.width()).isEqualTo(size);
    assertThat(r.height()).isEqualTo(size);
    double refY = (100 + 100 + 130) / 3.0;
    assertThat(r.x()).isEqualTo(Math.floor(60 - 0.5 * size));
    assertThat(r.y()).isEqualTo(Math.floor(refY - 0.43 * size));
  }

  @Test
  void dlib_alignment_clamps_the_corner_at_zero() {
    // size 80 around (60, 20): y would be 20 - 34.4 < 0.
    Rect r = Landmarks.alignDlib(face(10, 40), 500, 500);
    assertThat(r.x()).isEqualTo(20);
    assertThat(r.y()).isZero();
  }

  @Test
  void min_bbox_alignment_grows_by_twenty_percent() {
    double[] pts = face(100, 130);
    Rect r = Landmarks.alignMinBbox(pts);
    // points span x 0..80 (unset points are at 0,0) and y 0..130.
    assertThat(r.x()).isCloseTo(-8, within(1e-9));
    assertThat(r.width()).isCloseTo(96, within(1e-9));
    assertThat(r.height()).isCloseTo(156, within(1e-9));
  }

  @Test
  void clip_at_image_borders_floors_and_clamps() {
    assertThat(new Rect(-5.5, 10.7, 30.2, 20.9).clipAtImageBorders(20, 25)).containsExactly(0, 10, 20, 14);
    assertThat(new Rect(30, 0, 10, 10).clipAtImageBorders(20, 20)[2]).isNegative();
  }
}
