package dev.pvit.pipeline;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.function.Supplier;

/**
 * One input of a run: a stable key, a version and a loader that is called on a worker thread.
 *
 * <p>The key identifies the input across runs (the checkpoint is keyed by it), so it must be stable
 * and unique within a source, e.g. a relative path. The version (e.g. size and modification time)
 * is recorded with the checkpoint; if a finished input's version changes, the re-run keeps its old
 * output and logs a warning. Loading is deferred so that the run holds only the inputs in flight.
 *
 * <pre>{@code
 * SourceItem<String> item = SourceItem.of("doc-1", "hello");
 * SourceItem<ImageInput> lazy = SourceItem.lazy("a.jpg", "1234:1700000000", () -> ImageInput.of(path));
 * }</pre>
 *
 * @param key stable unique key, non-blank, without line breaks
 * @param version a change marker, possibly empty
 * @param loader produces the item; failures reject this input only
 * @param <I> the item type
 */
public record SourceItem<I>(String key, String version, Supplier<? extends I> loader) {

  /** Validates the parts. */
  public SourceItem {
    checkNotNull(key, "key");
    checkNotNull(version, "version");
    checkNotNull(loader, "loader");
    checkArgument(!key.isBlank(), "An input key is blank; give every input a stable non-blank key.");
    checkArgument(
        key.indexOf('\n') < 0 && key.indexOf('\r') < 0,
        "Input key '%s' contains a line break; keys must be single-line.", key);
  }

  /**
   * An already loaded item with an empty version.
   *
   * @param key the key
   * @param value the item
   * @param <I> the item type
   * @return the source item
   */
  public static <I> SourceItem<I> of(String key, I value) {
    checkNotNull(value, "value");
    return new SourceItem<>(key, "", () -> value);
  }

  /**
   * An item loaded on a worker when it is processed.
   *
   * @param key the key
   * @param version the change marker
   * @param loader the loader
   * @param <I> the item type
   * @return the source item
   */
  public static <I> SourceItem<I> lazy(String key, String version, Supplier<? extends I> loader) {
    return new SourceItem<>(key, version, loader);
  }

  /**
   * Loads the item.
   *
   * @return the item
   */
  public I load() {
    return loader.get();
  }
}
