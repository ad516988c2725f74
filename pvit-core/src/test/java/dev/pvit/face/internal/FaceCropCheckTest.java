package dev.pvit.face.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvit.image.internal.RgbImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaceCropCheckTest {
  /** 68 landmarks of a frontal face in a 150x150 crop: eyes at y=60, nose tip at 90, mouth at 115. */
  private static double[] frontal() {
    double[] pts = new double[136];
    for (int i = 0; i < 68; i++) {
      set(pts, i, 75, 100);
    }
    for (int i = 36; i < 42; i++) {
      set(pts, i, 50 + (i - 36) * 2, 60);
    }
    for (int i = 42; i < 48; i++) {
      set(pts, i, 95 + (i - 42) * 2, 60);
    }
    set(pts, 30, 75, 90);
    for (int i = 48; i < 68; i++) {
      set(pts, i, 65 + (i - 48), 115);
    }
    return pts;
  }

  private static void set(double[] pts, int i, double x, double y) {
    pts[2 * i] = x;
    pts[2 * i + 1] = y;
  }

  private static RgbImage textured(long seed) {
    byte[] rgb = new byte[150 * 150 * 3];
    new Random(seed).nextBytes(rgb);
    return new RgbImage(150, 150, rgb);
  }

  private static RgbImage grey() {
    byte[] rgb = new byte[150 * 150 * 3];
    java.util.Arrays.fill(rgb, (byte) 120);
    return new RgbImage(150, 150, rgb);
  }

  @Test
  void a_frontal_layout_on_a_detailed_photo_is_plausible() {
    assertThat(FaceCropCheck.problem(textured(1), frontal())).isNull();
  }

  @Test
  void a_blank_photo_is_refused_whatever_the_landmarks() {
    assertThat(FaceCropCheck.problem(grey(), frontal())).contains("uniform");
  }

  @Test
  void a_mouth_above_the_nose_is_refused() {
    double[] pts = frontal();
    for (int i = 48; i < 68; i++) {
      pts[2 * i + 1] = 70;
    }
    assertThat(FaceCropCheck.problem(textured(2), pts)).contains("nose and mouth");
  }

  @Test
  void eyes_too_close_or_steeply_tilted_are_refused() {
    double[] close = frontal();
    for (int i = 42; i < 48; i++) {
      close[2 * i] = 62 + (i - 42);
    }
    assertThat(FaceCropCheck.problem(textured(3), close)).contains("eyes");
    double[] tilted = frontal();
    for (int i = 42; i < 48; i++) {
      tilted[2 * i + 1] = 110;
    }
    assertThat(FaceCropCheck.problem(textured(4), tilted)).isNotNull();
  }

  @Test
  void smooth_eye_regions_are_refused() {
    byte[] rgb = new byte[150 * 150 * 3];
    for (int y = 0; y < 150; y++) {
      for (int x = 0; x < 150; x++) {
        byte v = (byte) (40 + x);
        for (int c = 0; c < 3; c++) {
          rgb[(y * 150 + x) * 3 + c] = v;
        }
      }
    }
    assertThat(FaceCropCheck.problem(new RgbImage(150, 150, rgb), frontal())).contains("no eyes");
  }
}
