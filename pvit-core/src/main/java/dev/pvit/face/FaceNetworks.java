package dev.pvit.face;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.face.internal.FaceNets;

/**
 * Direct access to the forward passes of the bundled face networks, for benchmarks and research on
 * the networks themselves. Applications use {@link FaceEngine}, which adds decoding, multi-scale
 * detection, alignment and recognition on top.
 *
 * <p>Inputs are float NCHW batches already normalised as face-api.js does; outputs are the raw
 * network outputs as flat arrays. Thread-safe; close it to free native memory.
 *
 * <pre>{@code
 * try (FaceNetworks nets = FaceNetworks.load(LandmarkModel.FULL)) {
 *   float[] descriptor = nets.descriptors(input150, 1);   // [1, 128]
 * }
 * }</pre>
 */
public final class FaceNetworks implements AutoCloseable {
  private final FaceNets nets;

  private FaceNetworks(FaceNets nets) {
    this.nets = nets;
  }

  /**
   * Loads every network from the weights bundled in the pvit-core jar, with the engine defaults of
   * {@link FaceEngine}.
   *
   * @param landmarkModel which landmark net to load
   * @return the loaded networks; close them when done
   * @throws ModelLoadException if a weights file is missing or does not match its network
   */
  public static FaceNetworks load(LandmarkModel landmarkModel) {
    return new FaceNetworks(FaceNets.load(checkNotNull(landmarkModel, "landmarkModel")));
  }

  /**
   * Runs the tiny face detector.
   *
   * @param input normalised {@code (x-[117.001,114.697,97.404])/255}, NCHW, length {@code batch*3*inputSize²}
   * @param batch number of images
   * @param inputSize side of the square input, a multiple of 32
   * @return raw output, NHWC {@code [batch, inputSize/32, inputSize/32, 25]}
   */
  public float[] detect(float[] input, int batch, int inputSize) {
    return nets.detect(input, batch, inputSize);
  }

  /**
   * Runs the 68-point landmark net chosen at load time.
   *
   * @param input normalised {@code (x-[122.782,117.001,104.298])/255}, NCHW 112×112
   * @param batch number of faces
   * @return {@code [batch, 136]}: interleaved x,y in [0,1] of the padded square
   */
  public float[] landmarks(float[] input, int batch) {
    return nets.landmarks(input, batch);
  }

  /**
   * Computes 128-d face descriptors (dlib ResNet).
   *
   * @param input normalised {@code (x-[122.782,117.001,104.298])/255}, NCHW 150×150
   * @param batch number of faces
   * @return {@code [batch, 128]}, not L2-normalised
   */
  public float[] descriptors(float[] input, int batch) {
    return nets.descriptors(input, batch);
  }

  /** Frees the native weights; waits for calls in progress. Idempotent. */
  @Override
  public void close() {
    nets.close();
  }
}
