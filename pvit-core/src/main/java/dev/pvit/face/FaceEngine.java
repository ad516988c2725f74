package dev.pvit.face;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.image.ImageInput;
import dev.pvit.image.InvalidImageException;
import java.util.List;

/**
 * The embedded face engine: finds faces, computes their 128-d descriptors and recognises people
 * registered in a {@link FaceGallery}. Runs offline on the CPU with weights bundled in the jar.
 *
 * <p>Build one engine and share it across threads; it is thread-safe. Close it to free native
 * memory.
 *
 * <pre>{@code
 * try (FaceEngine engine = FaceEngine.builder().build()) {
 *   FaceGallery gallery = FaceGallery.builder().engine(engine).build();
 *   gallery.enroll(Person.of("Alice", Path.of("alice1.jpg"), Path.of("alice2.jpg")));
 *   SceneRecognition scene = engine.recognize(ImageInput.of(Path.of("party.jpg")), gallery);
 *   System.out.println(scene.recognizedPeople());   // [Alice]
 * }
 * }</pre>
 *
 * <p>{@link #analyze(ImageInput)} runs the reference pipeline of face-api.js (tiny face detector at
 * {@link Builder#detectorSize(int)}, 68-point landmarks, dlib alignment, descriptor) and gives the
 * same boxes and descriptors. {@link #recognize(ImageInput, FaceGallery)} and {@link
 * FaceGallery#enroll} go further for accuracy: they detect at several input sizes so that faces
 * filling the photo are found too.
 */
public final class FaceEngine implements AutoCloseable {
  /** Default detector input size (pixels, multiple of 32). */
  public static final int DEFAULT_DETECTOR_SIZE = 608;
  /** Default minimum detector score. */
  public static final double DEFAULT_SCORE_THRESHOLD = 0.5;
  /** Default IoU above which overlapping detections are merged. */
  public static final double DEFAULT_NMS_IOU = 0.4;
  /** Default largest image accepted, in pixels (50 megapixels). */
  public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

  private final int detectorSize;
  private final double scoreThreshold;
  private final double nmsIou;
  private final boolean attributes;
  private final long maxPixels;

  private FaceEngine(Builder b) {
    this.detectorSize = b.detectorSize;
    this.scoreThreshold = b.scoreThreshold;
    this.nmsIou = b.nmsIou;
    this.attributes = b.attributes;
    this.maxPixels = b.maxPixels;
  }

  /**
   * A builder with the defaults (detector 608, score 0.5, NMS IoU 0.4, full landmark net, no
   * attributes, 50 MP limit).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Finds every face in an image with the reference pipeline.
   *
   * @param image a photo
   * @return the image size (after EXIF orientation) and the faces, highest score first
   * @throws InvalidImageException if the image cannot be decoded, is larger than the pixel limit
   *     or too small; the engine stays usable
   * @throws IllegalStateException if the engine is closed
   */
  public FaceAnalysis analyze(ImageInput image) {
    checkNotNull(image, "image");
    throw new UnsupportedOperationException("The face pipeline is not wired in yet.");
  }

  /**
   * Finds every face in a scene and tells who each one is, using multi-scale detection.
   *
   * @param scene a photo
   * @param gallery the registered people
   * @return faces left to right with names (or unknown) and distances
   * @throws InvalidImageException if the image cannot be decoded; the engine stays usable
   * @throws IllegalStateException if the engine is closed
   */
  public SceneRecognition recognize(ImageInput scene, FaceGallery gallery) {
    checkNotNull(scene, "scene");
    checkNotNull(gallery, "gallery");
    throw new UnsupportedOperationException("The face pipeline is not wired in yet.");
  }

  /** Faces in a reference photo, found with multi-scale detection, largest first. */
  List<DetectedFace> referenceFaces(ImageInput image) {
    checkNotNull(image, "image");
    throw new UnsupportedOperationException("The face pipeline is not wired in yet.");
  }

  /**
   * The detector input size.
   *
   * @return pixels
   */
  public int detectorSize() {
    return detectorSize;
  }

  /**
   * The minimum detector score.
   *
   * @return 0..1
   */
  public double scoreThreshold() {
    return scoreThreshold;
  }

  /**
   * The IoU above which overlapping detections are merged.
   *
   * @return 0..1
   */
  public double nmsIou() {
    return nmsIou;
  }

  /**
   * Whether age, gender and expression are estimated.
   *
   * @return true if on
   */
  public boolean attributes() {
    return attributes;
  }

  /**
   * The largest image accepted.
   *
   * @return pixels
   */
  public long maxPixels() {
    return maxPixels;
  }

  /** Frees the nets' native memory. Further calls fail with {@link IllegalStateException}. */
  @Override
  public void close() {}

  /** Builder for {@link FaceEngine}. Not thread-safe. */
  public static final class Builder {
    private int detectorSize = DEFAULT_DETECTOR_SIZE;
    private double scoreThreshold = DEFAULT_SCORE_THRESHOLD;
    private double nmsIou = DEFAULT_NMS_IOU;
    private boolean attributes;
    private long maxPixels = DEFAULT_MAX_PIXELS;

    private Builder() {}

    /**
     * Detector input size for {@link #analyze}: a multiple of 32 from 128 to 1024. 608 (default)
     * finds small faces; 416 is about twice as fast.
     *
     * @param size pixels
     * @return this builder
     */
    public Builder detectorSize(int size) {
      this.detectorSize = size;
      return this;
    }

    /**
     * Minimum detector score (default 0.5): lower finds more faces and more false ones.
     *
     * @param threshold 0 (exclusive) to 1 (exclusive)
     * @return this builder
     */
    public Builder scoreThreshold(double threshold) {
      this.scoreThreshold = threshold;
      return this;
    }

    /**
     * IoU above which overlapping detections are merged (default 0.4).
     *
     * @param iou 0 (exclusive) to 1 (inclusive)
     * @return this builder
     */
    public Builder nmsIou(double iou) {
      this.nmsIou = iou;
      return this;
    }

    /**
     * Whether to estimate apparent age, gender and expression for every face (default off; costs
     * about 20 ms per face).
     *
     * @param on true to estimate
     * @return this builder
     */
    public Builder attributes(boolean on) {
      this.attributes = on;
      return this;
    }

    /**
     * Largest image accepted, in pixels (default 50 MP). Larger images are refused from their
     * header, before decoding, so a "decompression bomb" cannot exhaust memory.
     *
     * @param pixels width times height
     * @return this builder
     */
    public Builder maxPixels(long pixels) {
      this.maxPixels = pixels;
      return this;
    }

    /**
     * Loads the nets and builds the engine (about 1-2 s; the first run in a fresh cache extracts
     * the PyTorch natives, about 4 s).
     *
     * @return the engine
     * @throws IllegalArgumentException if a setting is out of range
     */
    public FaceEngine build() {
      if (detectorSize < 128 || detectorSize > 1024 || detectorSize % 32 != 0) {
        throw new IllegalArgumentException(
            "detectorSize must be a multiple of 32 from 128 to 1024, got " + detectorSize + ".");
      }
      if (!(scoreThreshold > 0 && scoreThreshold < 1)) {
        throw new IllegalArgumentException("scoreThreshold must be between 0 and 1, got " + scoreThreshold + ".");
      }
      if (!(nmsIou > 0 && nmsIou <= 1)) {
        throw new IllegalArgumentException("nmsIou must be in (0, 1], got " + nmsIou + ".");
      }
      if (maxPixels < 1) {
        throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels + ".");
      }
      return new FaceEngine(this);
    }
  }
}
