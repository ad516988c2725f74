package dev.pvit.pipeline.curation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.face.FaceEngine;
import dev.pvit.image.ImageInput;
import dev.pvit.image.internal.ImageDecoder;
import dev.pvit.image.internal.RgbImage;
import dev.pvit.pipeline.ItemContext;
import dev.pvit.pipeline.Stage;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * PVIT phase 1 for one image: find faces and people, keep people whose box holds exactly one face
 * (as PVIT kept person crops with exactly one face), order them left to right, crop faces with PVIT
 * margins and bodies by their boxes, mark faces failing the quality filter, and keep the scene only
 * if it has at least {@code minPeople} people. Images are decoded upright (EXIF orientation
 * applied), the same way the face engine sees them.
 *
 * <p>The stage holds no per-item state; it is thread-safe when its {@link FaceSource} and {@link
 * PersonDetector} are (the embedded source over one shared {@link FaceEngine} is). It closes its
 * face source on {@link #close()}.
 *
 * <pre>{@code
 * try (FaceEngine engine = FaceEngine.builder().attributes(true).build()) {
 *   CurationStage curation = CurationStage.builder().faces(FaceSource.embedded(engine)).minPeople(2).build();
 *   Pipeline.builder().source(Source.folder(dir)).then(curation)...
 * }
 * }</pre>
 */
public final class CurationStage implements Stage<ImageInput, CuratedScene> {
  /** PVIT's default: keep images with at least two people. */
  public static final int DEFAULT_MIN_PEOPLE = 2;

  private final FaceSource faceSource;
  private final PersonDetector personDetector;
  private final QualityFilter quality;
  private final int minPeople;
  private final long maxPixels;

  private CurationStage(Builder b, FaceSource faceSource) {
    this.faceSource = faceSource;
    this.personDetector = b.personDetector;
    this.quality = b.quality;
    this.minPeople = b.minPeople;
    this.maxPixels = b.maxPixels;
  }

  /**
   * A builder: person boxes from faces, default quality filter, at least two people.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public List<CuratedScene> process(ImageInput input, ItemContext context) {
    BufferedImage image = decode(input, maxPixels);
    int w = image.getWidth();
    int h = image.getHeight();
    List<SceneFace> faces = faceSource.faces(input, image);
    List<Detection> faceDetections = faces.stream().map(SceneFace::detection).toList();
    List<Detection> bodies = personDetector.detect(image, faceDetections);
    List<CuratedPerson> people = new ArrayList<>();
    for (Detection body : bodies) {
      SceneFace only = null;
      int inside = 0;
      for (SceneFace f : faces) {
        if (contains(body.box(), f.box())) {
          inside++;
          only = f;
        }
      }
      if (inside != 1 || only == null) {
        continue;
      }
      Box faceCropBox = FaceCrops.pvitCrop(only.box(), w, h);
      if (faceCropBox.isEmpty()) {
        continue;
      }
      BufferedImage faceCrop = FaceCrops.crop(image, faceCropBox);
      BufferedImage bodyCrop = FaceCrops.crop(image, body.box());
      Optional<String> issue = quality.rejection(only.detection(), faceCrop);
      people.add(new CuratedPerson(only, body, faceCrop, bodyCrop, issue));
    }
    if (people.size() < minPeople) {
      return List.of();
    }
    Comparator<SceneFace> leftToRight =
        Comparator.comparingDouble((SceneFace f) -> f.box().centerX()).thenComparingInt(f -> f.box().y());
    people.sort(Comparator.comparing(CuratedPerson::face, leftToRight));
    return List.of(new CuratedScene(input, image, people, faces.stream().sorted(leftToRight).toList()));
  }

  /** Whether the face's centre lies inside the body box. */
  private static boolean contains(Box body, Box face) {
    double cx = face.centerX();
    double cy = face.y() + face.height() / 2.0;
    return cx >= body.x() && cx < body.right() && cy >= body.y() && cy < body.bottom();
  }

  /**
   * Decodes an image upright (EXIF orientation applied) as RGB pixels.
   *
   * @param input the encoded image
   * @param maxPixels largest accepted width times height
   * @return the pixels
   * @throws dev.pvit.image.InvalidImageException if the image is corrupt, too large or too small
   */
  public static BufferedImage decode(ImageInput input, long maxPixels) {
    RgbImage rgb = ImageDecoder.decode(input, maxPixels);
    int w = rgb.width();
    int h = rgb.height();
    byte[] px = rgb.rgb();
    int[] packed = new int[w * h];
    for (int i = 0, p = 0; i < packed.length; i++, p += 3) {
      packed[i] = (px[p] & 0xff) << 16 | (px[p + 1] & 0xff) << 8 | (px[p + 2] & 0xff);
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    out.setRGB(0, 0, w, h, packed, 0, w);
    return out;
  }

  @Override
  public void close() {
    faceSource.close();
  }

  /** Options for {@link CurationStage}; {@link #faces(FaceSource)} is required. */
  public static final class Builder {
    private @Nullable FaceSource faces;
    private PersonDetector personDetector = PersonDetector.fromFaces();
    private QualityFilter quality = QualityFilter.defaults();
    private int minPeople = DEFAULT_MIN_PEOPLE;
    private long maxPixels = FaceEngine.DEFAULT_MAX_PIXELS;

    private Builder() {}

    /**
     * The face detector (required), e.g. {@link FaceSource#embedded(FaceEngine)}.
     *
     * @param source the face source; closed with the stage
     * @return this builder
     */
    public Builder faces(FaceSource source) {
      this.faces = checkNotNull(source, "source");
      return this;
    }

    /**
     * The person detector (default {@link PersonDetector#fromFaces()}, an approximation).
     *
     * @param detector the detector
     * @return this builder
     */
    public Builder personDetector(PersonDetector detector) {
      this.personDetector = checkNotNull(detector, "detector");
      return this;
    }

    /**
     * Which faces may serve as references (default {@link QualityFilter#defaults()}).
     *
     * @param filter the filter
     * @return this builder
     */
    public Builder quality(QualityFilter filter) {
      this.quality = checkNotNull(filter, "filter");
      return this;
    }

    /**
     * Fewest people a kept scene has (default 2, as in PVIT).
     *
     * @param count at least 1
     * @return this builder
     */
    public Builder minPeople(int count) {
      checkArgument(count >= 1, "minPeople must be at least 1, got %s", count);
      this.minPeople = count;
      return this;
    }

    /**
     * Largest image accepted, in pixels (default {@link FaceEngine#DEFAULT_MAX_PIXELS}); larger
     * images are rejected before decoding.
     *
     * @param pixels at least 1
     * @return this builder
     */
    public Builder maxPixels(long pixels) {
      checkArgument(pixels >= 1, "maxPixels must be positive, got %s", pixels);
      this.maxPixels = pixels;
      return this;
    }

    /**
     * Builds the stage.
     *
     * @return the stage
     * @throws IllegalStateException if no face source was given
     */
    public CurationStage build() {
      if (faces == null) {
        throw new IllegalStateException(
            "No face source: call faces(FaceSource.embedded(engine)) or pass your own detector.");
      }
      return new CurationStage(this, faces);
    }
  }
}
