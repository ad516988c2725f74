package dev.pvit.pipeline.curation;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * An identity-preserving image generation service (service provider interface), e.g. a
 * PhotoMaker-style server that renders the person of a face crop in new poses and settings, as PVIT
 * did to augment reference faces. The SDK ships no implementation; {@link #none()} stands for "no
 * generator configured" and generates nothing.
 *
 * <pre>{@code
 * ImageGenerator generator = ImageGenerator.none();
 * List<BufferedImage> variants = generator.generate(faceCrop, 3, ctx.random().nextLong());
 * }</pre>
 */
@FunctionalInterface
public interface ImageGenerator {

  /**
   * Generates new images of the person shown in a face crop.
   *
   * @param face a face crop of one person
   * @param count how many images to generate
   * @param seed seed for the service, so a re-run asks for the same images
   * @return up to {@code count} images; empty if nothing could be generated
   * @throws dev.pvit.RetriableException if the service is temporarily unavailable
   */
  List<BufferedImage> generate(BufferedImage face, int count, long seed);

  /**
   * Whether this generator does anything (false only for {@link #none()}).
   *
   * @return true if configured
   */
  default boolean isConfigured() {
    return true;
  }

  /**
   * No generator: {@link #generate} returns an empty list.
   *
   * @return the empty generator
   */
  static ImageGenerator none() {
    return NoImageGenerator.INSTANCE;
  }
}
