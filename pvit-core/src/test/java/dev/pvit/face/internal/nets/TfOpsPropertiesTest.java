package dev.pvit.face.internal.nets;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.pvit.face.internal.TfjsWeights;
import dev.pvit.face.internal.nets.TfOps.Padding;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The fast paths of {@link TfOps} and of the detector agree exactly with the straightforward
 * computations.
 */
class TfOpsPropertiesTest {
  private static NDManager manager;
  private static TinyFaceDetectorNet detector;

  @BeforeContainer
  static void start() {
    manager = Engine.getEngine("PyTorch").newBaseManager();
    detector = new TinyFaceDetectorNet(
        new NetWeights(TfjsWeights.fromClasspath("dev/pvit/face/models", "tiny_face_detector_model"), manager));
  }

  @AfterContainer
  static void stop() {
    manager.close();
  }

  @Property(tries = 200)
  void max_pool_equals_tensorflow_window_placement_by_strided_views(
      @ForAll @IntRange(min = 1, max = 9) int height,
      @ForAll @IntRange(min = 1, max = 9) int width,
      @ForAll @IntRange(min = 1, max = 3) int kernel,
      @ForAll @IntRange(min = 1, max = 2) int stride,
      @ForAll Padding padding,
      @ForAll boolean channelsLast,
      @ForAll @IntRange(min = 1, max = 5) int channels) {
    if (padding == Padding.VALID && (height < kernel || width < kernel)) {
      return;
    }
    try (NDManager call = manager.newSubManager()) {
      NDArray plain = call.randomNormal(new Shape(2, channels, height, width));
      NDArray x = channelsLast ? TfOps.channelsLast(plain) : plain;
      int[] ph = padding == Padding.SAME ? TfOps.samePadding(height, kernel, stride) : new int[2];
      int[] pw = padding == Padding.SAME ? TfOps.samePadding(width, kernel, stride) : new int[2];
      NDArray expected = TfOps.maxPoolByViews(plain, kernel, stride, ph, pw);
      NDArray actual = TfOps.maxPool(x, kernel, stride, padding);
      assertThat(actual.getShape()).isEqualTo(expected.getShape());
      assertThat(actual.toFloatArray()).containsExactly(expected.toFloatArray());
    }
  }

  @Property(tries = 50)
  void channels_last_keeps_every_value_in_place(
      @ForAll @IntRange(min = 1, max = 3) int batch,
      @ForAll @IntRange(min = 1, max = 6) int channels,
      @ForAll @IntRange(min = 1, max = 7) int height,
      @ForAll @IntRange(min = 1, max = 7) int width) {
    try (NDManager call = manager.newSubManager()) {
      NDArray x = call.randomNormal(new Shape(batch, channels, height, width));
      NDArray cl = TfOps.channelsLast(x);
      assertThat(cl.getShape()).isEqualTo(x.getShape());
      assertThat(cl.toFloatArray()).containsExactly(x.toFloatArray());
      assertThat(cl.get("1:, :, ::2").toFloatArray()).containsExactly(x.get("1:, :, ::2").toFloatArray());
    }
  }

  @Property(tries = 60)
  void detector_strips_of_any_height_give_the_one_piece_values(
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
      NDArray whole = detector.frontEnd(x, Long.MAX_VALUE);
      // The strip budget in bytes of conv0 output that gives stripRows rows of the front end's output.
      long bytesPerRow = 4L * batch * 16 * (width - 2) * 4;
      NDArray strips = detector.frontEnd(x, stripRows * bytesPerRow);
      assertThat(strips.getShape()).isEqualTo(whole.getShape());
      // conv0 drops two rows, the pooling halves them, the block's pooling halves again rounding up.
      assertThat(strips.getShape()).isEqualTo(new Shape(batch, 32, halfHeight / 2, width / 4));
      assertThat(strips.toFloatArray()).containsExactly(whole.toFloatArray());
    }
  }
}
