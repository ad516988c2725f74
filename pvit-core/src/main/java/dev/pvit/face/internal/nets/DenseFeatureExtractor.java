package dev.pvit.face.internal.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import dev.pvit.face.internal.nets.TfOps.Padding;

/**
 * face-api's FaceFeatureExtractor (4 dense blocks, 32/64/128/256 channels, avgPool 7 stride 2) or
 * TinyFaceFeatureExtractor (3 dense blocks, 32/64/128, avgPool 14 stride 2), shared by the
 * landmark and expression nets. Input {@code (N,3,112,112)}; output {@code (N,C)}.
 */
final class DenseFeatureExtractor {
  private static final int[] CHANNELS = {32, 64, 128, 256};

  private final NDArray firstFilters;
  private final NDArray firstBias;
  private final TfjsNet.Separable[][] blocks;
  private final int poolSize;

  DenseFeatureExtractor(TfjsNet owner, NetWeights w, boolean tiny) {
    int blockCount = tiny ? 3 : 4;
    int convsPerBlock = tiny ? 3 : 4;
    poolSize = tiny ? 14 : 7;
    firstFilters = owner.param("dense0/conv0/filters", w.conv("dense0/conv0/filters", 3, CHANNELS[0]));
    firstBias = owner.param("dense0/conv0/bias", w.vector("dense0/conv0/bias", CHANNELS[0]));
    blocks = new TfjsNet.Separable[blockCount][convsPerBlock];
    for (int b = 0; b < blockCount; b++) {
      int channels = CHANNELS[b];
      for (int c = 0; c < convsPerBlock; c++) {
        if (b == 0 && c == 0) {
          continue;
        }
        int in = c == 0 ? CHANNELS[b - 1] : channels;
        blocks[b][c] = owner.separable(w, "dense" + b + "/conv" + c, in, channels);
      }
    }
  }

  int outputChannels() {
    return CHANNELS[blocks.length - 1];
  }

  NDArray apply(NDArray x) {
    NDArray out = x;
    for (int b = 0; b < blocks.length; b++) {
      TfjsNet.Separable[] convs = blocks[b];
      NDArray first =
          b == 0
              ? TfOps.conv(out, firstFilters, firstBias, 2, Padding.SAME, 1)
              : convs[0].apply(out, 2);
      NDArray sum = Activation.relu(first);
      // o1 = relu(conv0(x)); each next conv sees relu(o1 + ... + o_k); the block returns relu(sum).
      NDArray next = convs[1].apply(sum, 1);
      for (int c = 2; c < convs.length; c++) {
        sum = sum.add(next);
        next = convs[c].apply(Activation.relu(sum), 1);
      }
      out = Activation.relu(sum.add(next));
    }
    NDArray pooled = TfOps.avgPoolValid(out, poolSize, 2);
    return pooled.reshape(pooled.getShape().get(0), -1);
  }
}
