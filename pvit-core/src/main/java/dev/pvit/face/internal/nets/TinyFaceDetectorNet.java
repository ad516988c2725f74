package dev.pvit.face.internal.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.pvit.face.internal.nets.TfOps.Padding;

/**
 * face-api's TinyFaceDetector: tiny-YOLOv2 with depthwise-separable convs, one class, 5 anchors.
 * Input {@code (N,3,H,W)} with H and W divisible by 32 (face-api feeds squares; the net is fully
 * convolutional), normalised {@code (x-[117.001,114.697,97.404])/255}; output {@code
 * (N,25,H/32,W/32)}: per anchor {@code tx,ty,tw,th,score} before any sigmoid.
 */
public final class TinyFaceDetectorNet extends TfjsNet {
  private static final int[] CHANNELS = {16, 32, 64, 128, 256, 512};
  private static final float LEAK = 0.1f;

  private final NDArray conv0Filters;
  private final NDArray conv0Bias;
  private final Separable[] separables = new Separable[5];
  private final NDArray conv8Filters;
  private final NDArray conv8Bias;

  /**
   * Builds the network from {@code tiny_face_detector_model} weights.
   *
   * @param w the weights; every tensor must be used
   */
  public TinyFaceDetectorNet(NetWeights w) {
    conv0Filters = param("conv0/filters", w.conv("conv0/filters", 3, CHANNELS[0]));
    conv0Bias = param("conv0/bias", w.vector("conv0/bias", CHANNELS[0]));
    for (int i = 1; i <= 5; i++) {
      separables[i - 1] = separable(w, "conv" + i, CHANNELS[i - 1], CHANNELS[i]);
    }
    conv8Filters = param("conv8/filters", w.conv("conv8/filters", 512, 25));
    conv8Bias = param("conv8/bias", w.vector("conv8/bias", 25));
    w.requireAllUsed();
  }

  @Override
  protected NDList run(NDArray x) {
    // Leaky ReLU is monotonic, so it commutes with max pooling: pooling first is exact and the
    // activation then runs on a quarter of the values.
    NDArray out = TfOps.maxPool(TfOps.conv(x, conv0Filters, conv0Bias, 1, Padding.VALID, 1), 2, 2, Padding.SAME);
    out = Activation.leakyRelu(out, LEAK);
    for (int i = 0; i < separables.length; i++) {
      // face-api pads by 1 and runs a 'valid' 3x3 conv: identical to 'same' at stride 1.
      out = TfOps.maxPool(separables[i].apply(out, 1), 2, i < separables.length - 1 ? 2 : 1, Padding.SAME);
      out = Activation.leakyRelu(out, LEAK);
    }
    return new NDList(TfOps.conv(out, conv8Filters, conv8Bias, 1, Padding.VALID, 1));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), 25, in.get(2) / 32, in.get(3) / 32)};
  }
}
