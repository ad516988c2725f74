package dev.pvit.pipeline;

/**
 * Writes the final items of a run. Called on a single thread, in source order, once per output
 * item; all outputs of one input are committed together with that input's checkpoint entry.
 *
 * <p>A sink writes only through {@link SinkOutput}, which makes the run resumable: lines become
 * visible only when the input is checkpointed, files are written atomically. Throwing a runtime
 * exception rejects the input (its buffered lines are discarded); an {@link
 * java.io.UncheckedIOException} stops the run.
 *
 * <pre>{@code
 * Sink<Caption> sink = (caption, out) -> out.appendJson("captions.jsonl", caption);
 * }</pre>
 *
 * @param <O> the item type written
 */
@FunctionalInterface
public interface Sink<O> extends AutoCloseable {

  /** Called once before the first item. */
  default void open() {}

  /**
   * Writes one item.
   *
   * @param item the item
   * @param out where to write, scoped to the item's input
   */
  void write(O item, SinkOutput out);

  /** Called once after the last item, also when the run fails. */
  @Override
  default void close() {}
}
