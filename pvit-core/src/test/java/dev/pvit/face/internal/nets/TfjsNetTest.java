package dev.pvit.face.internal.nets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.pvit.face.ModelLoadException;
import dev.pvit.face.internal.TfjsWeights;
import org.junit.jupiter.api.Test;

class TfjsNetTest {
  private static final String DIR = "dev/pvit/face/models";

  @Test
  void inference_builds_no_autograd_graph_and_frees_everything_with_the_call_manager() {
    try (NDManager base = Engine.getEngine("PyTorch").newBaseManager()) {
      TinyFaceDetectorNet net =
          new TinyFaceDetectorNet(new NetWeights(TfjsWeights.fromClasspath(DIR, "tiny_face_detector_model"), base));
      for (Pair<String, Parameter> p : net.getParameters()) {
        assertThat(p.getValue().getArray().hasGradient()).as(p.getKey()).isFalse();
      }
      NDArray out;
      try (NDManager call = base.newSubManager()) {
        NDArray x = call.zeros(new Shape(1, 3, 64, 64));
        out = net.forward(new ParameterStore(call, false), new NDList(x), false).singletonOrThrow();
        assertThat(out.getShape()).isEqualTo(new Shape(1, 25, 2, 2));
        assertThat(out.hasGradient()).isFalse();
        assertThat(out.getManager()).isSameAs(call);
      }
      assertThat(out.isReleased()).isTrue();
      assertThat(net.getOutputShapes(new Shape[] {new Shape(2, 3, 416, 416)})[0]).isEqualTo(new Shape(2, 25, 13, 13));
    }
  }

  @Test
  void same_padding_is_asymmetric_for_stride_two_on_even_inputs() {
    assertThat(TfOps.samePadding(112, 3, 2)).containsExactly(0, 1);
    assertThat(TfOps.samePadding(113, 3, 2)).containsExactly(1, 1);
    assertThat(TfOps.samePadding(56, 3, 1)).containsExactly(1, 1);
    assertThat(TfOps.samePadding(13, 2, 1)).containsExactly(0, 1);
    assertThat(TfOps.samePadding(56, 1, 2)).containsExactly(0, 0);
  }

  @Test
  void max_pool_same_ignores_padding_like_tensorflow() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      // 3x3 of negatives; TF 'same' 2x2 stride 1 pads bottom/right with cells that never win.
      NDArray x = m.create(new float[] {-1, -2, -3, -4, -5, -6, -7, -8, -9}, new Shape(1, 1, 3, 3));
      assertThat(TfOps.maxPool(x, 2, 1, TfOps.Padding.SAME).toFloatArray())
          .containsExactly(-1, -2, -3, -4, -5, -6, -7, -8, -9);
      // Odd input with stride 2: ceil mode keeps the partial last window.
      assertThat(TfOps.maxPool(x, 2, 2, TfOps.Padding.SAME).toFloatArray()).containsExactly(-1, -3, -7, -9);
    }
  }

  @Test
  void strided_view_max_pool_equals_libtorch_max_pool() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      for (int[] c : new int[][] {{72, 3, 2}, {56, 3, 2}, {14, 3, 2}, {207, 2, 2}, {104, 2, 2}, {13, 2, 1}, {9, 3, 1}}) {
        int size = c[0];
        int k = c[1];
        int s = c[2];
        NDArray x = m.randomNormal(new Shape(2, 3, size, size));
        Shape kernel = new Shape(k, k);
        Shape stride = new Shape(s, s);
        assertThat(TfOps.maxPool(x, k, s, TfOps.Padding.VALID).toFloatArray())
            .as("valid %s", java.util.Arrays.toString(c))
            .containsExactly(Pool.maxPool2d(x, kernel, stride, new Shape(0, 0), false).toFloatArray());
        int[] p = TfOps.samePadding(size, k, s);
        NDArray padded = x.pad(new Shape(p[0], p[1], p[0], p[1]), Double.NEGATIVE_INFINITY);
        assertThat(TfOps.maxPool(x, k, s, TfOps.Padding.SAME).toFloatArray())
            .as("same %s", java.util.Arrays.toString(c))
            .containsExactly(Pool.maxPool2d(padded, kernel, stride, new Shape(0, 0), false).toFloatArray());
      }
    }
  }

  @Test
  void a_manifest_for_another_net_is_rejected_with_its_name() {
    try (NDManager base = Engine.getEngine("PyTorch").newBaseManager()) {
      NetWeights expressionWeights = new NetWeights(TfjsWeights.fromClasspath(DIR, "face_expression_model"), base);
      assertThatThrownBy(() -> new FaceLandmark68Net(expressionWeights, false))
          .isInstanceOf(ModelLoadException.class)
          .hasMessageContaining("face_expression_model-weights_manifest.json")
          .hasMessageContaining("fc/weights");
    }
  }
}
