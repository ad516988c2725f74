package dev.pvit.bench.perf;

import dev.pvit.image.ImageInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Random;

/** Inputs shared by the benchmarks: the bundled 5-face demo photo and seeded random tensors. */
public final class BenchInputs {
  /** Class-path location of the 5-face demo photo (face-api's MIT demo sample5.jpg, 1920x1398). */
  public static final String FIVE_FACES = "/dev/pvit/bench/perf/five-faces.jpg";

  private BenchInputs() {}

  /**
   * The 5-face demo photo.
   *
   * @return the photo
   */
  public static ImageInput fiveFaces() {
    return ImageInput.of(fiveFacesBytes(), "five-faces.jpg");
  }

  /**
   * The 5-face demo photo's JPEG bytes.
   *
   * @return the bytes
   */
  public static byte[] fiveFacesBytes() {
    try (InputStream in = BenchInputs.class.getResourceAsStream(FIVE_FACES)) {
      if (in == null) {
        throw new IllegalStateException("The benchmark photo " + FIVE_FACES + " is missing from the jar; rebuild pvit-bench.");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A normalised NCHW input of random pixels, as the nets receive it.
   *
   * @param batch images in the batch
   * @param size side in pixels
   * @param seed random seed
   * @return {@code batch*3*size*size} floats in about [-0.5, 0.5]
   */
  public static float[] tensor(int batch, int size, long seed) {
    Random r = new Random(seed);
    float[] t = new float[batch * 3 * size * size];
    for (int i = 0; i < t.length; i++) {
      t[i] = r.nextFloat() - 0.5f;
    }
    return t;
  }
}
