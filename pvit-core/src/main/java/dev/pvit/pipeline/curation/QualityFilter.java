package dev.pvit.pipeline.curation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Decides whether a face is good enough to become a reference crop: large enough, sharp enough
 * (variance of the Laplacian of the crop's grey levels) and confidently detected.
 *
 * <pre>{@code
 * QualityFilter filter = QualityFilter.builder().minFaceSize(48).minSharpness(60).build();
 * Optional<String> why = filter.rejection(face, faceCrop);   // empty = keep
 * }</pre>
 *
 * @param minFaceSize smallest accepted shorter side of the face box, in pixels
 * @param minSharpness smallest accepted variance of the Laplacian (grey levels 0–255)
 * @param minScore smallest accepted detector score
 */
public record QualityFilter(int minFaceSize, double minSharpness, double minScore) {

  /** Default smallest face side: 40 px. */
  public static final int DEFAULT_MIN_FACE_SIZE = 40;
  /** Default sharpness threshold: 50, below which typical face crops look visibly blurred. */
  public static final double DEFAULT_MIN_SHARPNESS = 50;
  /**
   * Default detector score threshold: 0.6. The embedded tiny face detector scores clear, frontal
   * faces between about 0.6 and 1.0 (measured on the shared test scenes, where 0.8 discarded half of
   * the well-lit faces); below 0.6 its detections are often profiles or partly hidden faces.
   */
  public static final double DEFAULT_MIN_SCORE = 0.6;

  /** Checks the thresholds. */
  public QualityFilter {
    checkArgument(minFaceSize >= 0, "minFaceSize must not be negative, got %s", minFaceSize);
    checkArgument(minSharpness >= 0, "minSharpness must not be negative, got %s", minSharpness);
    checkArgument(minScore >= 0 && minScore <= 1, "minScore must be in [0, 1], got %s", minScore);
  }

  /**
   * The default thresholds.
   *
   * @return the filter
   */
  public static QualityFilter defaults() {
    return builder().build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Why a face fails the filter.
   *
   * @param face the detected face
   * @param crop the face crop whose sharpness is measured
   * @return the reason, or empty if the face passes
   */
  public Optional<String> rejection(Detection face, BufferedImage crop) {
    checkNotNull(face, "face");
    checkNotNull(crop, "crop");
    int side = Math.min(face.box().width(), face.box().height());
    if (side < minFaceSize) {
      return Optional.of("face " + face.box().width() + "x" + face.box().height()
          + " px is smaller than " + minFaceSize + " px");
    }
    if (face.score() < minScore) {
      return Optional.of(String.format(java.util.Locale.ROOT, "detector score %.3f is below %.3f", face.score(), minScore));
    }
    double sharpness = sharpness(crop);
    if (sharpness < minSharpness) {
      return Optional.of(String.format(java.util.Locale.ROOT, "face is blurred (sharpness %.1f < %.1f)", sharpness, minSharpness));
    }
    return Optional.empty();
  }

  /**
   * Variance of the 4-neighbour Laplacian over the grey levels (0–255) of the interior pixels: high
   * for crisp edges, near zero for flat or blurred images.
   *
   * @param image any image of at least 3×3 pixels (smaller ones score 0)
   * @return the variance
   */
  public static double sharpness(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (w < 3 || h < 3) {
      return 0;
    }
    double[] grey = new double[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = image.getRGB(x, y);
        grey[y * w + x] = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
      }
    }
    double sum = 0;
    double sumSq = 0;
    long n = 0;
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        int i = y * w + x;
        double lap = grey[i - 1] + grey[i + 1] + grey[i - w] + grey[i + w] - 4 * grey[i];
        sum += lap;
        sumSq += lap * lap;
        n++;
      }
    }
    double mean = sum / n;
    return sumSq / n - mean * mean;
  }

  /** Builder for {@link QualityFilter}; starts from the defaults. */
  public static final class Builder {
    private int minFaceSize = DEFAULT_MIN_FACE_SIZE;
    private double minSharpness = DEFAULT_MIN_SHARPNESS;
    private double minScore = DEFAULT_MIN_SCORE;

    private Builder() {}

    /**
     * Smallest accepted shorter side of a face box.
     *
     * @param pixels the size
     * @return this builder
     */
    public Builder minFaceSize(int pixels) {
      this.minFaceSize = pixels;
      return this;
    }

    /**
     * Smallest accepted sharpness (variance of the Laplacian).
     *
     * @param sharpness the threshold; 0 disables the check
     * @return this builder
     */
    public Builder minSharpness(double sharpness) {
      this.minSharpness = sharpness;
      return this;
    }

    /**
     * Smallest accepted detector score.
     *
     * @param score the threshold in [0, 1]
     * @return this builder
     */
    public Builder minScore(double score) {
      this.minScore = score;
      return this;
    }

    /**
     * Builds the filter.
     *
     * @return the filter
     */
    public QualityFilter build() {
      return new QualityFilter(minFaceSize, minSharpness, minScore);
    }
  }
}
