package dev.pvit.image;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.image.internal.ImageDecoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/**
 * An encoded image (the file's bytes plus its media type) used as a reference photo or a scene.
 *
 * <p>Creating an {@code ImageInput} reads the bytes and checks the format from the file's magic
 * bytes; decoding to pixels happens only when needed. {@link #toString()} never shows the bytes or
 * their base64 form, so an image can be logged safely. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * ImageInput scene = ImageInput.of(Path.of("party.jpg"));
 * int w = scene.width();             // reads the header only
 * String url = scene.dataUrl();      // for OpenAI-compatible servers
 * }</pre>
 */
public final class ImageInput {
  /** Largest encoded image accepted, in bytes (64 MiB). */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  private final byte[] bytes;
  private final ImageFormat format;
  private final String name;
  private volatile int @Nullable [] size;

  private ImageInput(byte[] bytes, String name) {
    this.name = name;
    if (bytes.length == 0) {
      throw new InvalidImageException("Image '" + name + "' is empty (0 bytes); give a JPEG or PNG file.");
    }
    if (bytes.length > MAX_BYTES) {
      throw new InvalidImageException(
          "Image '" + name + "' is " + bytes.length + " bytes, more than the " + MAX_BYTES
              + "-byte limit; resize it first.");
    }
    this.bytes = bytes;
    this.format = ImageFormat.sniff(bytes, name);
  }

  /**
   * Reads an image file.
   *
   * @param path the file
   * @return the image, named by its path as given
   * @throws InvalidImageException if the file is missing, unreadable, empty, too large or not an
   *     image of a supported format
   */
  public static ImageInput of(Path path) {
    checkNotNull(path, "path");
    String name = path.toString();
    try {
      long len = Files.size(path);
      if (len > MAX_BYTES) {
        throw new InvalidImageException(
            "Image '" + name + "' is " + len + " bytes, more than the " + MAX_BYTES
                + "-byte limit; resize it first.");
      }
      return new ImageInput(Files.readAllBytes(path), name);
    } catch (NoSuchFileException e) {
      throw new InvalidImageException("Image file '" + name + "' does not exist.", e);
    } catch (IOException e) {
      throw new InvalidImageException("Image file '" + name + "' cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Wraps encoded image bytes (JPEG, PNG, GIF, BMP, TIFF or WebP). The array is copied.
   *
   * @param bytes the encoded image
   * @param name a short label used in messages and prompts (e.g. a file name)
   * @return the image
   * @throws InvalidImageException if the bytes are empty, too large or not a supported format
   */
  public static ImageInput of(byte[] bytes, String name) {
    checkNotNull(bytes, "bytes");
    checkNotNull(name, "name");
    return new ImageInput(bytes.clone(), name);
  }

  /**
   * Reads an encoded image from a stream (the stream is read to its end, not closed).
   *
   * @param in the stream
   * @param name a short label used in messages and prompts
   * @return the image
   * @throws InvalidImageException if the stream fails, is larger than {@link #MAX_BYTES} or is not a
   *     supported image
   */
  public static ImageInput of(InputStream in, String name) {
    checkNotNull(in, "in");
    checkNotNull(name, "name");
    try {
      byte[] data = in.readNBytes((int) MAX_BYTES + 1);
      return new ImageInput(data, name);
    } catch (IOException e) {
      throw new InvalidImageException("Image '" + name + "' could not be read: " + e.getMessage(), e);
    }
  }

  /**
   * Encodes a decoded image as PNG (lossless).
   *
   * @param image the pixels
   * @param name a short label used in messages and prompts
   * @return the image
   */
  public static ImageInput of(BufferedImage image, String name) {
    checkNotNull(image, "image");
    checkNotNull(name, "name");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new InvalidImageException("Image '" + name + "' has a pixel layout PNG cannot store.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ImageInput(out.toByteArray(), name);
  }

  /**
   * The label given at creation (the path for files).
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The detected encoding.
   *
   * @return the format
   */
  public ImageFormat format() {
    return format;
  }

  /**
   * The IANA media type, e.g. {@code image/jpeg}.
   *
   * @return the media type
   */
  public String mediaType() {
    return format.mediaType();
  }

  /**
   * A copy of the encoded bytes.
   *
   * @return the bytes
   */
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * Number of encoded bytes.
   *
   * @return the byte count
   */
  public int byteCount() {
    return bytes.length;
  }

  /**
   * A fresh stream over the encoded bytes.
   *
   * @return the stream
   */
  public InputStream openStream() {
    return new ByteArrayInputStream(bytes);
  }

  /**
   * The encoded bytes as standard base64 (no {@code data:} prefix), as Ollama wants them.
   *
   * @return base64 text
   */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * The image as a {@code data:} URL, as OpenAI-compatible servers want it.
   *
   * @return the data URL
   */
  public String dataUrl() {
    return "data:" + mediaType() + ";base64," + base64();
  }

  /**
   * Width in pixels as stored (before any EXIF rotation), read from the header without decoding.
   *
   * @return the width
   * @throws InvalidImageException if the header cannot be read
   */
  public int width() {
    return size()[0];
  }

  /**
   * Height in pixels as stored (before any EXIF rotation), read from the header without decoding.
   *
   * @return the height
   * @throws InvalidImageException if the header cannot be read
   */
  public int height() {
    return size()[1];
  }

  private int[] size() {
    int[] s = size;
    if (s == null) {
      s = readSize();
      size = s;
    }
    return s;
  }

  private int[] readSize() {
    return ImageDecoder.withReader(name, format, bytes, reader -> ImageDecoder.headerSize(reader, name, format));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ImageInput other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Shows name, media type and byte count, never the image data. */
  @Override
  public String toString() {
    return "ImageInput[" + name + ", " + mediaType() + ", " + bytes.length + " bytes]";
  }
}
