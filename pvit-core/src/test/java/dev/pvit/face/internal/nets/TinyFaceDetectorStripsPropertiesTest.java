package dev.pvit.face.internal.nets;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.pvit.face.internal.TfjsWeights;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The detector's strip-wise front end computes every value exactly as one piece does, for detector-shaped inputs. */
class TinyFaceDetectorStripsPropertiesTest {
  private static NDManager manager;
  private static TinyFaceDetectorNet net;

  @BeforeContainer
  static void start() {
    manager = Engine.getEngine("PyTorch").newBaseManager();
    net = new TinyFaceDetectorNet(
        new NetWeights(TfjsWeights.fromClasspath("dev/pvit/face/models", "tiny_face_detector_model"), manager));
  }

  @AfterContainer
  static void stop() {
    manager.close();
  }

  @Property(tries = 60)
  void strips_of_any_height_give_the_one_piece_values(
      @ForAll @IntRange(min = 1, max = 2) int batch,
      @ForAll @IntRange(min = 2, max = 40) int halfHeight,
      @ForAll @IntRange(min = 1, max = 3) int gridColumns,
      @ForAll @IntRange(min = 1, max = 9) int stripRows) {
    int height = 2 * halfHeight;
    // Detector inputs are whole grid cells wide. On degenerate extents (one pixel per strip)
    // libtorch's 1x1 convolution takes a matrix-vector kernel whose sums differ in the last bit.
    int width = 32 * gridColumns;
    try (NDManager call = manager.newSubManager()) {
      NDArray x = TfOps.channelsLast(call.randomUniform(-1, 1, new Shape(batch, 3, height, width)));
      NDArray whole = net.frontEnd(x, Long.MAX_VALUE);
      // The strip budget in bytes of conv0 output that gives stripRows rows of the front end's output.
      long bytesPerRow = 4L * batch * 16 * (width - 2) * 4;
      NDArray strips = net.frontEnd(x, stripRows * bytesPerRow);
      assertThat(strips.getShape()).isEqualTo(whole.getShape());
      assertThat(strips.getShape()).isEqualTo(new Shape(batch, 32, (height / 2 - 1 + 1) / 2, (width / 2 - 1 + 1) / 2));
      assertThat(strips.toFloatArray()).containsExactly(whole.toFloatArray());
    }
  }
}
