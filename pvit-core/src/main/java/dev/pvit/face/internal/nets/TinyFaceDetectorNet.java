package dev.pvit.face.internal.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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
    NDArray out = frontEnd(x, STRIP_BYTES);
    x.close();
    for (int i = 1; i < separables.length; i++) {
      NDArray next = block(out, separables[i], i < separables.length - 1 ? 2 : 1);
      out.close();
      out = next;
    }
    return new NDList(TfOps.pointwise(out, conv8Filters, conv8Bias));
  }

  /**
   * Largest conv0 output (in bytes) one strip of {@link #frontEnd} computes: well below glibc's
   * largest mmap threshold (32 MB), so malloc reuses it from call to call. Measured on a 1024×768
   * input: 4 to 16 MB strips all take about 65 ms, 2 MB strips a tenth more (more calls), one piece
   * about 90 ms.
   */
  static final long STRIP_BYTES = 8L << 20;

  /**
   * The two full-resolution blocks (conv0 with its pooling, then the first separable block) in
   * horizontal strips of the output. Run whole on a 1024×768 input, conv0's output alone is 50 MB:
   * larger than any mmap threshold of glibc's malloc, so every call paid about 12,000 page faults
   * for fresh memory. A strip reads the input rows its outputs depend on, and its depthwise
   * convolution sees the neighbouring strips' rows where the whole computation would, and zero
   * padding only at the image's own top and bottom, so every output value is computed exactly as in
   * one piece.
   *
   * @param x the input {@code (N,3,H,W)}, H and W even
   * @param stripBytes largest conv0 output per strip, in bytes
   * @return the second block's output
   */
  NDArray frontEnd(NDArray x, long stripBytes) {
    Shape s = x.getShape();
    // conv0 is 'valid' (H-2 rows); its pooling halves that; the first block's pooling halves
    // again, rounding up (TF pads the odd row after the input).
    long pooledRows = (s.get(2) - 2) / 2;
    long outRows = (pooledRows + 1) / 2;
    long bytesPerOutRow = 4 * s.get(0) * CHANNELS[0] * (s.get(3) - 2) * 4;
    long rowsPerStrip = Math.max(1, stripBytes / bytesPerOutRow);
    NDList strips = new NDList();
    try {
      for (long o0 = 0; o0 < outRows; o0 += rowsPerStrip) {
        long o1 = Math.min(outRows, o0 + rowsPerStrip);
        strips.add(frontEndStrip(x, 2 * o0, Math.min(pooledRows, 2 * o1), pooledRows));
      }
      return strips.size() == 1 ? strips.get(0) : NDArrays.concat(strips, 2);
    } finally {
      if (strips.size() > 1) {
        strips.close();
      }
    }
  }

  /** The front end's output for the first block's rows {@code [r0, r1)} of {@code rows}. */
  private NDArray frontEndStrip(NDArray x, long r0, long r1, long rows) {
    // The depthwise 3x3 needs one row of conv0's pooled output either side.
    long a0 = Math.max(0, r0 - 1);
    long a1 = Math.min(rows, r1 + 1);
    try (NDManager strip = x.getManager().newSubManager()) {
      NDArray in = x.get(":, :, " + 2 * a0 + ":" + (2 * a1 + 2) + ", :");
      // Every array computed from the rows lives on their manager, so the strip's intermediates
      // are freed as soon as it is done.
      in.attach(strip);
      NDArray conv0 = TfOps.conv(in, conv0Filters, conv0Bias, 1, Padding.VALID, 1);
      // Leaky ReLU is monotonic, so it commutes with max pooling: pooling first is exact and the
      // activation then runs on a quarter of the values.
      NDArray pooled = TfOps.maxPool(conv0, 2, 2, Padding.SAME);
      NDArray act = Activation.leakyRelu(pooled, LEAK);
      // face-api pads by 1 and runs a 'valid' 3x3 conv: identical to 'same' at stride 1. Padding
      // both sides and dropping the rows computed against padding where a neighbour exists
      // leaves rows [r0, r1) as the whole computation has them.
      Separable first = separables[0];
      NDArray depthwise = TfOps.conv(act, first.depthwise(), null, 1, Padding.SAME, CHANNELS[0]);
      NDArray kept = depthwise.get(":, :, " + (r0 - a0) + ":" + (r1 - a0) + ", :");
      NDArray pointwise = TfOps.pointwise(kept, first.pointwise(), first.bias());
      NDArray out = Activation.leakyRelu(TfOps.maxPool(pointwise, 2, 2, Padding.SAME), LEAK);
      out.attach(x.getManager());
      return out;
    }
  }

  /** A separable block after the front end: convolution, pooling, activation, intermediates freed. */
  private static NDArray block(NDArray x, Separable sep, int poolStride) {
    try (NDManager block = x.getManager().newSubManager()) {
      NDArray conv = sep.apply(x, 1);
      // The pooling and activation computed from it live on its manager too.
      conv.attach(block);
      NDArray pooled = TfOps.maxPool(conv, 2, poolStride, Padding.SAME);
      NDArray out = Activation.leakyRelu(pooled, LEAK);
      out.attach(x.getManager());
      return out;
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), 25, in.get(2) / 32, in.get(3) / 32)};
  }
}
