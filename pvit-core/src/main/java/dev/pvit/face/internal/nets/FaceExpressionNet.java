package dev.pvit.face.internal.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;

/**
 * face-api's FaceExpressionNet: the full landmark feature extractor, a 256→7 dense layer and a
 * softmax. Input as for the landmark net; output {@code (N,7)} probabilities in the order
 * neutral, happy, sad, angry, fearful, disgusted, surprised.
 */
public final class FaceExpressionNet extends TfjsNet {
  private final DenseFeatureExtractor features;
  private final NDArray fcWeights;
  private final NDArray fcBias;

  /**
   * Builds the network from {@code face_expression_model}.
   *
   * @param w the weights; every tensor must be used
   */
  public FaceExpressionNet(NetWeights w) {
    features = new DenseFeatureExtractor(this, w, false);
    fcWeights = param("fc/weights", w.dense("fc/weights", 256, 7));
    fcBias = param("fc/bias", w.vector("fc/bias", 7));
    w.requireAllUsed();
  }

  @Override
  protected NDList run(NDArray x) {
    return new NDList(Linear.linear(features.apply(x), fcWeights, fcBias).singletonOrThrow().softmax(1));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), 7)};
  }
}
