package dev.pvit.pipeline;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One step of a pipeline: a pure function from one item to zero or more items.
 *
 * <p>A stage must not keep mutable state that influences its outputs across items: its result may
 * depend only on the item and on {@link ItemContext} (the item's key and its deterministic
 * {@link ItemContext#random() random}). That is what makes a run deterministic for any worker count
 * and what would let the same class run as a distributed element function. Expensive resources (a
 * DJL predictor, an HTTP client) are created in {@link #open(StageContext)} and released in
 * {@link #close()}; with {@link Pipeline.Chain#then(StageFactory)} every worker gets its own
 * instance, so such resources are never shared between threads.
 *
 * <p>Throwing from {@link #process} rejects the whole input (it is written to {@code rejects.jsonl}
 * and the run goes on), except {@link dev.pvit.RetriableException}, which is retried and, when
 * retries are exhausted, stops the run so that a re-run can resume once the cause is fixed.
 *
 * <pre>{@code
 * Stage<ImageInput, Integer> widths = (image, ctx) -> List.of(image.width());
 * Stage<String, String> upper = Stage.map(String::toUpperCase);
 * }</pre>
 *
 * @param <I> the item type consumed
 * @param <O> the item type produced
 */
@FunctionalInterface
public interface Stage<I, O> extends AutoCloseable {

  /**
   * Acquires resources before the first item. Called once per instance, before any worker starts.
   *
   * @param context the seed and the worker this instance serves
   */
  default void open(StageContext context) {}

  /**
   * Transforms one item.
   *
   * @param item the item
   * @param context the item's key and deterministic random source
   * @return the items produced, in order; empty to drop the item
   */
  List<O> process(I item, ItemContext context);

  /** Releases what {@link #open} acquired. Called once per instance after the last item. */
  @Override
  default void close() {}

  /**
   * A label for logs and {@code rejects.jsonl}. Defaults to the class's simple name, or
   * {@code "stage"} for lambdas, whose generated class names differ between JVM runs.
   *
   * @return a short stable label
   */
  default String name() {
    Class<?> c = getClass();
    return c.isHidden() || c.isSynthetic() || c.getSimpleName().isEmpty() ? "stage" : c.getSimpleName();
  }

  /**
   * A one-to-one stage.
   *
   * @param fn the function; must be pure
   * @param <I> input type
   * @param <O> output type
   * @return the stage
   */
  static <I, O> Stage<I, O> map(Function<? super I, ? extends O> fn) {
    checkNotNull(fn, "fn");
    return new Stage<>() {
      @Override
      public List<O> process(I item, ItemContext context) {
        return List.of(fn.apply(item));
      }

      @Override
      public String name() {
        return "map";
      }
    };
  }

  /**
   * A stage that keeps the items matching a predicate.
   *
   * @param keep the predicate; must be pure
   * @param <I> the item type
   * @return the stage
   */
  static <I> Stage<I, I> filter(Predicate<? super I> keep) {
    checkNotNull(keep, "keep");
    return new Stage<>() {
      @Override
      public List<I> process(I item, ItemContext context) {
        return keep.test(item) ? List.of(item) : List.of();
      }

      @Override
      public String name() {
        return "filter";
      }
    };
  }
}
