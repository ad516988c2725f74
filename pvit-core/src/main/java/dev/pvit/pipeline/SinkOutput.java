package dev.pvit.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pvit.pipeline.internal.ImageCodec;
import dev.pvit.pipeline.internal.SortedJson;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Where a {@link Sink} writes the results of one input. Lines are buffered and committed together
 * with the input's checkpoint entry, so an input's lines appear completely or not at all; files are
 * written to a temporary name and atomically renamed.
 *
 * <p>Paths are relative to the run's output folder; the names {@code checkpoint.jsonl},
 * {@code rejects.jsonl}, {@code stats.json}, {@code run.json} and {@code .lock} are reserved.
 *
 * <p>Implementations outside the local runner (e.g. a distributed runner) implement the line, file
 * and counter methods; {@link #appendJson} and {@link #writeImage} then serialise exactly as the
 * local runner does, so both produce the same bytes.
 */
public interface SinkOutput {

  /**
   * The key of the input whose results are being written.
   *
   * @return the input key
   */
  String inputKey();

  /**
   * The position of the current output among this input's outputs, starting at 0. Useful to name
   * files uniquely, e.g. {@code inputKey() + "_" + index() + ".png"}.
   *
   * @return the index
   */
  int index();

  /**
   * Appends one line to a line-oriented file (e.g. JSONL).
   *
   * @param file relative path of the file
   * @param line the line, without line breaks
   * @throws IllegalArgumentException if the line contains a line break or the path is reserved or
   *     leaves the output folder
   */
  void appendLine(String file, String line);

  /**
   * Appends a value serialized as one line of JSON (Jackson). Map keys are sorted, because the
   * iteration order of some maps (e.g. {@code Map.of}) changes between JVM runs and would make
   * resumed output differ; use a record for a fixed field order.
   *
   * @param file relative path of the file
   * @param value a record, map, list or scalar
   * @throws IllegalArgumentException if the value cannot be serialised
   */
  default void appendJson(String file, Object value) {
    try {
      appendLine(file, SortedJson.write(value));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write " + value.getClass().getSimpleName()
          + " as JSON for input '" + inputKey() + "': " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes a file atomically (temporary file, then rename), replacing any previous version.
   *
   * @param file relative path
   * @param bytes the content
   * @return the absolute path written
   */
  Path writeFile(String file, byte[] bytes);

  /**
   * Encodes and writes an image atomically; the format follows the extension ({@code .png},
   * {@code .jpg}/{@code .jpeg} at quality 0.92).
   *
   * @param file relative path ending in .png, .jpg or .jpeg
   * @param image the pixels
   * @return the absolute path written
   */
  default Path writeImage(String file, BufferedImage image) {
    return writeFile(file, ImageCodec.encode(image, file));
  }

  /**
   * Adds to a counter reported in {@code stats.json} under {@code groups.<group>.<key>}.
   *
   * @param group e.g. {@code "category"}
   * @param key e.g. {@code "introduction"}
   * @param delta the amount to add
   */
  void count(String group, String key, long delta);

  /**
   * Adds one to a counter.
   *
   * @param group e.g. {@code "people"}
   * @param key e.g. {@code "2"}
   */
  default void count(String group, String key) {
    count(group, key, 1);
  }
}
