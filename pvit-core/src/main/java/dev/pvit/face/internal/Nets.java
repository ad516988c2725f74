package dev.pvit.face.internal;

/**
 * The five face nets as the pipeline uses them: NHWC (channels-last) float inputs normalised as
 * face-api does, as {@link Tensors} writes them; raw float outputs. Implementations must be safe to
 * call from several threads.
 */
public interface Nets extends AutoCloseable {
  /**
   * Runs the tiny face detector.
   *
   * @param input {@code batch*inputSize*inputSize*3} floats, NHWC
   * @param batch images in the batch
   * @param inputSize side, a multiple of 32
   * @return raw conv8 output, NHWC {@code [batch, S, S, 25]} with {@code S = inputSize/32}
   */
  default float[] detect(float[] input, int batch, int inputSize) {
    return detect(input, batch, inputSize, inputSize);
  }

  /**
   * Runs the tiny face detector on a rectangular input: the net is fully convolutional, so an input
   * cut to the part of the square that holds the image costs only that part.
   *
   * @param input {@code batch*height*width*3} floats, NHWC
   * @param batch images in the batch
   * @param height rows, a multiple of 32
   * @param width columns, a multiple of 32
   * @return raw conv8 output, NHWC {@code [batch, height/32, width/32, 25]}
   */
  float[] detect(float[] input, int batch, int height, int width);

  /**
   * Runs the 68-point landmark net on 112x112 crops.
   *
   * @param input {@code batch*112*112*3} floats, NHWC
   * @param batch faces in the batch
   * @return raw {@code [batch, 136]}
   */
  float[] landmarks(float[] input, int batch);

  /**
   * Runs the recognition net on 150x150 aligned crops.
   *
   * @param input {@code batch*150*150*3} floats, NHWC
   * @param batch faces in the batch
   * @return {@code [batch, 128]} descriptors
   */
  float[] descriptors(float[] input, int batch);

  /**
   * Runs the age/gender net on 112x112 crops.
   *
   * @param input {@code batch*112*112*3} floats, NHWC
   * @param batch faces in the batch
   * @return {@code [batch, 2]}: age in years, probability male
   */
  float[] ageGender(float[] input, int batch);

  /**
   * Runs the expression net on 112x112 crops.
   *
   * @param input {@code batch*112*112*3} floats, NHWC
   * @param batch faces in the batch
   * @return {@code [batch, 7]} softmax over neutral, happy, sad, angry, fearful, disgusted, surprised
   */
  float[] expressions(float[] input, int batch);

  /** Frees native memory. */
  @Override
  void close();
}
