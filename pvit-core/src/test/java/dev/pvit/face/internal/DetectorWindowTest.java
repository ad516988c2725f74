package dev.pvit.face.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvit.image.internal.RgbImage;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Which part of a detector input square holds the image, and running the detector on just that part. */
class DetectorWindowTest {
  @Property(tries = 300)
  void the_window_holds_every_input_pixel_that_samples_the_image_and_whole_cells_only(
      @ForAll @IntRange(min = 16, max = 5000) int width, @ForAll @IntRange(min = 16, max = 5000) int height,
      @ForAll @IntRange(min = 1, max = 32) int cells) {
    int size = 32 * cells;
    int side = Math.max(width, height);
    for (int extent : new int[] {width, height}) {
      int window = FacePipeline.window(extent, side, size);
      assertThat(window % 32).isZero();
      assertThat(window).isBetween(32, size);
      float scale = side / (float) size;
      // Input pixels past the window sample only padding, as Tensors samples them.
      for (int o = window; o < size; o++) {
        assertThat((int) Math.floor(o * scale)).isGreaterThanOrEqualTo(extent);
      }
      // ...and the window is no larger than needed: its last cell holds some of the image.
      assertThat((int) Math.floor((window - 32) * scale)).isLessThan(extent);
    }
    assertThat(FacePipeline.window(side, side, size)).isEqualTo(size);
  }

  @Test
  void a_4_by_3_photo_needs_three_quarters_of_the_square() {
    assertThat(FacePipeline.window(1920, 1920, 1024)).isEqualTo(1024);
    // 1398 rows of 1920 become 745.6 input rows: 24 cells of 32.
    assertThat(FacePipeline.window(1398, 1920, 1024)).isEqualTo(768);
    assertThat(FacePipeline.window(480, 640, 224)).isEqualTo(192);
  }

  @Test
  void the_detector_runs_on_the_window_only() {
    FacePipelineTest.ScriptedNets nets = new FacePipelineTest.ScriptedNets();
    // 13x10 cells of the 416 square hold a 1000x750 photo (312 input rows).
    nets.bySize.put(416, List.of(new FacePipelineTest.Cell(6, 6, 1, 0, 0, 3)));
    RgbImage img = new RgbImage(1000, 750, new byte[1000 * 750 * 3]);
    FacePipeline pipeline = new FacePipeline(nets);
    List<Detection> square = pipeline.detect(img, 416, 0.5, 0.4);
    List<Detection> window = pipeline.detectWithinImage(img, 416, 0.5, 0.4);
    assertThat(nets.shapes).containsExactly(List.of(416, 416), List.of(320, 416));
    assertThat(window).isEqualTo(square).hasSize(1);
  }
}
