package dev.pvit.pipeline;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.pvit.image.ImageInput;
import dev.pvit.pipeline.internal.FolderSource;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The inputs of a run, in a deterministic order. Output is written in this order whatever the
 * number of workers.
 *
 * <pre>{@code
 * Source<ImageInput> photos = Source.folder(Path.of("photos"));
 * Source<String> words = Source.of(List.of(SourceItem.of("w1", "hello"), SourceItem.of("w2", "world")));
 * }</pre>
 *
 * @param <I> the item type
 */
@FunctionalInterface
public interface Source<I> {

  /**
   * Streams the inputs lazily; the runner closes the stream. Keys must be unique.
   *
   * @return the inputs in a deterministic order
   */
  Stream<SourceItem<I>> items();

  /**
   * A fixed list of inputs.
   *
   * @param items the inputs
   * @param <I> the item type
   * @return the source
   */
  static <I> Source<I> of(List<SourceItem<I>> items) {
    List<SourceItem<I>> copy = ImmutableList.copyOf(items);
    return copy::stream;
  }

  /**
   * The decodable images (JPEG, PNG, GIF, BMP, TIFF, WebP) under a folder, recursively, in order of
   * their relative paths. Keys are relative paths with {@code /} separators, versions are
   * {@code size:mtimeMillis}, and each file is read only when a worker processes it. The listing
   * (paths only, not pixels) is held in memory to sort it.
   *
   * @param dir the folder
   * @return the source
   */
  static Source<ImageInput> folder(Path dir) {
    return new FolderSource(checkNotNull(dir, "dir"));
  }
}
