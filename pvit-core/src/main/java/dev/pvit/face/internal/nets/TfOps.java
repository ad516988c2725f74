package dev.pvit.face.internal.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import org.jspecify.annotations.Nullable;

/**
 * TensorFlow-semantics convolution and pooling on NCHW arrays.
 *
 * <p>TF {@code 'same'} padding puts the odd pixel of padding after the input (bottom/right): with
 * stride 2 on an even input that is 0 before and 1 after, which PyTorch's symmetric padding cannot
 * express, so such inputs are padded explicitly. Max pooling pads with -inf (TF ignores padded
 * cells for max).
 */
final class TfOps {
  private TfOps() {}

  /** TF padding mode. */
  enum Padding {
    SAME,
    VALID
  }

  private static final Shape ONE = new Shape(1, 1);
  private static final Shape ZERO = new Shape(0, 0);
  private static final Shape DILATED = new Shape(2, 2);

  /** Padding {@code [before, after]} of TF 'same' for one spatial dimension. */
  static int[] samePadding(long in, long kernel, int stride) {
    long out = (in + stride - 1) / stride;
    long total = Math.max((out - 1) * stride + kernel - in, 0);
    long before = total / 2;
    return new int[] {(int) before, (int) (total - before)};
  }

  /**
   * The same NCHW array with its values stored channels-last (NHWC strides).
   *
   * <p>oneDNN computes convolutions in a blocked or channels-last layout. On a plain NCHW array
   * libtorch reorders every convolution's input and output to and from that layout, and those
   * reorders of the large early activations cost as much as the convolutions themselves. A
   * channels-last input makes every later convolution, pooling view and activation stay
   * channels-last (libtorch propagates the layout), so nothing is reordered, and {@link #maxPool}
   * can use libtorch's pooling, which vectorises over the contiguous channels. The values are unchanged.
   *
   * @param x input {@code (N,C,H,W)}
   * @return a copy stored channels-last
   */
  static NDArray channelsLast(NDArray x) {
    Shape s = x.getShape();
    try (NDManager views = x.getManager().newSubManager()) {
      NDArray nhwc = x.transpose(0, 2, 3, 1);
      nhwc.attach(views);
      // Flattening the NHWC view cannot be a view of NCHW storage, so it copies in NHWC order.
      NDArray flat = nhwc.reshape(s.size());
      NDArray copy = flat.reshape(s.get(0), s.get(2), s.get(3), s.get(1));
      NDArray result = copy.transpose(0, 3, 1, 2);
      result.attach(x.getManager());
      // The intermediate views are closed with the sub-manager, so closing the result frees the copy.
      return result;
    }
  }

  /**
   * A 2-D convolution with TF padding.
   *
   * @param x input {@code (N,C,H,W)}
   * @param w filter {@code (O,C/groups,kh,kw)}
   * @param b bias {@code (O)} or null
   * @param stride both strides
   * @param padding TF padding
   * @param groups {@code C} for depthwise, 1 otherwise
   * @return the output
   */
  static NDArray conv(NDArray x, NDArray w, @Nullable NDArray b, int stride, Padding padding, int groups) {
    Shape strides = new Shape(stride, stride);
    if (padding == Padding.VALID) {
      return Conv2d.conv2d(x, w, b, strides, ZERO, ONE, groups).singletonOrThrow();
    }
    int[] ph = samePadding(x.getShape().get(2), w.getShape().get(2), stride);
    int[] pw = samePadding(x.getShape().get(3), w.getShape().get(3), stride);
    if (ph[0] == ph[1] && pw[0] == pw[1]) {
      return Conv2d.conv2d(x, w, b, strides, new Shape(ph[0], pw[0]), ONE, groups).singletonOrThrow();
    }
    NDArray padded = x.pad(new Shape(pw[0], pw[1], ph[0], ph[1]), 0);
    return Conv2d.conv2d(padded, w, b, strides, ZERO, ONE, groups).singletonOrThrow();
  }

  /**
   * TF's {@code separableConv2d}: depthwise (no bias) then pointwise 1×1 with bias.
   *
   * @param x input
   * @param depthwise {@code (C,1,kh,kw)}
   * @param pointwise {@code (O,C,1,1)}
   * @param bias {@code (O)}
   * @param stride depthwise stride
   * @param padding TF padding of the depthwise step
   * @return the output
   */
  static NDArray separable(NDArray x, NDArray depthwise, NDArray pointwise, NDArray bias, int stride, Padding padding) {
    try (NDArray d = conv(x, depthwise, null, stride, padding, (int) depthwise.getShape().get(0))) {
      return pointwise(d, pointwise, bias);
    }
  }

  /**
   * A 1×1 convolution through oneDNN. For single-threaded calls on fewer than 16 images libtorch
   * sends 1×1 convolutions to its own matrix-product path, which copies channels-last data to and
   * from NCHW and whose sums depend on the input's extent (one pixel takes a different kernel), so a
   * strip of an image would not give the values of the whole. A dilation has no effect on a 1×1
   * kernel but makes libtorch choose oneDNN, which computes every output pixel the same way.
   *
   * @param x input {@code (N,C,H,W)}
   * @param w filter {@code (O,C,1,1)}
   * @param b bias {@code (O)}
   * @return the output {@code (N,O,H,W)}
   */
  static NDArray pointwise(NDArray x, NDArray w, NDArray b) {
    return Conv2d.conv2d(x, w, b, ONE, ZERO, DILATED, 1).singletonOrThrow();
  }

  /**
   * Max pooling with TF padding.
   *
   * <p>On channels-last input libtorch's {@code max_pool2d} vectorises over the channels, so it is
   * used whenever one of its modes expresses the TF window placement along both axes: symmetric
   * padding (or none), or padding only after the input (ceil mode, whose partial last window
   * ignores the missing cells exactly as TF's -inf padding does; an axis that needs no padding
   * and divides evenly fits either mode). Other placements fall back to {@link #maxPoolByViews}.
   *
   * @param x input
   * @param kernel window size
   * @param stride stride
   * @param padding TF padding
   * @return the output
   */
  static NDArray maxPool(NDArray x, int kernel, int stride, Padding padding) {
    long h = x.getShape().get(2);
    long w = x.getShape().get(3);
    int[] ph = padding == Padding.SAME ? samePadding(h, kernel, stride) : new int[2];
    int[] pw = padding == Padding.SAME ? samePadding(w, kernel, stride) : new int[2];
    if (floorModeFits(h, kernel, stride, ph) && floorModeFits(w, kernel, stride, pw)) {
      return Pool.maxPool2d(x, new Shape(kernel, kernel), new Shape(stride, stride), new Shape(ph[0], pw[0]), false);
    }
    if (ceilModeFits(h, kernel, stride, ph) && ceilModeFits(w, kernel, stride, pw)) {
      return Pool.maxPool2d(x, new Shape(kernel, kernel), new Shape(stride, stride), ZERO, true);
    }
    return maxPoolByViews(x, kernel, stride, ph, pw);
  }

  /** TF's number of windows along one axis. */
  private static long tfWindows(long in, int kernel, int stride, int[] pad) {
    return (in + pad[0] + pad[1] - kernel) / stride + 1;
  }

  /**
   * Whether libtorch's pooling without ceil mode places TF's windows along one axis: the padding is
   * symmetric (libtorch pads both sides with cells that never win) and gives TF's window count.
   */
  private static boolean floorModeFits(long in, int kernel, int stride, int[] pad) {
    // libtorch requires padding of at most half the window.
    return pad[0] == pad[1] && 2L * pad[0] <= kernel
        && (in + 2L * pad[0] - kernel) / stride + 1 == tfWindows(in, kernel, stride, pad);
  }

  /**
   * Whether libtorch's pooling in ceil mode without padding places TF's windows along one axis: TF
   * pads only after the input (or not at all), and ceil mode keeps a partial last window, ignoring
   * the missing cells as TF's -inf padding does, exactly when TF has one.
   */
  private static boolean ceilModeFits(long in, int kernel, int stride, int[] pad) {
    if (pad[0] != 0 || in < kernel) {
      return false;
    }
    long ceilOut = (in - kernel + stride - 1) / stride + 1;
    // Ceil mode keeps a last window only if it starts inside the input, as TF's does here.
    return ceilOut == tfWindows(in, kernel, stride, pad) && (ceilOut - 1) * stride < in;
  }

  /**
   * Max pooling with TF padding as element-wise maxima of strided views (columns, then rows), for
   * window placements libtorch's pooling cannot express.
   *
   * @param x input
   * @param kernel window size
   * @param stride stride
   * @param ph TF padding {@code [before, after]} of the rows
   * @param pw TF padding {@code [before, after]} of the columns
   * @return the output
   */
  static NDArray maxPoolByViews(NDArray x, int kernel, int stride, int[] ph, int[] pw) {
    long h = x.getShape().get(2);
    long w = x.getShape().get(3);
    boolean padded = ph[0] + ph[1] + pw[0] + pw[1] > 0;
    // TF never lets a padded cell win a max, hence -inf.
    NDArray p = padded ? x.pad(new Shape(pw[0], pw[1], ph[0], ph[1]), Double.NEGATIVE_INFINITY) : x;
    long outH = (h + ph[0] + ph[1] - kernel) / stride + 1;
    long outW = (w + pw[0] + pw[1] - kernel) / stride + 1;
    NDArray cols = windowMax(p, kernel, stride, outW, false);
    return windowMax(cols, kernel, stride, outH, true);
  }

  /** Maximum over the {@code kernel} strided views along the last (columns) or second-last axis. */
  private static NDArray windowMax(NDArray x, int kernel, int stride, long out, boolean rows) {
    NDArray result = null;
    for (int j = 0; j < kernel; j++) {
      String slice = j + ":" + (j + stride * (out - 1) + 1) + ":" + stride;
      NDArray view = x.get(rows ? "..., " + slice + ", :" : "..., " + slice);
      result = result == null ? view : result.maximum(view);
    }
    return result;
  }

  /**
   * Average pooling without padding (TF 'valid').
   *
   * @param x input
   * @param kernel window size
   * @param stride stride
   * @return the output
   */
  static NDArray avgPoolValid(NDArray x, int kernel, int stride) {
    return Pool.avgPool2d(x, new Shape(kernel, kernel), new Shape(stride, stride), ZERO, false, true);
  }
}
