package dev.pvit.pipeline;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.pvit.pipeline.internal.PipelineRunner;
import dev.pvit.pipeline.internal.RunOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A typed chain source → stages → sink, run locally with a pool of workers.
 *
 * <p>The builder checks the chain's types at compile time: each {@code then} consumes what the
 * previous step produces, and the sink accepts the last step's type. A run
 *
 * <ul>
 *   <li>streams: at most {@link Builder#window(int) window} inputs are loaded or in flight at once,
 *       so heap use does not grow with the number of inputs;
 *   <li>is parallel: each worker has its own stage instances (see {@link StageFactory});
 *   <li>is deterministic: outputs are committed in source order and stages draw randomness from
 *       {@link ItemContext#random()}, so any worker count gives byte-identical files for a seed;
 *   <li>is resumable: every finished input is checkpointed together with its output lines; after a
 *       crash or {@code kill -9}, running again on the same output folder truncates uncommitted
 *       bytes, skips finished inputs and continues without duplicates or gaps;
 *   <li>is lossless: an input whose loading or stage fails is written to {@code rejects.jsonl} with
 *       the reason and the run goes on; {@code stats.json} summarises all runs on the folder.
 * </ul>
 *
 * <pre>{@code
 * RunSummary summary = Pipeline.builder()
 *     .source(Source.folder(Path.of("photos")))
 *     .then(MyDetectorStage::new)                          // a StageFactory: one instance per worker
 *     .then((faces, ctx) -> List.of(describe(faces)))      // a stateless Stage shared by workers
 *     .sink((item, out) -> out.appendJson("records.jsonl", item))
 *     .output(Path.of("out")).workers(4).seed(7)
 *     .build()
 *     .run();
 * }</pre>
 */
public final class Pipeline {
  private final Source<?> source;
  private final List<StageFactory<?, ?>> stages;
  private final Sink<?> sink;
  private final RunOptions options;

  private Pipeline(Source<?> source, List<StageFactory<?, ?>> stages, Sink<?> sink, RunOptions options) {
    this.source = source;
    this.stages = stages;
    this.sink = sink;
    this.options = options;
  }

  /**
   * Starts a pipeline definition.
   *
   * @return the first step, which takes the source
   */
  public static Start builder() {
    return new Start();
  }

  /**
   * Runs the pipeline to the end of the source, resuming from the output folder's checkpoint.
   *
   * @return counts for this run
   * @throws PipelineException if the run cannot start or has to stop; finished inputs stay
   *     committed
   */
  public RunSummary run() {
    return PipelineRunner.run(source, stages, sink, options);
  }

  /** First step of the builder: choose the source. */
  public static final class Start {
    private Start() {}

    /**
     * Sets the source.
     *
     * @param source the inputs
     * @param <I> the input type
     * @return the chain, producing inputs
     */
    public <I> Chain<I> source(Source<I> source) {
      return new Chain<>(checkNotNull(source, "source"), ImmutableList.of());
    }
  }

  /**
   * The chain so far, producing items of type {@code T}. Immutable: every call returns a new chain.
   *
   * @param <T> the type of the items produced by the last step
   */
  public static final class Chain<T> {
    private final Source<?> source;
    private final List<StageFactory<?, ?>> stages;

    private Chain(Source<?> source, List<StageFactory<?, ?>> stages) {
      this.source = source;
      this.stages = stages;
    }

    /**
     * Appends a stage instance shared by all workers. It must be thread-safe (typically
     * stateless); its {@code open} and {@code close} are called once.
     *
     * @param stage the stage
     * @param <R> the type it produces
     * @return the longer chain
     */
    public <R> Chain<R> then(Stage<? super T, ? extends R> stage) {
      checkNotNull(stage, "stage");
      return append(shared(stage));
    }

    private static <A, B> StageFactory<A, B> shared(Stage<A, B> stage) {
      return () -> stage;
    }

    /**
     * Appends a stage created once per worker, for stages holding resources that must not be
     * shared between threads (native predictors, connections).
     *
     * @param factory creates an unopened stage
     * @param <R> the type it produces
     * @return the longer chain
     */
    public <R> Chain<R> then(StageFactory<? super T, ? extends R> factory) {
      checkNotNull(factory, "factory");
      return append(factory);
    }

    private <R> Chain<R> append(StageFactory<?, ?> factory) {
      return new Chain<>(
          source, ImmutableList.<StageFactory<?, ?>>builder().addAll(stages).add(factory).build());
    }

    /**
     * Ends the chain with a sink.
     *
     * @param sink writes the final items
     * @return the builder for run options
     */
    public Builder sink(Sink<? super T> sink) {
      return new Builder(source, stages, checkNotNull(sink, "sink"));
    }
  }

  /** Run options; {@link #output(Path)} is required. Not thread-safe. */
  public static final class Builder {
    private final Source<?> source;
    private final List<StageFactory<?, ?>> stages;
    private final Sink<?> sink;
    private @Nullable Path output;
    private int workers = 1;
    private long seed;
    private int window;
    private int retries = 2;
    private Duration retryBackoff = Duration.ofMillis(500);
    private String fingerprint = "";
    private boolean fsync = true;
    private final List<Consumer<Progress>> progress = new ArrayList<>();

    private Builder(Source<?> source, List<StageFactory<?, ?>> stages, Sink<?> sink) {
      this.source = source;
      this.stages = stages;
      this.sink = sink;
    }

    /**
     * The output folder (required): output files plus {@code checkpoint.jsonl},
     * {@code rejects.jsonl}, {@code stats.json} and {@code run.json}. Reusing it resumes.
     *
     * @param dir the folder, created if missing
     * @return this builder
     */
    public Builder output(Path dir) {
      this.output = checkNotNull(dir, "dir");
      return this;
    }

    /**
     * Number of worker threads (default 1). Does not change the output.
     *
     * @param workers at least 1
     * @return this builder
     */
    public Builder workers(int workers) {
      checkArgument(workers >= 1, "workers must be at least 1, got %s", workers);
      this.workers = workers;
      return this;
    }

    /**
     * The seed from which every item's random source is derived (default 0). A folder must be
     * resumed with the seed it was started with.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Most inputs loaded or in flight at once (default {@code 4 × workers}). Bounds heap use: an
     * input that is slow to finish holds back later ones until it is written.
     *
     * @param window at least the number of workers
     * @return this builder
     */
    public Builder window(int window) {
      checkArgument(window >= 1, "window must be at least 1, got %s", window);
      this.window = window;
      return this;
    }

    /**
     * How often an item failing with a {@link dev.pvit.RetriableException} is retried (default 2)
     * before the run stops.
     *
     * @param retries zero or more
     * @return this builder
     */
    public Builder retries(int retries) {
      checkArgument(retries >= 0, "retries must not be negative, got %s", retries);
      this.retries = retries;
      return this;
    }

    /**
     * First wait before a retry (default 500 ms), doubled for each further retry.
     *
     * @param backoff the initial wait
     * @return this builder
     */
    public Builder retryBackoff(Duration backoff) {
      checkArgument(!backoff.isNegative(), "retryBackoff must not be negative");
      this.retryBackoff = backoff;
      return this;
    }

    /**
     * A description of the configuration that shapes the output (models, thresholds, prompt
     * versions). Stored in {@code run.json}; resuming with a different value fails instead of
     * mixing outputs of two configurations.
     *
     * @param fingerprint any single-line text
     * @return this builder
     */
    public Builder fingerprint(String fingerprint) {
      this.fingerprint = checkNotNull(fingerprint, "fingerprint");
      return this;
    }

    /**
     * Whether commits are forced to disk (default true). Without it a process crash is still
     * safe, a power loss may lose the last commits (never corrupt them).
     *
     * @param fsync whether to fsync
     * @return this builder
     */
    public Builder fsync(boolean fsync) {
      this.fsync = fsync;
      return this;
    }

    /**
     * Adds a listener called on the run's thread after each commit (e.g. a progress bar).
     *
     * @param listener the listener; must be quick
     * @return this builder
     */
    public Builder progress(Consumer<Progress> listener) {
      progress.add(checkNotNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the pipeline.
     *
     * @return the pipeline
     * @throws IllegalStateException if no output folder was given
     */
    public Pipeline build() {
      if (output == null) {
        throw new IllegalStateException(
            "No output folder: call output(Path) so the run has somewhere to write and checkpoint.");
      }
      int w = window == 0 ? 4 * workers : Math.max(window, workers);
      return new Pipeline(
          source,
          stages,
          sink,
          new RunOptions(output, workers, seed, w, retries, retryBackoff, fingerprint, fsync,
              List.copyOf(progress)));
    }
  }
}
