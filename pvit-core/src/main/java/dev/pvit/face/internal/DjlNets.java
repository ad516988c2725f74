package dev.pvit.face.internal;

/**
 * The {@link Nets} of the pipeline backed by the DJL/PyTorch {@link FaceNets}, fed the NHWC inputs
 * {@link Tensors} writes.
 */
public final class DjlNets implements Nets {
  private final FaceNets nets;

  /**
   * Wraps loaded nets; closing this closes them.
   *
   * @param nets the loaded nets
   */
  public DjlNets(FaceNets nets) {
    this.nets = nets;
  }

  @Override
  public float[] detect(float[] input, int batch, int height, int width) {
    return nets.detect(input, batch, height, width, true);
  }

  @Override
  public float[] landmarks(float[] input, int batch) {
    return nets.landmarks(input, batch, true);
  }

  @Override
  public float[] descriptors(float[] input, int batch) {
    return nets.descriptors(input, batch, true);
  }

  @Override
  public float[] ageGender(float[] input, int batch) {
    return nets.ageGender(input, batch, true);
  }

  @Override
  public float[] expressions(float[] input, int batch) {
    return nets.expressions(input, batch, true);
  }

  @Override
  public void close() {
    nets.close();
  }
}
