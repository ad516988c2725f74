package dev.pvit.face.internal.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import dev.pvit.face.internal.nets.TfOps.Padding;

/**
 * face-api's AgeGenderNet: a TinyXception feature extractor with two middle blocks, avgPool 7
 * stride 2, and two heads. Input as for the landmark net; outputs {@code (N,1)} apparent age in
 * years and {@code (N,2)} softmax gender probabilities (index 0 = male, 1 = female).
 */
public final class AgeGenderNet extends TfjsNet {
  private record Reduction(Separable sep0, Separable sep1, NDArray expansionFilters, NDArray expansionBias) {}

  private final NDArray convInFilters;
  private final NDArray convInBias;
  private final Reduction[] entry;
  private final Separable[][] middle;
  private final Reduction exit;
  private final Separable exitSeparable;
  private final NDArray ageWeights;
  private final NDArray ageBias;
  private final NDArray genderWeights;
  private final NDArray genderBias;

  /**
   * Builds the network from {@code age_gender_model} weights.
   *
   * @param w the weights; every tensor must be used
   */
  public AgeGenderNet(NetWeights w) {
    convInFilters = param("entry_flow/conv_in/filters", w.conv("entry_flow/conv_in/filters", 3, 32));
    convInBias = param("entry_flow/conv_in/bias", w.vector("entry_flow/conv_in/bias", 32));
    entry =
        new Reduction[] {
          reduction(w, "entry_flow/reduction_block_0", 32, 64),
          reduction(w, "entry_flow/reduction_block_1", 64, 128)
        };
    middle = new Separable[2][3];
    for (int b = 0; b < middle.length; b++) {
      for (int c = 0; c < 3; c++) {
        middle[b][c] = separable(w, "middle_flow/main_block_" + b + "/separable_conv" + c, 128, 128);
      }
    }
    exit = reduction(w, "exit_flow/reduction_block", 128, 256);
    exitSeparable = separable(w, "exit_flow/separable_conv", 256, 512);
    ageWeights = param("fc/age/weights", w.dense("fc/age/weights", 512, 1));
    ageBias = param("fc/age/bias", w.vector("fc/age/bias", 1));
    genderWeights = param("fc/gender/weights", w.dense("fc/gender/weights", 512, 2));
    genderBias = param("fc/gender/bias", w.vector("fc/gender/bias", 2));
    w.requireAllUsed();
  }

  private Reduction reduction(NetWeights w, String prefix, int in, int out) {
    return new Reduction(
        separable(w, prefix + "/separable_conv0", in, out),
        separable(w, prefix + "/separable_conv1", out, out),
        param(prefix + "/expansion_conv/filters", w.conv(prefix + "/expansion_conv/filters", in, out)),
        param(prefix + "/expansion_conv/bias", w.vector(prefix + "/expansion_conv/bias", out)));
  }

  private static NDArray reduce(NDArray x, Reduction block, boolean activateInput) {
    NDArray out = activateInput ? Activation.relu(x) : x;
    out = block.sep0().apply(out, 1);
    out = block.sep1().apply(Activation.relu(out), 1);
    out = TfOps.maxPool(out, 3, 2, Padding.SAME);
    NDArray shortcut = TfOps.conv(x, block.expansionFilters(), block.expansionBias(), 2, Padding.SAME, 1);
    return out.addi(shortcut);
  }

  @Override
  protected NDList run(NDArray x) {
    NDArray out = Activation.relu(TfOps.conv(x, convInFilters, convInBias, 2, Padding.SAME, 1));
    out = reduce(out, entry[0], false);
    out = reduce(out, entry[1], true);
    for (Separable[] block : middle) {
      NDArray m = block[0].apply(Activation.relu(out), 1);
      m = block[1].apply(Activation.relu(m), 1);
      m = block[2].apply(Activation.relu(m), 1);
      out = m.addi(out);
    }
    out = reduce(out, exit, true);
    out = Activation.relu(exitSeparable.apply(out, 1));
    NDArray pooled = TfOps.avgPoolValid(out, 7, 2);
    pooled = pooled.reshape(pooled.getShape().get(0), -1);
    NDArray age = Linear.linear(pooled, ageWeights, ageBias).singletonOrThrow();
    NDArray gender = Linear.linear(pooled, genderWeights, genderBias).singletonOrThrow().softmax(1);
    return new NDList(age, gender);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long n = inputShapes[0].get(0);
    return new Shape[] {new Shape(n, 1), new Shape(n, 2)};
  }
}
