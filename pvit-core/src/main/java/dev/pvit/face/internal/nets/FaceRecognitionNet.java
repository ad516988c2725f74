package dev.pvit.face.internal.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import dev.pvit.face.internal.nets.TfOps.Padding;

/**
 * face-api's FaceRecognitionNet, a port of dlib's {@code dlib_face_recognition_resnet_model_v1}
 * (ResNet-34-like). Input {@code (N,3,150,150)}, normalised {@code (x-[122.782,117.001,104.298])/255};
 * output {@code (N,128)} descriptors, not L2-normalised.
 *
 * <p>Each conv layer is conv + bias followed by dlib's affine "scale" layer; the scale is folded
 * into the filter and bias at load time ({@code W'=W*s}, {@code b'=b*s+sb}), which is exact up to
 * float rounding and saves two element-wise ops per layer.
 */
public final class FaceRecognitionNet extends TfjsNet {
  private record ConvLayer(NDArray filters, NDArray bias) {
    NDArray apply(NDArray x, int stride, Padding padding) {
      return TfOps.conv(x, filters, bias, stride, padding, 1);
    }
  }

  private record Residual(ConvLayer conv1, ConvLayer conv2, boolean down) {}

  private final ConvLayer stem;
  private final Residual[] residuals;
  private final NDArray fc;

  /**
   * Builds the network from {@code face_recognition_model} weights.
   *
   * @param w the weights; every tensor must be used
   */
  public FaceRecognitionNet(NetWeights w) {
    stem = convLayer(w, "conv32_down", 3, 32);
    String[] names = {
      "conv32_1", "conv32_2", "conv32_3",
      "conv64_down", "conv64_1", "conv64_2", "conv64_3",
      "conv128_down", "conv128_1", "conv128_2",
      "conv256_down", "conv256_1", "conv256_2", "conv256_down_out"
    };
    residuals = new Residual[names.length];
    int channels = 32;
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      int out = Integer.parseInt(name.substring(4, name.indexOf('_')));
      residuals[i] =
          new Residual(
              convLayer(w, name + "/conv1", channels, out),
              convLayer(w, name + "/conv2", out, out),
              name.contains("down"));
      channels = out;
    }
    fc = param("fc", w.dense("fc", 256, 128));
    w.requireAllUsed();
  }

  private ConvLayer convLayer(NetWeights w, String prefix, int in, int out) {
    float[] scale = w.vectorValues(prefix + "/scale/weights", out);
    float[] scaleBias = w.vectorValues(prefix + "/scale/biases", out);
    float[] bias = w.vectorValues(prefix + "/conv/bias", out);
    int[] hwio = w.shapeOf(prefix + "/conv/filters", 4);
    float[] filters = w.hwioToOihw(prefix + "/conv/filters", in, out, scale);
    float[] folded = new float[out];
    for (int o = 0; o < out; o++) {
      folded[o] = bias[o] * scale[o] + scaleBias[o];
    }
    return new ConvLayer(
        param(prefix + "/conv/filters*scale", w.create(filters, new Shape(out, in, hwio[0], hwio[1]))),
        param(prefix + "/conv/bias*scale+biases", w.create(folded, new Shape(out))));
  }

  @Override
  protected NDList run(NDArray x) {
    NDArray out = Activation.relu(stem.apply(x, 2, Padding.VALID));
    out = TfOps.maxPool(out, 3, 2, Padding.VALID);
    for (Residual layer : residuals) {
      out = layer.down() ? residualDown(out, layer) : residual(out, layer);
    }
    Shape shape = out.getShape();
    NDArray pooled = out.reshape(shape.get(0), shape.get(1), -1).mean(new int[] {2});
    return Linear.linear(pooled, fc);
  }

  private static NDArray residual(NDArray x, Residual layer) {
    NDArray out = Activation.relu(layer.conv1().apply(x, 1, Padding.SAME));
    out = layer.conv2().apply(out, 1, Padding.SAME);
    return Activation.relu(out.addi(x));
  }

  private static NDArray residualDown(NDArray x, Residual layer) {
    NDArray out = Activation.relu(layer.conv1().apply(x, 2, Padding.VALID));
    out = layer.conv2().apply(out, 1, Padding.SAME);
    NDArray pooled = TfOps.avgPoolValid(x, 2, 2);
    long missingChannels = out.getShape().get(1) - pooled.getShape().get(1);
    if (missingChannels > 0) {
      // The shortcut is concatenated with zeros when the channel count doubles.
      pooled = pooled.pad(new Shape(0, 0, 0, 0, 0, missingChannels), 0);
    }
    long missingRows = pooled.getShape().get(2) - out.getShape().get(2);
    long missingCols = pooled.getShape().get(3) - out.getShape().get(3);
    if (missingRows > 0 || missingCols > 0) {
      // face-api appends zero rows at the bottom and zero columns at the right of the main path.
      out = out.pad(new Shape(0, missingCols, 0, missingRows), 0);
    }
    return Activation.relu(out.addi(pooled));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), 128)};
  }
}
