package dev.pvit.pipeline.curation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * A random chain of {@link ImageTransforms} with bounded strengths: flip, small rotation, scale,
 * crop jitter, colour, blur and JPEG re-compression, in that order. Every parameter is drawn from the
 * given {@link Random} in a fixed order, whether or not a transform ends up applied, so the same
 * seed always yields the same image.
 *
 * <pre>{@code
 * Augmentation aug = Augmentation.builder().maxRotation(8).build();
 * BufferedImage variant = aug.apply(faceCrop, ctx.random());
 * }</pre>
 *
 * @param flipProbability chance of a horizontal flip
 * @param maxRotation largest rotation, in degrees either way
 * @param maxScaleChange largest relative size change either way (0.1 = 90–110 %)
 * @param maxCropJitter most cut from each side dimension, as a fraction
 * @param maxBrightness largest brightness shift, as a fraction of full scale
 * @param maxContrastChange largest relative contrast change
 * @param maxSaturationChange largest relative saturation change
 * @param blurProbability chance of a radius-1 box blur
 * @param minJpegQuality lowest JPEG quality for re-compression (1 disables it)
 */
public record Augmentation(
    double flipProbability,
    double maxRotation,
    double maxScaleChange,
    double maxCropJitter,
    double maxBrightness,
    double maxContrastChange,
    double maxSaturationChange,
    double blurProbability,
    double minJpegQuality) {

  /** Checks the ranges. */
  public Augmentation {
    checkArgument(flipProbability >= 0 && flipProbability <= 1, "flipProbability must be in [0, 1]");
    checkArgument(maxRotation >= 0 && maxRotation <= 45, "maxRotation must be in [0, 45] degrees");
    checkArgument(maxScaleChange >= 0 && maxScaleChange < 1, "maxScaleChange must be in [0, 1)");
    checkArgument(maxCropJitter >= 0 && maxCropJitter <= 0.5, "maxCropJitter must be in [0, 0.5]");
    checkArgument(maxBrightness >= 0 && maxBrightness <= 1, "maxBrightness must be in [0, 1]");
    checkArgument(maxContrastChange >= 0 && maxContrastChange < 1, "maxContrastChange must be in [0, 1)");
    checkArgument(maxSaturationChange >= 0 && maxSaturationChange < 1, "maxSaturationChange must be in [0, 1)");
    checkArgument(blurProbability >= 0 && blurProbability <= 1, "blurProbability must be in [0, 1]");
    checkArgument(minJpegQuality >= 0.05 && minJpegQuality <= 1, "minJpegQuality must be in [0.05, 1]");
  }

  /**
   * Mild defaults that keep a face recognisable: flip 50 %, ±10°, ±10 % scale, 8 % crop jitter,
   * ±10 % brightness, ±15 % contrast, ±20 % saturation, blur 20 %, JPEG quality 0.6–1.
   *
   * @return the defaults
   */
  public static Augmentation defaults() {
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
   * Produces one random variant.
   *
   * @param image the source image (not modified)
   * @param random the random source, e.g. {@code ItemContext.random()}
   * @return a new RGB image
   */
  public BufferedImage apply(BufferedImage image, Random random) {
    checkNotNull(image, "image");
    checkNotNull(random, "random");
    boolean flip = random.nextDouble() < flipProbability;
    double angle = (random.nextDouble() * 2 - 1) * maxRotation;
    double scale = 1 + (random.nextDouble() * 2 - 1) * maxScaleChange;
    long cropSeed = random.nextLong();
    double brightness = (random.nextDouble() * 2 - 1) * maxBrightness;
    double contrast = 1 + (random.nextDouble() * 2 - 1) * maxContrastChange;
    double saturation = 1 + (random.nextDouble() * 2 - 1) * maxSaturationChange;
    boolean blur = random.nextDouble() < blurProbability;
    double quality = minJpegQuality + random.nextDouble() * (1 - minJpegQuality);

    BufferedImage out = flip ? ImageTransforms.flipHorizontal(image) : image;
    out = ImageTransforms.rotate(out, angle);
    out = ImageTransforms.scale(out, scale);
    out = ImageTransforms.cropJitter(out, maxCropJitter, new Random(cropSeed));
    out = ImageTransforms.adjustColour(out, brightness, contrast, saturation);
    if (blur) {
      out = ImageTransforms.blur(out, 1);
    }
    if (minJpegQuality < 1) {
      out = ImageTransforms.jpegRecompress(out, quality);
    }
    return out;
  }

  /** Builder for {@link Augmentation}; starts from the defaults. */
  public static final class Builder {
    private double flipProbability = 0.5;
    private double maxRotation = 10;
    private double maxScaleChange = 0.1;
    private double maxCropJitter = 0.08;
    private double maxBrightness = 0.1;
    private double maxContrastChange = 0.15;
    private double maxSaturationChange = 0.2;
    private double blurProbability = 0.2;
    private double minJpegQuality = 0.6;

    private Builder() {}

    /**
     * Chance of a horizontal flip.
     *
     * @param p in [0, 1]
     * @return this builder
     */
    public Builder flipProbability(double p) {
      this.flipProbability = p;
      return this;
    }

    /**
     * Largest rotation either way.
     *
     * @param degrees in [0, 45]
     * @return this builder
     */
    public Builder maxRotation(double degrees) {
      this.maxRotation = degrees;
      return this;
    }

    /**
     * Largest relative size change.
     *
     * @param change in [0, 1)
     * @return this builder
     */
    public Builder maxScaleChange(double change) {
      this.maxScaleChange = change;
      return this;
    }

    /**
     * Most cut from each dimension.
     *
     * @param fraction in [0, 0.5]
     * @return this builder
     */
    public Builder maxCropJitter(double fraction) {
      this.maxCropJitter = fraction;
      return this;
    }

    /**
     * Largest brightness shift.
     *
     * @param fraction of full scale, in [0, 1]
     * @return this builder
     */
    public Builder maxBrightness(double fraction) {
      this.maxBrightness = fraction;
      return this;
    }

    /**
     * Largest relative contrast change.
     *
     * @param change in [0, 1)
     * @return this builder
     */
    public Builder maxContrastChange(double change) {
      this.maxContrastChange = change;
      return this;
    }

    /**
     * Largest relative saturation change.
     *
     * @param change in [0, 1)
     * @return this builder
     */
    public Builder maxSaturationChange(double change) {
      this.maxSaturationChange = change;
      return this;
    }

    /**
     * Chance of a light blur.
     *
     * @param p in [0, 1]
     * @return this builder
     */
    public Builder blurProbability(double p) {
      this.blurProbability = p;
      return this;
    }

    /**
     * Lowest JPEG quality; 1 disables re-compression.
     *
     * @param quality in [0.05, 1]
     * @return this builder
     */
    public Builder minJpegQuality(double quality) {
      this.minJpegQuality = quality;
      return this;
    }

    /**
     * Builds the augmentation.
     *
     * @return the augmentation
     */
    public Augmentation build() {
      return new Augmentation(flipProbability, maxRotation, maxScaleChange, maxCropJitter, maxBrightness,
          maxContrastChange, maxSaturationChange, blurProbability, minJpegQuality);
    }
  }
}
