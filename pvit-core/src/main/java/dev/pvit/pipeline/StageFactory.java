package dev.pvit.pipeline;

/**
 * Creates one {@link Stage} instance per worker, so that resources opened by a stage (native
 * predictors, connections) are never used by two threads at once.
 *
 * <pre>{@code
 * Pipeline.builder().source(source).then(MyFaceStage::new)...
 * }</pre>
 *
 * @param <I> the item type consumed
 * @param <O> the item type produced
 */
@FunctionalInterface
public interface StageFactory<I, O> {
  /**
   * Creates a fresh, unopened stage.
   *
   * @return the stage
   */
  Stage<I, O> create();
}
