package dev.pvit.pipeline.curation;

import java.awt.image.BufferedImage;
import java.util.Random;

/** Synthetic images for curation tests. */
final class TestImages {
  private TestImages() {}

  /** Random colours per pixel: very sharp, asymmetric. */
  static BufferedImage noise(int w, int h, long seed) {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, r.nextInt(1 << 24));
      }
    }
    return img;
  }

  /** A black and white checkerboard of square cells. */
  static BufferedImage checkerboard(int w, int h, int cell) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, ((x / cell + y / cell) % 2 == 0) ? 0xffffff : 0);
      }
    }
    return img;
  }

  static BufferedImage flat(int w, int h, int rgb) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, rgb);
      }
    }
    return img;
  }

  static int[] pixels(BufferedImage img) {
    return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
  }
}
