package dev.pvit.image.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.image.ImageFormat;
import dev.pvit.image.ImageInput;
import dev.pvit.image.InvalidImageException;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes an {@link ImageInput} to 8-bit RGB safely and the way the face nets expect it.
 *
 * <ul>
 *   <li>The size is read from the header first: images above the pixel limit are refused before
 *       any pixel is decoded (decompression bombs), images smaller than {@value #MIN_SIDE} pixels a
 *       side are refused as too small to hold a face.
 *   <li>A decoder warning (e.g. a truncated JPEG, which the JDK would otherwise fill with grey) is
 *       an error.
 *   <li>EXIF orientation (JPEG, WebP, PNG {@code eXIf}, TIFF) is applied, so sizes and boxes refer
 *       to the upright image.
 *   <li>Greyscale is read from the raster and replicated to three channels (the JDK's {@code
 *       getRGB} would apply a gamma curve to grey images); 16-bit samples are scaled to 8 bits;
 *       palette images use their palette.
 *   <li>Alpha is dropped: the colour values are used as stored, as {@code
 *       tf.node.decodeImage(bytes, 3)} does for the reference implementation.
 *   <li>CMYK and YCCK images (decoded by the TwelveMonkeys JPEG reader, Adobe inversion included)
 *       are converted to sRGB through their embedded ICC profile, or a generic CMYK profile.
 *   <li>Ordinary colour JPEGs take a shorter way to the same pixels ({@link PlainJpeg}).
 * </ul>
 */
public final class ImageDecoder {
  private static final Logger LOG = LoggerFactory.getLogger(ImageDecoder.class);
  /** Smallest accepted width and height, in pixels. */
  public static final int MIN_SIDE = 16;

  private ImageDecoder() {}

  /**
   * Decodes an image.
   *
   * @param image the encoded image
   * @param maxPixels largest accepted width times height
   * @return upright RGB pixels
   * @throws InvalidImageException if the image is not decodable, corrupt, truncated, too large,
   *     too small or in an unsupported colour space; the message names the image
   */
  public static RgbImage decode(ImageInput image, long maxPixels) {
    checkNotNull(image, "image");
    String name = image.name();
    ImageFormat format = image.format();
    byte[] bytes = image.bytes();
    RgbImage plain = format == ImageFormat.JPEG ? PlainJpeg.decode(bytes, maxPixels) : null;
    if (plain != null) {
      return ExifOrientation.apply(plain, ExifOrientation.read(format, bytes));
    }
    BufferedImage decoded = withReader(name, format, bytes, reader -> {
      int[] size = headerSize(reader, name, format);
      String problem = sizeProblem(name, size[0], size[1], maxPixels);
      if (problem != null) {
        throw new InvalidImageException(problem);
      }
      List<String> warnings = new ArrayList<>();
      reader.addIIOReadWarningListener((source, warning) -> {
        if (isColourNote(warning)) {
          LOG.debug("Image '{}': {}", name, warning);
        } else {
          warnings.add(warning);
        }
      });
      BufferedImage pixelsRead;
      try {
        pixelsRead = reader.read(0);
      } catch (IIOException e) {
        String msg = String.valueOf(e.getMessage());
        if (format == ImageFormat.JPEG && msg.contains("Unsupported Image Type")) {
          // Only the JDK's own reader says this: the TwelveMonkeys plugin was excluded from the class path.
          throw new InvalidImageException(
              "Image '" + name + "' is a CMYK or YCCK JPEG and no installed JPEG reader decodes those; convert it"
                  + " to RGB or keep com.twelvemonkeys.imageio:imageio-jpeg on the class path.", e);
        }
        throw new InvalidImageException(
            "Image '" + name + "' is corrupt or truncated (" + msg + "); re-export the file.", e);
      } catch (IOException | RuntimeException e) {
        throw new InvalidImageException(
            "Image '" + name + "' is corrupt or truncated (" + e.getMessage() + "); re-export the file.", e);
      }
      if (!warnings.isEmpty()) {
        throw new InvalidImageException(
            "Image '" + name + "' is corrupt or truncated (" + warnings.get(0) + "); re-export the file.");
      }
      return pixelsRead;
    });
    RgbImage rgb = toRgb(decoded, name);
    return ExifOrientation.apply(rgb, ExifOrientation.read(format, bytes));
  }

  /**
   * Work done with an image's ImageIO reader, whose input is set.
   *
   * @param <T> the result
   */
  @FunctionalInterface
  public interface ReaderTask<T> {
    /**
     * Does the work.
     *
     * @param reader the reader, disposed when the task returns
     * @return the result
     * @throws IOException if the reader fails
     */
    T apply(ImageReader reader) throws IOException;
  }

  /**
   * What is wrong with a size read from the header, checked before any pixel is decoded.
   *
   * @param name the image's name, for the message
   * @param w width
   * @param h height
   * @param maxPixels largest accepted width times height
   * @return why the image is refused (above the pixel limit, a decompression bomb, or smaller than
   *     {@value #MIN_SIDE} pixels on a side), or {@code null} when its size is accepted
   */
  static @Nullable String sizeProblem(String name, int w, int h, long maxPixels) {
    long pixels = (long) w * h;
    if (pixels > maxPixels) {
      return "Image '" + name + "' is " + w + "x" + h + " (" + pixels + " pixels), more than the limit of "
          + maxPixels + " pixels; refused before decoding. Downscale it or raise maxPixels.";
    }
    if (w < MIN_SIDE || h < MIN_SIDE) {
      return "Image '" + name + "' is only " + w + "x" + h + " pixels, too small to hold a face (minimum "
          + MIN_SIDE + "x" + MIN_SIDE + ").";
    }
    return null;
  }


  /**
   * Runs a task with the ImageIO reader of an image's bytes, disposed afterwards: the one place that
   * refuses a format this JVM cannot decode and finds the reader, for {@link #decode} and for the
   * header-only size of {@link ImageInput#width()}.
   *
   * @param name the image name for messages
   * @param format the image's format
   * @param bytes the encoded image, not copied
   * @param task the work
   * @param <T> the result
   * @return what the task returns
   * @throws InvalidImageException if the format is not decodable, no reader takes the bytes, or the
   *     bytes cannot be read (the message names the image); the task's own exceptions pass through
   */
  public static <T> T withReader(String name, ImageFormat format, byte[] bytes, ReaderTask<T> task) {
    if (!format.decodable()) {
      throw new InvalidImageException(
          "Image '" + name + "' is " + format + ", which this JVM cannot decode; convert it to JPEG or PNG.");
    }
    try (ImageInputStream iis = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
      if (!readers.hasNext()) {
        throw new InvalidImageException("Image '" + name + "' has no decoder for " + format + ".");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(iis, true, true);
        return task.apply(reader);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new InvalidImageException("Image '" + name + "' cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * The width and height an image's header gives, as stored (before any EXIF rotation).
   *
   * @param reader the image's reader, its input set (see {@link #withReader})
   * @param name the image name for messages
   * @param format the image's format, for messages
   * @return width and height
   * @throws InvalidImageException if the header is corrupt or truncated
   */
  public static int[] headerSize(ImageReader reader, String name, ImageFormat format) {
    try {
      return new int[] {reader.getWidth(0), reader.getHeight(0)};
    } catch (IOException | RuntimeException e) {
      throw new InvalidImageException(
          "Image '" + name + "' has a corrupt or truncated " + format + " header; re-export the file.", e);
    }
  }

  /**
   * Converts decoded pixels to 8-bit RGB (see the class comment for the rules).
   *
   * @param img decoded pixels
   * @param name the image name for messages
   * @return RGB pixels
   * @throws InvalidImageException for unsupported colour spaces
   */
  public static RgbImage toRgb(BufferedImage img, String name) {
    int w = img.getWidth();
    int h = img.getHeight();
    byte[] out = new byte[w * h * 3];
    ColorModel cm = img.getColorModel();
    ColorSpace cs = cm.getColorSpace();
    Raster raster = img.getRaster();
    int bands = raster.getNumBands();
    if (cs.getType() == ColorSpace.TYPE_CMYK || cs.getType() == ColorSpace.TYPE_4CLR) {
      return toRgb(cmykToSrgb(img, name), name);
    }
    boolean component = cm instanceof ComponentColorModel || cm instanceof DirectColorModel;
    if (component && cs.getType() == ColorSpace.TYPE_GRAY && bands <= 2) {
      int max = (1 << cm.getComponentSize(0)) - 1;
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        raster.getSamples(0, y, w, 1, 0, row);
        int o = y * w * 3;
        for (int x = 0; x < w; x++) {
          byte v = (byte) scale(row[x], max);
          out[o++] = v;
          out[o++] = v;
          out[o++] = v;
        }
      }
    } else if (component && cs.isCS_sRGB() && bands >= 3) {
      int[] max = new int[3];
      for (int c = 0; c < 3; c++) {
        max[c] = (1 << cm.getComponentSize(c)) - 1;
      }
      int[] row = new int[w * bands];
      for (int y = 0; y < h; y++) {
        raster.getPixels(0, y, w, 1, row);
        int o = y * w * 3;
        for (int x = 0, i = 0; x < w; x++, i += bands) {
          out[o++] = (byte) scale(row[i], max[0]);
          out[o++] = (byte) scale(row[i + 1], max[1]);
          out[o++] = (byte) scale(row[i + 2], max[2]);
        }
      }
    } else if (cm instanceof IndexColorModel || cs.getType() == ColorSpace.TYPE_RGB || cs.getType() == ColorSpace.TYPE_GRAY) {
      // Palette images map exactly through getRGB; other RGB/grey spaces (ICC profiles) are converted to sRGB.
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        img.getRGB(0, y, w, 1, row, 0, w);
        int o = y * w * 3;
        for (int x = 0; x < w; x++) {
          int p = row[x];
          out[o++] = (byte) (p >> 16);
          out[o++] = (byte) (p >> 8);
          out[o++] = (byte) p;
        }
      }
    } else {
      throw new InvalidImageException(
          "Image '" + name + "' uses an unsupported colour space (type " + cs.getType() + "); convert it to RGB.");
    }
    return new RgbImage(w, h, out);
  }

  /**
   * Colour-management notes (e.g. TwelveMonkeys' "no embedded ICC color profile" on a CMYK JPEG)
   * say how colours are converted, not that pixels are missing, so they do not fail the decode.
   */
  private static boolean isColourNote(String warning) {
    String w = warning.toLowerCase(Locale.ROOT);
    return w.contains("icc") || w.contains("color profile") || w.contains("colour profile");
  }

  private static BufferedImage cmykToSrgb(BufferedImage cmyk, String name) {
    BufferedImage srgb = new BufferedImage(cmyk.getWidth(), cmyk.getHeight(), BufferedImage.TYPE_INT_RGB);
    try {
      new ColorConvertOp(null).filter(cmyk, srgb);
    } catch (RuntimeException e) {
      throw new InvalidImageException(
          "Image '" + name + "' uses CMYK colours whose profile cannot be applied (" + e.getMessage()
              + "); convert it to RGB.", e);
    }
    return srgb;
  }

  private static int scale(int v, int max) {
    return max == 255 ? v : (int) Math.round(v * 255.0 / max);
  }
}
