package dev.pvit.pipeline.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Deterministic PNG/JPEG encoding for pipeline outputs. */
public final class ImageCodec {
  /** JPEG quality used for {@code .jpg} outputs. */
  public static final float JPEG_QUALITY = 0.92f;

  private ImageCodec() {}

  /**
   * Encodes an image in the format named by a file's extension.
   *
   * @param image the pixels
   * @param file a name ending in .png, .jpg or .jpeg
   * @return the encoded bytes
   * @throws IllegalArgumentException for other extensions
   */
  public static byte[] encode(BufferedImage image, String file) {
    String lower = file.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".png")) {
      return png(image);
    }
    if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
      return jpeg(image, JPEG_QUALITY);
    }
    throw new IllegalArgumentException(
        "Cannot tell the image format of '" + file + "'; end the name in .png, .jpg or .jpeg.");
  }

  /**
   * Encodes as PNG.
   *
   * @param image the pixels
   * @return PNG bytes
   */
  public static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalArgumentException("PNG cannot store this image's pixel layout.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Encodes as baseline JPEG; alpha is dropped.
   *
   * @param image the pixels
   * @param quality 0 to 1
   * @return JPEG bytes
   */
  public static byte[] jpeg(BufferedImage image, float quality) {
    BufferedImage rgb = toRgb(image);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(rgb, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /**
   * Converts to 8-bit RGB without alpha (a copy when the type differs).
   *
   * @param image any image
   * @return an RGB image
   */
  public static BufferedImage toRgb(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    var g = rgb.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }
}
