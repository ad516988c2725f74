package dev.pvit.face;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.face.internal.DjlNets;
import dev.pvit.face.internal.EngineSettings;
import dev.pvit.face.internal.Face;
import dev.pvit.face.internal.FaceCropCheck;
import dev.pvit.face.internal.FaceNets;
import dev.pvit.face.internal.FacePipeline;
import dev.pvit.face.internal.Nets;
import dev.pvit.face.internal.Rect;
import dev.pvit.image.ImageInput;
import dev.pvit.image.InvalidImageException;
import dev.pvit.image.internal.ImageDecoder;
import dev.pvit.image.internal.RgbImage;
import dev.pvit.face.internal.RecognitionPermits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded face engine: finds faces, computes their 128-d descriptors and recognises people
 * registered in a {@link FaceGallery}. Runs offline on the CPU with weights bundled in the jar.
 *
 * <p>Build one engine and share it across threads; it is thread-safe. Close it to free native
 * memory.
 *
 * <p>Process-wide effect: on Linux, the first engine of a process frees one 31 MB block through
 * malloc, which makes glibc raise its mmap threshold to 31 MB and its trim threshold to 62 MB, as
 * glibc itself does the first time any program frees such a block. The nets' activations are then
 * reused from call to call instead of being mapped and zeroed afresh by the kernel (thousands of
 * page faults a call); in exchange malloc may keep up to about 62 MB per arena for reuse. It has no
 * effect if the application tuned malloc itself ({@code MALLOC_MMAP_THRESHOLD_} or {@code
 * MALLOC_TRIM_THRESHOLD_} in the environment, or {@code mallopt}).
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
 * FaceGallery#enroll} go further for accuracy:
 *
 * <ul>
 *   <li>multi-scale detection: the detector runs at the configured size, at 1024 (if larger) and at
 *       416, 320 and 224 (those below it), so faces that fill the photo are found (at 608 alone the
 *       tiny detector misses most close-ups and tight face crops) and so are small faces in crowds
 *       and backgrounds. Each size runs only on the part of its input square that holds the photo,
 *       not on the padding that makes a photo square (a quarter of the work on a 4:3 photo). Every
 *       detection of the configured size is kept; a box seen only at another size is added if it
 *       does not overlap a kept face and the detector finds it again on a zoomed crop around it
 *       (all such crops in one batched call), which rejects duplicate and false boxes between
 *       neighbouring faces;
 *   <li>zoom-out fallback: if still no face is found, the photo is centred on a canvas twice its size
 *       and searched again (tight crops whose face touches every border); a reference photo in
 *       which even that finds nothing is taken whole as a face crop when the landmark net places a
 *       plausible face on it and (at enrollment) its descriptor agrees with the person's other photos;
 *   <li>landmarks are placed relative to the crop actually fed to the landmark net (face-api offsets
 *       them by the unclipped box, which misaligns faces cut by the image border);
 *   <li>one-to-one assignment in a scene: a person is given to at most one face, best distance
 *       first;
 *   <li>small faces (narrower than 64 px) are named only if 0.1 closer than the gallery threshold:
 *       their descriptors are noisy and strangers in crowds otherwise come within it.
 * </ul>
 */
public final class FaceEngine implements AutoCloseable {
  /** Default detector input size (pixels, multiple of 32). */
  public static final int DEFAULT_DETECTOR_SIZE = 608;
  /** Default minimum detector score. */
  public static final double DEFAULT_SCORE_THRESHOLD = 0.5;
  /** Default IoU above which overlapping detections are merged. */
  public static final double DEFAULT_NMS_IOU = 0.4;
  /** Default longest wait for a free recognition slot. */
  public static final Duration DEFAULT_QUEUE_TIMEOUT = Duration.ofSeconds(60);
  /** Default largest image accepted, in pixels (50 megapixels). */
  public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

  /**
   * Smaller detector input sizes added by {@link #recognize} and enrollment: the tiny detector misses
   * faces that fill the frame at large input sizes and small faces at small ones, so several are
   * merged.
   */
  static final int[] SMALLER_SIZES = {416, 320, 224};
  /**
   * Larger detector input size added by {@link #recognize} and enrollment: small faces (crowds,
   * people in the background) become visible to the tiny detector only when the photo is enlarged.
   */
  static final int LARGER_SIZE = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(FaceEngine.class);

  private final int detectorSize;
  private final double scoreThreshold;
  private final double nmsIou;
  private final LandmarkModel landmarkModel;
  private final boolean attributes;
  private final long maxPixels;
  private final Nets nets;
  private final FacePipeline pipeline;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final RecognitionPermits permits;

  private FaceEngine(Builder b, Nets nets) {
    this.detectorSize = b.detectorSize;
    this.scoreThreshold = b.scoreThreshold;
    this.nmsIou = b.nmsIou;
    this.landmarkModel = b.landmarkModel;
    this.attributes = b.attributes;
    this.maxPixels = b.maxPixels;
    this.nets = nets;
    this.pipeline = new FacePipeline(nets);
    this.permits = new RecognitionPermits(b.maxConcurrent, b.queueTimeout);
  }

  /** An engine over given nets (tests use fakes). */
  static FaceEngine create(Builder b, Nets nets) {
    b.check();
    return new FaceEngine(b, nets);
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
    return permits.run(() -> {
      RgbImage img = decode(image);
      List<Face> faces = pipeline.analyze(img, FacePipeline.Options.reference(detectorSize, scoreThreshold, nmsIou, attributes));
      return new FaceAnalysis(img.width(), img.height(), toPublic(faces));
    });
  }

  /**
   * Finds every face in an image the way {@link #recognize} and {@link FaceGallery#enroll} do
   * (multi-scale detection, zoom-out fallback, border-corrected landmarks; see the class comment),
   * so a face that enrollment accepts is found here too. Use {@link #analyze} for the exact
   * face-api.js reference pipeline.
   *
   * <pre>{@code
   * FaceAnalysis a = engine.findFaces(ImageInput.of(Path.of("alice-crop.jpg")));
   * float[] descriptor = a.largestFace().orElseThrow().descriptor().toArray();
   * }</pre>
   *
   * @param image a photo
   * @return the image size (after EXIF orientation) and the faces
   * @throws InvalidImageException if the image cannot be decoded, is larger than the pixel limit
   *     or too small; the engine stays usable
   * @throws IllegalStateException if the engine is closed
   */
  public FaceAnalysis findFaces(ImageInput image) {
    checkNotNull(image, "image");
    return permits.run(() -> {
      RgbImage img = decode(image);
      return new FaceAnalysis(img.width(), img.height(), toPublic(pipeline.analyze(img, accurateOptions())));
    });
  }

  /**
   * Finds every face in a scene and tells who each one is, with multi-scale detection and one-to-one
   * assignment (see the class comment). Boxes and descriptors may differ from {@link #analyze}.
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
    return recognize(scene, gallery, accurateOptions());
  }

  SceneRecognition recognize(ImageInput scene, FaceGallery gallery, FacePipeline.Options options) {
    return permits.run(() -> {
      RgbImage img = decode(scene);
      List<DetectedFace> faces = toPublic(pipeline.analyze(img, options));
      return new SceneRecognition(img.width(), img.height(), SceneMatcher.assign(faces, gallery));
    });
  }

  /** Faces in a reference photo, found with multi-scale detection, largest first. */
  List<DetectedFace> referenceFaces(ImageInput image) {
    return referenceFaces(image, accurateOptions());
  }

  /**
   * The faces of a reference photo (see {@link #referenceFaces(ImageInput)}); when none is found,
   * the whole photo as one face if the landmark net finds a plausible face on it ({@link
   * FaceCropCheck}): tight face crops that the detector misses at every size.
   */
  ReferenceFaces referenceFacesOrCrop(ImageInput image) {
    checkNotNull(image, "image");
    RgbImage img = decode(image);
    FacePipeline.Options options = accurateOptions();
    List<DetectedFace> faces = new ArrayList<>(toPublic(pipeline.analyze(img, options)));
    if (!faces.isEmpty()) {
      faces.sort(Comparator.comparingDouble((DetectedFace f) -> f.box().area()).reversed());
      return new ReferenceFaces(faces, false, null);
    }
    Optional<Face> whole = pipeline.wholeImageFace(img, options);
    if (whole.isEmpty()) {
      return new ReferenceFaces(List.of(), false, "the face cannot be aligned");
    }
    String problem = FaceCropCheck.problem(img, whole.get().landmarks());
    if (problem != null) {
      return new ReferenceFaces(List.of(), false, problem);
    }
    return new ReferenceFaces(toPublic(List.of(whole.get())), true, null);
  }

  /**
   * Faces of a reference photo, largest first.
   *
   * @param faces the faces
   * @param wholePhoto whether the only face is the whole photo (no detection)
   * @param whyNot when there is no face: why the whole photo is not taken as one
   */
  record ReferenceFaces(List<DetectedFace> faces, boolean wholePhoto, @Nullable String whyNot) {}

  List<DetectedFace> referenceFaces(ImageInput image, FacePipeline.Options options) {
    checkNotNull(image, "image");
    List<DetectedFace> faces = new ArrayList<>(permits.run(() -> toPublic(pipeline.analyze(decode(image), options))));
    faces.sort(Comparator.comparingDouble((DetectedFace f) -> f.box().area()).reversed());
    return faces;
  }

  FacePipeline.Options accurateOptions() {
    int[] sizes = IntStream.concat(
            IntStream.concat(IntStream.of(detectorSize), IntStream.of(LARGER_SIZE).filter(s -> s > detectorSize)),
            IntStream.of(SMALLER_SIZES).filter(s -> s < detectorSize))
        .toArray();
    return new FacePipeline.Options(sizes, scoreThreshold, nmsIou, attributes, true, false, true);
  }

  private RgbImage decode(ImageInput image) {
    if (closed.get()) {
      throw new IllegalStateException("This FaceEngine is closed; build a new one.");
    }
    RgbImage img = ImageDecoder.decode(image, maxPixels);
    LOG.debug("Decoded {} ({}, {} bytes) to {}x{}", image.name(), image.mediaType(), image.byteCount(), img.width(), img.height());
    return img;
  }

  private static List<DetectedFace> toPublic(List<Face> faces) {
    List<DetectedFace> out = new ArrayList<>(faces.size());
    for (Face f : faces) {
      Rect r = f.detection().box();
      List<Point> pts = new ArrayList<>(DetectedFace.LANDMARK_COUNT);
      double[] lm = f.landmarks();
      for (int i = 0; i < DetectedFace.LANDMARK_COUNT; i++) {
        pts.add(new Point(lm[2 * i], lm[2 * i + 1]));
      }
      Optional<FaceAttributes> attrs = Optional.empty();
      float[] ag = f.ageGender();
      float[] ex = f.expressions();
      if (ag != null && ex != null) {
        double male = Math.min(1, Math.max(0, ag[1]));
        attrs = Optional.of(new FaceAttributes(ag[0], male, FaceAttributes.fromArray(ex)));
      }
      out.add(new DetectedFace(new Box(r.x(), r.y(), Math.max(0, r.width()), Math.max(0, r.height())),
          f.detection().score(), pts, FaceDescriptor.of(f.descriptor()), attrs));
    }
    return out;
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
   * The landmark net in use.
   *
   * @return FULL or TINY
   */
  public LandmarkModel landmarkModel() {
    return landmarkModel;
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
  public void close() {
    if (closed.compareAndSet(false, true)) {
      nets.close();
    }
  }

  /** Builder for {@link FaceEngine}. Not thread-safe. */
  public static final class Builder {
    private int detectorSize = DEFAULT_DETECTOR_SIZE;
    private double scoreThreshold = DEFAULT_SCORE_THRESHOLD;
    private double nmsIou = DEFAULT_NMS_IOU;
    private LandmarkModel landmarkModel = LandmarkModel.FULL;
    private boolean attributes;
    private long maxPixels = DEFAULT_MAX_PIXELS;
    private int maxConcurrent = Runtime.getRuntime().availableProcessors();
    private Duration queueTimeout = DEFAULT_QUEUE_TIMEOUT;
    private boolean offline = EngineSettings.DEFAULTS.offline();
    private int threads = EngineSettings.DEFAULTS.threads();

    private Builder() {}

    /**
     * How many images the engine analyses at once (default: one per available processor). Further
     * callers wait in line: the nets use several hundred MB of native memory per running call and
     * more calls than cores only add memory and context switches, not throughput.
     *
     * @param permits 1 or more
     * @return this builder
     */
    public Builder maxConcurrentRecognitions(int permits) {
      this.maxConcurrent = permits;
      return this;
    }

    /**
     * Whether DJL may use the network while the PyTorch engine starts (default {@code true}: offline;
     * the natives come from the pvit-core dependency, see the README's platform section). Turn it
     * off only to let DJL download natives for a platform without a natives jar.
     *
     * <p>Applied as the {@code ai.djl.offline} system property while the engine starts, unless the
     * application set that property or {@code DJL_OFFLINE} itself, and removed afterwards: other DJL
     * models in the same JVM are not affected.
     *
     * @param on true to stay offline
     * @return this builder
     */
    public Builder offline(boolean on) {
      this.offline = on;
      return this;
    }

    /**
     * How long a caller waits in line for a free slot before {@link RecognitionBusyException}
     * (default 60 s).
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder queueTimeout(Duration timeout) {
      this.queueTimeout = checkNotNull(timeout, "timeout");
      return this;
    }

    /**
     * libtorch intra- and inter-op threads (default 1; 0 keeps libtorch's default of one per core).
     * One is the robust choice for a library: callers parallelise across images, and libtorch's
     * spinning OpenMP workers slow down 5–40× when cores are shared (measured on 2 cores).
     *
     * <p>libtorch keeps these per process and reads them when the PyTorch engine first starts in the
     * JVM, so this applies only if no engine was started before; it yields to {@code OMP_NUM_THREADS}
     * and to the {@code ai.djl.pytorch.num_threads}/{@code num_interop_threads} properties when the
     * application sets them. The properties are set only during the start and removed afterwards.
     *
     * @param count threads, 0 or more
     * @return this builder
     */
    public Builder threads(int count) {
      this.threads = count;
      return this;
    }

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
     * Which landmark net aligns faces (default {@link LandmarkModel#FULL}; {@code TINY} is faster and
     * slightly less precise).
     *
     * @param model the landmark net
     * @return this builder
     */
    public Builder landmarkModel(LandmarkModel model) {
      this.landmarkModel = checkNotNull(model, "model");
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
     * @throws ModelLoadException if the bundled weights cannot be loaded
     */
    public FaceEngine build() {
      check();
      return new FaceEngine(this, new DjlNets(FaceNets.load(landmarkModel, new EngineSettings(offline, threads))));
    }

    void check() {
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
      if (threads < 0) {
        throw new IllegalArgumentException("threads must be 0 (libtorch default) or positive, got " + threads + ".");
      }
      if (maxPixels < 1) {
        throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels + ".");
      }
      if (maxConcurrent < 1) {
        throw new IllegalArgumentException("maxConcurrentRecognitions must be at least 1, got " + maxConcurrent + ".");
      }
      if (queueTimeout.isNegative() || queueTimeout.isZero()) {
        throw new IllegalArgumentException("queueTimeout must be positive, got " + queueTimeout + ".");
      }
    }
  }
}
