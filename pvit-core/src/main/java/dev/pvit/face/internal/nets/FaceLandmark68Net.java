package dev.pvit.face.internal.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;

/**
 * face-api's FaceLandmark68Net (full) or FaceLandmark68TinyNet. Input {@code (N,3,112,112)},
 * normalised {@code (x-[122.782,117.001,104.298])/255}; output {@code (N,136)}: the raw fully
 * connected output, interleaved x,y of 68 points relative to the padded 112 square, before
 * face-api's {@code postProcess}.
 */
public final class FaceLandmark68Net extends TfjsNet {
  private final DenseFeatureExtractor features;
  private final NDArray fcWeights;
  private final NDArray fcBias;

  /**
   * Builds the network from {@code face_landmark_68_model} or {@code face_landmark_68_tiny_model}.
   *
   * @param w the weights; every tensor must be used
   * @param tiny whether these are the tiny model's weights
   */
  public FaceLandmark68Net(NetWeights w, boolean tiny) {
    features = new DenseFeatureExtractor(this, w, tiny);
    fcWeights = param("fc/weights", w.dense("fc/weights", features.outputChannels(), 136));
    fcBias = param("fc/bias", w.vector("fc/bias", 136));
    w.requireAllUsed();
  }

  @Override
  protected NDList run(NDArray x) {
    return Linear.linear(features.apply(x), fcWeights, fcBias);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), 136)};
  }
}
