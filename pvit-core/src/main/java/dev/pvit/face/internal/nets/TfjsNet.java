package dev.pvit.face.internal.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.jspecify.annotations.Nullable;

/**
 * Base of the face-api networks: an inference-only DJL block whose parameters are the converted
 * TF.js tensors.
 *
 * <p>Parameters are registered with {@code requiresGrad=false} and never go through an
 * initializer, so no forward pass records an autograd graph, whatever the thread's grad mode. The
 * forward pass reads them directly and allocates every intermediate on the input's manager, so the
 * caller's sub-manager owns (and frees) everything a call creates. Forward passes only read shared
 * state, so one instance serves any number of threads.
 */
public abstract class TfjsNet extends AbstractBlock {
  private int parameterCount;

  /**
   * Registers an array as a frozen parameter of this block.
   *
   * @param name a readable name (the TF.js tensor name or its folded form)
   * @param array the converted values
   * @return {@code array}, for assignment to a field
   */
  protected final NDArray param(String name, NDArray array) {
    Parameter.Type type = name.endsWith("bias") || name.endsWith("biases") ? Parameter.Type.BIAS : Parameter.Type.WEIGHT;
    array.setName(name);
    addParameter(
        Parameter.builder()
            .setName(String.format("%03d:%s", parameterCount++, name))
            .setType(type)
            .optShape(array.getShape())
            .optArray(array)
            .optRequiresGrad(false)
            .build());
    return array;
  }

  /**
   * Runs the network on one NCHW float batch.
   *
   * @param x the normalised input {@code (N,3,S,S)}, stored channels-last ({@link TfOps#channelsLast});
   *     a net may close it once it has been read
   * @return the raw outputs
   */
  protected abstract NDList run(NDArray x);

  @Override
  protected final NDList forwardInternal(
      ParameterStore parameterStore, NDList inputs, boolean training, @Nullable PairList<String, Object> params) {
    if (training) {
      throw new UnsupportedOperationException(getClass().getSimpleName() + " is inference-only");
    }
    return run(TfOps.channelsLast(inputs.singletonOrThrow()));
  }

  /**
   * Runs the network on an input already stored channels-last, without the copy {@link #forward}
   * makes: for example the NCHW view {@code nhwc.transpose(0, 3, 1, 2)} of an NHWC array. Like
   * {@code forward}, it allocates every intermediate on the input's manager; the input may be closed
   * once it has been read.
   *
   * @param x the normalised input {@code (N,3,H,W)} with channels-last strides
   * @return the raw outputs
   */
  public final NDList forwardChannelsLast(NDArray x) {
    return run(x);
  }

  /**
   * Output shapes for an input shape {@code (N,3,S,S)}.
   *
   * @param inputShapes one shape
   * @return the output shapes
   */
  @Override
  public abstract Shape[] getOutputShapes(Shape[] inputShapes);

  /** A TF separable convolution's three tensors. */
  record Separable(NDArray depthwise, NDArray pointwise, NDArray bias) {
    NDArray apply(NDArray x, int stride) {
      return TfOps.separable(x, depthwise, pointwise, bias, stride, TfOps.Padding.SAME);
    }
  }

  /**
   * Loads {@code <prefix>/depthwise_filter}, {@code pointwise_filter} and {@code bias}.
   *
   * @param w the weights
   * @param prefix tensor prefix
   * @param in input channels
   * @param out output channels
   * @return the registered tensors
   */
  final Separable separable(NetWeights w, String prefix, int in, int out) {
    return new Separable(
        param(prefix + "/depthwise_filter", w.depthwise(prefix + "/depthwise_filter", in)),
        param(prefix + "/pointwise_filter", w.conv(prefix + "/pointwise_filter", in, out)),
        param(prefix + "/bias", w.vector(prefix + "/bias", out)));
  }
}
