package dev.pvit.client;

import dev.pvit.image.ImageInput;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Small generated images for request tests. */
final class TestImages {
  private TestImages() {}

  static ImageInput png(int size, Color color, String name) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, size, size);
    g.dispose();
    return ImageInput.of(img, name);
  }

  /** A PNG whose base64 form is far longer than 100 characters (noise does not compress). */
  static ImageInput noisy(String name) {
    BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    java.util.Random r = new java.util.Random(7);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        img.setRGB(x, y, r.nextInt(0xFFFFFF));
      }
    }
    return ImageInput.of(img, name);
  }
}
