package dev.pvit.face.internal.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.pvit.face.ModelLoadException;
import dev.pvit.face.internal.TfjsTensor;
import dev.pvit.face.internal.TfjsWeights;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Converts TF.js tensors into PyTorch layouts and checks that a network consumes every tensor of
 * its manifest exactly as declared, so a wrong or re-exported model fails at load time.
 */
public final class NetWeights {
  private final TfjsWeights weights;
  private final NDManager manager;
  private final Set<String> unused;

  /**
   * Wraps decoded weights.
   *
   * @param weights the decoded manifest
   * @param manager owns the created arrays (the shared, long-lived model manager)
   */
  public NetWeights(TfjsWeights weights, NDManager manager) {
    this.weights = weights;
    this.manager = manager;
    this.unused = new LinkedHashSet<>(weights.names());
  }

  private TfjsTensor take(String name, int... expectedShape) {
    TfjsTensor tensor = weights.get(name);
    if (expectedShape.length > 0 && !Arrays.equals(tensor.shape(), expectedShape)) {
      throw new ModelLoadException(
          weights.source() + ": tensor '" + name + "' has shape " + Arrays.toString(tensor.shape())
              + ", expected " + Arrays.toString(expectedShape));
    }
    unused.remove(name);
    return tensor;
  }

  /**
   * Returns a tensor's TF shape, checking its rank.
   *
   * @param name tensor name
   * @param rank expected rank
   * @return the shape
   */
  int[] shapeOf(String name, int rank) {
    int[] shape = weights.get(name).shape();
    if (shape.length != rank) {
      throw new ModelLoadException(
          weights.source() + ": tensor '" + name + "' has rank " + shape.length + ", expected " + rank);
    }
    return shape;
  }

  /**
   * Reads a conv filter {@code [kh,kw,in,out]} (HWIO), optionally scaling each output channel.
   *
   * @param name tensor name
   * @param in expected input channels
   * @param out expected output channels
   * @param outScale per-output-channel factor folded into the filter, or null
   * @return the filter as OIHW {@code (out,in,kh,kw)}
   */
  float[] hwioToOihw(String name, int in, int out, float @Nullable [] outScale) {
    int[] s = shapeOf(name, 4);
    float[] w = take(name, s[0], s[1], in, out).floats();
    int kh = s[0];
    int kw = s[1];
    float[] r = new float[w.length];
    for (int y = 0; y < kh; y++) {
      for (int x = 0; x < kw; x++) {
        for (int i = 0; i < in; i++) {
          int src = ((y * kw + x) * in + i) * out;
          for (int o = 0; o < out; o++) {
            float v = w[src + o];
            r[((o * in + i) * kh + y) * kw + x] = outScale == null ? v : v * outScale[o];
          }
        }
      }
    }
    return r;
  }

  /**
   * Creates a conv filter array from HWIO.
   *
   * @param name tensor name
   * @param in expected input channels
   * @param out expected output channels
   * @return an OIHW array
   */
  NDArray conv(String name, int in, int out) {
    int[] s = shapeOf(name, 4);
    return manager.create(hwioToOihw(name, in, out, null), new Shape(out, in, s[0], s[1]));
  }

  /**
   * Creates a depthwise filter {@code [kh,kw,C,1]} as {@code (C,1,kh,kw)} for {@code groups=C}.
   *
   * @param name tensor name
   * @param channels expected channels
   * @return the filter array
   */
  NDArray depthwise(String name, int channels) {
    int[] s = shapeOf(name, 4);
    float[] w = take(name, s[0], s[1], channels, 1).floats();
    int kh = s[0];
    int kw = s[1];
    float[] r = new float[w.length];
    for (int y = 0; y < kh; y++) {
      for (int x = 0; x < kw; x++) {
        for (int c = 0; c < channels; c++) {
          r[(c * kh + y) * kw + x] = w[(y * kw + x) * channels + c];
        }
      }
    }
    return manager.create(r, new Shape(channels, 1, kh, kw));
  }

  /**
   * Creates a dense weight {@code [in,out]} as {@code (out,in)}.
   *
   * @param name tensor name
   * @param in expected inputs
   * @param out expected outputs
   * @return the weight array
   */
  NDArray dense(String name, int in, int out) {
    float[] w = take(name, in, out).floats();
    float[] r = new float[w.length];
    for (int i = 0; i < in; i++) {
      for (int o = 0; o < out; o++) {
        r[o * in + i] = w[i * out + o];
      }
    }
    return manager.create(r, new Shape(out, in));
  }

  /**
   * Reads a vector.
   *
   * @param name tensor name
   * @param length expected length
   * @return the values
   */
  float[] vectorValues(String name, int length) {
    return take(name, length).floats();
  }

  /**
   * Creates a vector array.
   *
   * @param name tensor name
   * @param length expected length
   * @return the array of shape {@code (length)}
   */
  NDArray vector(String name, int length) {
    return manager.create(vectorValues(name, length), new Shape(length));
  }

  /**
   * Creates an array from already converted values.
   *
   * @param values the values
   * @param shape their shape
   * @return the array
   */
  NDArray create(float[] values, Shape shape) {
    return manager.create(values, shape);
  }

  /**
   * Fails if the manifest has tensors the network did not use: it is not the expected model.
   *
   * @throws ModelLoadException naming the manifest and the unused tensors
   */
  void requireAllUsed() {
    if (!unused.isEmpty()) {
      throw new ModelLoadException(
          weights.source() + " has tensors the network does not use: " + unused + "; it is not the expected model");
    }
  }
}
