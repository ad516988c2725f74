package dev.pvit.pipeline.curation;

import java.awt.image.BufferedImage;
import java.util.List;

/** The "none configured" generator. */
enum NoImageGenerator implements ImageGenerator {
  INSTANCE;

  @Override
  public List<BufferedImage> generate(BufferedImage face, int count, long seed) {
    return List.of();
  }

  @Override
  public boolean isConfigured() {
    return false;
  }

  @Override
  public String toString() {
    return "ImageGenerator.none()";
  }
}
