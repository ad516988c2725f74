package dev.pvit.spark;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.pipeline.curation.CurationStage;
import dev.pvit.pipeline.dataset.ReferencePool;
import dev.pvit.pipeline.dataset.SampleGenerator;
import dev.pvit.pipeline.dataset.SampleMix;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What {@link PvitSpark#generate} reads, writes and how: the same settings as {@code pvit generate}
 * with the embedded engines (curation by the face engine, structured descriptions, template QA),
 * plus the Spark-specific partitioning. Immutable and serialisable: Spark ships it to every task.
 *
 * <pre>{@code
 * GenerateOptions options = GenerateOptions.builder()
 *     .input("hdfs:///photos").output("hdfs:///datasets/pvit-1")
 *     .seed(7).partitions(200)
 *     .build();
 * }</pre>
 *
 * @param input the folder of photos, any Hadoop-compatible URI or a local path, read recursively
 * @param output the dataset folder (Hadoop-compatible URI or local path); reusing it resumes
 * @param seed the seed; the same seed gives the same records as the local pipeline
 * @param partitions how many partitions the sorted inputs are split into (0: chosen from the
 *     cluster's default parallelism, or the count stored by an earlier run on the same output)
 * @param minPeople fewest people in a kept photo
 * @param samplesPerScene template samples per kept photo
 * @param unanswerableShare share of refusal samples, in [0, 1]
 * @param referenceImages inputs scanned for the absent-person reference pool
 * @param names names to draw from instead of the built-in pool, or null for the built-in pool
 * @param jsonl whether every partition also writes its records as JSON lines
 * @param torchThreads PyTorch intra-op threads per executor JVM (set before its engine is built)
 * @param failFirstAttempts test hook: partitions whose first task attempt throws after doing its
 *     work but before committing, to exercise Spark's retry; empty in real runs
 */
public record GenerateOptions(
    String input,
    String output,
    long seed,
    int partitions,
    int minPeople,
    int samplesPerScene,
    double unanswerableShare,
    int referenceImages,
    @Nullable List<String> names,
    boolean jsonl,
    int torchThreads,
    List<Integer> failFirstAttempts)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Checks the values. */
  public GenerateOptions {
    checkNotNull(input, "input");
    checkNotNull(output, "output");
    checkArgument(partitions >= 0, "partitions must not be negative, got %s", partitions);
    checkArgument(minPeople >= 1, "minPeople must be at least 1, got %s", minPeople);
    checkArgument(samplesPerScene >= 1, "samplesPerScene must be at least 1, got %s", samplesPerScene);
    checkArgument(unanswerableShare >= 0 && unanswerableShare <= 1,
        "unanswerableShare must be in [0, 1], got %s", unanswerableShare);
    checkArgument(referenceImages >= 0, "referenceImages must not be negative, got %s", referenceImages);
    checkArgument(torchThreads >= 1, "torchThreads must be at least 1, got %s", torchThreads);
    names = names == null ? null : List.copyOf(names);
    failFirstAttempts = List.copyOf(failFirstAttempts);
  }

  /**
   * A builder with the defaults of {@code pvit generate}.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Everything that shapes the records, stored in the output's {@code run.json}: a re-run on the
   * same output must match it (partitioning, JSONL and threads do not shape records and are left
   * out).
   *
   * @return a one-line description
   */
  public String fingerprint() {
    return String.format(Locale.ROOT,
        "pvit-spark-generate v1 seed=%d minPeople=%d samples=%d unanswerable=%.4f referenceImages=%d names=%s",
        seed, minPeople, samplesPerScene, unanswerableShare, referenceImages,
        names == null ? "built-in" : Integer.toHexString(String.join("\n", names).hashCode()));
  }

  /** Builder for {@link GenerateOptions}; {@link #input} and {@link #output} are required. */
  public static final class Builder {
    private @Nullable String input;
    private @Nullable String output;
    private long seed;
    private int partitions;
    private int minPeople = CurationStage.DEFAULT_MIN_PEOPLE;
    private int samplesPerScene = SampleGenerator.DEFAULT_SAMPLES_PER_SCENE;
    private double unanswerableShare = SampleMix.DEFAULT_UNANSWERABLE_SHARE;
    private int referenceImages = ReferencePool.DEFAULT_IMAGES;
    private @Nullable List<String> names;
    private boolean jsonl;
    private int torchThreads = 1;
    private List<Integer> failFirstAttempts = List.of();

    private Builder() {}

    /**
     * The folder of photos (required).
     *
     * @param uri a Hadoop-compatible URI ({@code hdfs://}, {@code s3a://}, {@code file:}) or a
     *     local path
     * @return this builder
     */
    public Builder input(String uri) {
      this.input = checkNotNull(uri, "uri");
      return this;
    }

    /**
     * The dataset folder (required); reusing it resumes.
     *
     * @param uri a Hadoop-compatible URI or a local path
     * @return this builder
     */
    public Builder output(String uri) {
      this.output = checkNotNull(uri, "uri");
      return this;
    }

    /**
     * The seed (default 0).
     *
     * @param value the seed
     * @return this builder
     */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * The number of partitions (default 0: four per default-parallelism slot, at most one per
     * input). The records do not depend on it.
     *
     * @param count zero or more
     * @return this builder
     */
    public Builder partitions(int count) {
      this.partitions = count;
      return this;
    }

    /**
     * Fewest people in a kept photo (default 2).
     *
     * @param count at least 1
     * @return this builder
     */
    public Builder minPeople(int count) {
      this.minPeople = count;
      return this;
    }

    /**
     * Template samples per kept photo (default 6).
     *
     * @param count at least 1
     * @return this builder
     */
    public Builder samplesPerScene(int count) {
      this.samplesPerScene = count;
      return this;
    }

    /**
     * Share of refusal samples (default 0.2).
     *
     * @param share in [0, 1]
     * @return this builder
     */
    public Builder unanswerableShare(double share) {
      this.unanswerableShare = share;
      return this;
    }

    /**
     * Inputs scanned for the absent-person reference pool (default 8).
     *
     * @param count zero or more
     * @return this builder
     */
    public Builder referenceImages(int count) {
      this.referenceImages = count;
      return this;
    }

    /**
     * Names to draw from instead of the built-in pool (as loaded by {@code NamePool.load}).
     *
     * @param list the names
     * @return this builder
     */
    public Builder names(List<String> list) {
      this.names = checkNotNull(list, "list");
      return this;
    }

    /**
     * Also write every partition's records as JSON lines (default false).
     *
     * @param on whether to write JSONL
     * @return this builder
     */
    public Builder jsonl(boolean on) {
      this.jsonl = on;
      return this;
    }

    /**
     * PyTorch intra-op threads per executor JVM (default 1). Parallelism comes from task slots:
     * with {@code spark.executor.cores=C} an executor runs C tasks at once, each calling the shared
     * engine; more intra-op threads than 1 only pay off with fewer task slots than cores.
     *
     * @param threads at least 1
     * @return this builder
     */
    public Builder torchThreads(int threads) {
      this.torchThreads = threads;
      return this;
    }

    /**
     * Test hook: the first attempt of these partitions fails after its work and before its commit.
     *
     * @param partitions partition numbers
     * @return this builder
     */
    public Builder failFirstAttempts(List<Integer> partitions) {
      this.failFirstAttempts = checkNotNull(partitions, "partitions");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws IllegalStateException if input or output is missing
     * @throws IllegalArgumentException if a value is out of range
     */
    public GenerateOptions build() {
      if (input == null || output == null) {
        throw new IllegalStateException("Set both input(String) and output(String) before build().");
      }
      return new GenerateOptions(input, output, seed, partitions, minPeople, samplesPerScene, unanswerableShare,
          referenceImages, names, jsonl, torchThreads, failFirstAttempts);
    }
  }
}
