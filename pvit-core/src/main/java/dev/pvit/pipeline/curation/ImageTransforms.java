package dev.pvit.pipeline.curation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.image.InvalidImageException;
import dev.pvit.pipeline.internal.ImageCodec;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Geometric and photometric image transforms for augmentation. Each is a pure function: it never
 * modifies its input, returns a new {@link BufferedImage#TYPE_INT_RGB} image (alpha is dropped) and
 * draws randomness only from the {@link Random} it is given, so equal seeds give equal pixels.
 *
 * <pre>{@code
 * BufferedImage out = ImageTransforms.rotate(ImageTransforms.flipHorizontal(face), 7.5);
 * BufferedImage jittered = ImageTransforms.cropJitter(face, 0.1, ctx.random());
 * }</pre>
 */
public final class ImageTransforms {
  private ImageTransforms() {}

  /**
   * Mirrors left and right.
   *
   * @param image the image
   * @return the mirrored copy
   */
  public static BufferedImage flipHorizontal(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] px = pixels(image);
    int[] out = new int[px.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out[y * w + (w - 1 - x)] = px[y * w + x];
      }
    }
    return image(w, h, out);
  }

  /**
   * Rotates about the centre, keeping the size; corners uncovered by the rotated image are black.
   *
   * @param image the image
   * @param degrees the angle, clockwise on screen
   * @return the rotated copy
   */
  public static BufferedImage rotate(BufferedImage image, double degrees) {
    BufferedImage src = ImageCodec.toRgb(image);
    if (degrees == 0) {
      return copy(src);
    }
    AffineTransform t = AffineTransform.getRotateInstance(
        Math.toRadians(degrees), src.getWidth() / 2.0, src.getHeight() / 2.0);
    BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
    new AffineTransformOp(t, AffineTransformOp.TYPE_BILINEAR).filter(src, out);
    return out;
  }

  /**
   * Resizes by a factor (bilinear).
   *
   * @param image the image
   * @param factor the scale, e.g. 0.9; results are at least 1×1
   * @return the resized copy
   */
  public static BufferedImage scale(BufferedImage image, double factor) {
    checkArgument(factor > 0, "scale factor must be positive, got %s", factor);
    BufferedImage src = ImageCodec.toRgb(image);
    int w = Math.max(1, (int) Math.round(src.getWidth() * factor));
    int h = Math.max(1, (int) Math.round(src.getHeight() * factor));
    AffineTransform t = AffineTransform.getScaleInstance(
        (double) w / src.getWidth(), (double) h / src.getHeight());
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    new AffineTransformOp(t, AffineTransformOp.TYPE_BILINEAR).filter(src, out);
    return out;
  }

  /**
   * Crops a random window that keeps at least {@code 1 - maxFraction} of each side.
   *
   * @param image the image
   * @param maxFraction the most that may be cut from each dimension, in [0, 0.5]
   * @param random the random source
   * @return the cropped copy
   */
  public static BufferedImage cropJitter(BufferedImage image, double maxFraction, Random random) {
    checkArgument(maxFraction >= 0 && maxFraction <= 0.5, "maxFraction must be in [0, 0.5], got %s", maxFraction);
    checkNotNull(random, "random");
    int w = image.getWidth();
    int h = image.getHeight();
    int cutW = random.nextInt((int) Math.floor(w * maxFraction) + 1);
    int cutH = random.nextInt((int) Math.floor(h * maxFraction) + 1);
    int x = random.nextInt(cutW + 1);
    int y = random.nextInt(cutH + 1);
    return FaceCrops.crop(image, new Box(x, y, w - cutW, h - cutH));
  }

  /**
   * Adjusts brightness, contrast and saturation.
   *
   * @param image the image
   * @param brightness added to every channel, as a fraction of full scale (0 = unchanged)
   * @param contrast factor around mid-grey (1 = unchanged)
   * @param saturation factor of the distance from grey (1 = unchanged, 0 = greyscale)
   * @return the adjusted copy
   */
  public static BufferedImage adjustColour(BufferedImage image, double brightness, double contrast, double saturation) {
    checkArgument(contrast >= 0 && saturation >= 0, "contrast and saturation must not be negative");
    int[] px = pixels(image);
    int[] out = new int[px.length];
    for (int i = 0; i < px.length; i++) {
      int p = px[i];
      double r = (p >> 16) & 0xff;
      double g = (p >> 8) & 0xff;
      double b = p & 0xff;
      double grey = 0.299 * r + 0.587 * g + 0.114 * b;
      r = grey + (r - grey) * saturation;
      g = grey + (g - grey) * saturation;
      b = grey + (b - grey) * saturation;
      double shift = brightness * 255;
      r = (r - 128) * contrast + 128 + shift;
      g = (g - 128) * contrast + 128 + shift;
      b = (b - 128) * contrast + 128 + shift;
      out[i] = (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }
    return image(image.getWidth(), image.getHeight(), out);
  }

  /**
   * Blurs with a separable box filter (edges clamped).
   *
   * @param image the image
   * @param radius the filter radius in pixels; 0 returns a copy
   * @return the blurred copy
   */
  public static BufferedImage blur(BufferedImage image, int radius) {
    checkArgument(radius >= 0, "radius must not be negative, got %s", radius);
    int w = image.getWidth();
    int h = image.getHeight();
    int[] px = pixels(image);
    if (radius == 0) {
      return image(w, h, px);
    }
    int[] tmp = new int[px.length];
    int[] out = new int[px.length];
    boxPass(px, tmp, w, h, radius, 1, w);
    boxPass(tmp, out, h, w, radius, w, 1);
    return image(w, h, out);
  }

  /** One blur pass along lines of length {@code n}; {@code step} moves along, {@code stride} across. */
  private static void boxPass(int[] in, int[] out, int n, int lines, int radius, int step, int stride) {
    int size = 2 * radius + 1;
    for (int line = 0; line < lines; line++) {
      int base = line * stride;
      for (int i = 0; i < n; i++) {
        int r = 0;
        int g = 0;
        int b = 0;
        for (int k = -radius; k <= radius; k++) {
          int j = Math.min(n - 1, Math.max(0, i + k));
          int p = in[base + j * step];
          r += (p >> 16) & 0xff;
          g += (p >> 8) & 0xff;
          b += p & 0xff;
        }
        out[base + i * step] = ((r + size / 2) / size << 16) | ((g + size / 2) / size << 8) | ((b + size / 2) / size);
      }
    }
  }

  /**
   * Encodes as JPEG and decodes again, adding compression artefacts.
   *
   * @param image the image
   * @param quality JPEG quality in [0.05, 1]
   * @return the re-compressed copy, same size
   */
  public static BufferedImage jpegRecompress(BufferedImage image, double quality) {
    checkArgument(quality >= 0.05 && quality <= 1, "JPEG quality must be in [0.05, 1], got %s", quality);
    byte[] jpeg = ImageCodec.jpeg(image, (float) quality);
    try {
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
      if (decoded == null) {
        throw new InvalidImageException("The JDK could not decode the JPEG it just encoded.");
      }
      return copy(ImageCodec.toRgb(decoded));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  private static BufferedImage image(int w, int h, int[] rgb) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    out.setRGB(0, 0, w, h, rgb, 0, w);
    return out;
  }

  private static BufferedImage copy(BufferedImage image) {
    return image(image.getWidth(), image.getHeight(), pixels(image));
  }
}
