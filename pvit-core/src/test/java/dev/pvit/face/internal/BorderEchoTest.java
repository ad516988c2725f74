package dev.pvit.face.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvit.image.internal.RgbImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class BorderEchoTest {
  private static final RgbImage CROP = new RgbImage(311, 228, new byte[311 * 228 * 3]);

  @Test
  void a_box_running_off_the_border_over_a_better_face_is_dropped() {
    // Measured on a tight crop of a reference photo: the detector's echo of the one face.
    Detection face = new Detection(new Rect(59, 25, 195, 154), 0.80);
    Detection echo = new Detection(new Rect(48, -36, 174, 147), 0.54);
    assertThat(FacePipeline.withoutBorderEchoes(List.of(face, echo), CROP)).containsExactly(face);
  }

  @Test
  void neighbouring_faces_inside_the_image_are_kept() {
    Detection left = new Detection(new Rect(10, 40, 120, 120), 0.9);
    Detection right = new Detection(new Rect(100, 50, 120, 120), 0.7);
    assertThat(FacePipeline.withoutBorderEchoes(List.of(left, right), CROP)).containsExactly(left, right);
  }

  @Test
  void a_face_cut_by_the_border_next_to_another_is_kept() {
    Detection inside = new Detection(new Rect(150, 40, 120, 120), 0.9);
    Detection cut = new Detection(new Rect(-40, 60, 120, 120), 0.6);
    assertThat(FacePipeline.withoutBorderEchoes(List.of(inside, cut), CROP)).containsExactly(inside, cut);
  }
}
