package dev.pvit.cli;

import dev.pvit.PvitException;
import dev.pvit.pipeline.curation.CurationStage;
import dev.pvit.pipeline.dataset.NamePool;
import dev.pvit.pipeline.dataset.SampleGenerator;
import dev.pvit.pipeline.dataset.SampleMix;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Picocli mixin with the options that shape a generated dataset's records, shared by {@code pvit
 * generate} and {@code pvit-spark generate}: {@code --seed}, {@code --min-people}, {@code
 * --samples-per-scene}, {@code --unanswerable-share} and {@code --names}. Declaring them here once
 * gives both commands the same flag names, defaults (those of the SDK's builders), help texts and
 * checks; a new record-shaping option is added here.
 *
 * <p>Values are checked as they are parsed, so a bad one stops the command before it loads an
 * engine or starts a Spark session: an out-of-range number, or a {@code --names} file that cannot be
 * read or holds an invalid name, is a {@link ParameterException} (a usage error, exit code 2) whose
 * message names the flag, the value and the accepted range.
 *
 * <pre>{@code
 * @Command(name = "generate")
 * final class GenerateCommand implements Callable<Integer> {
 *   @Mixin DatasetOptions dataset;
 *
 *   public Integer call() {
 *     DatasetGenerator.Builder b = DatasetGenerator.builder().seed(dataset.seed())
 *         .minPeople(dataset.minPeople()).samplesPerScene(dataset.samplesPerScene())
 *         .unanswerableShare(dataset.unanswerableShare());
 *     dataset.names().ifPresent(b::names);
 *     ...
 *   }
 * }
 * }</pre>
 */
public final class DatasetOptions {
  // Parameter labels are spelled out: picocli would derive them from the setter methods' names.
  // The command this mixin is part of: usage errors must carry its CommandLine (for its usage help).
  @Spec(Spec.Target.MIXEE)
  private @Nullable CommandSpec mixee;

  private long seed;
  private int minPeople = CurationStage.DEFAULT_MIN_PEOPLE;
  private int samplesPerScene = SampleGenerator.DEFAULT_SAMPLES_PER_SCENE;
  private double unanswerableShare = SampleMix.DEFAULT_UNANSWERABLE_SHARE;
  private @Nullable NamePool names;

  /** Creates the options with their defaults; picocli fills them in as it parses. */
  public DatasetOptions() {}

  /**
   * The seed; the same seed gives the same dataset (default 0).
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Fewest people in a kept photo (default {@value CurationStage#DEFAULT_MIN_PEOPLE}).
   *
   * @return at least 1
   */
  public int minPeople() {
    return minPeople;
  }

  /**
   * Template samples per kept photo (default {@value SampleGenerator#DEFAULT_SAMPLES_PER_SCENE}).
   *
   * @return at least 1
   */
  public int samplesPerScene() {
    return samplesPerScene;
  }

  /**
   * Share of refusal samples, both families (default {@value SampleMix#DEFAULT_UNANSWERABLE_SHARE}).
   *
   * @return in [0, 1]
   */
  public double unanswerableShare() {
    return unanswerableShare;
  }

  /**
   * The names loaded from {@code --names FILE}.
   *
   * @return the pool, or empty for the built-in pool
   */
  public Optional<NamePool> names() {
    return Optional.ofNullable(names);
  }

  @Option(names = "--seed", paramLabel = "<seed>", defaultValue = "0",
      description = "Seed; same seed, same dataset (default: ${DEFAULT-VALUE}).")
  private void seedOption(long value) {
    seed = value;
  }

  @Option(names = "--min-people", paramLabel = "<minPeople>",
      defaultValue = "" + CurationStage.DEFAULT_MIN_PEOPLE,
      description = "Keep photos with at least this many people (default: ${DEFAULT-VALUE}).")
  private void minPeopleOption(int count) {
    minPeople = atLeastOne("--min-people", count);
  }

  @Option(names = "--samples-per-scene", paramLabel = "<samplesPerScene>",
      defaultValue = "" + SampleGenerator.DEFAULT_SAMPLES_PER_SCENE,
      description = "Template samples per kept photo (default: ${DEFAULT-VALUE}).")
  private void samplesPerSceneOption(int count) {
    samplesPerScene = atLeastOne("--samples-per-scene", count);
  }

  @Option(names = "--unanswerable-share", paramLabel = "<unanswerableShare>",
      defaultValue = "" + SampleMix.DEFAULT_UNANSWERABLE_SHARE,
      description = "Share of refusal samples, both families (default: ${DEFAULT-VALUE}).")
  private void unanswerableShareOption(double share) {
    // Written so that NaN fails too.
    if (!(share >= 0 && share <= 1)) {
      throw usage("--unanswerable-share must be between 0 and 1, got " + share);
    }
    unanswerableShare = share;
  }

  // The null default makes picocli call this setter on every parse, so a reused command line forgets
  // the names of the previous one.
  @Option(names = "--names", paramLabel = "FILE", defaultValue = Option.NULL_VALUE,
      description = "Name list (one per line) replacing the built-in pool of 800+ names.")
  private void namesOption(@Nullable Path file) {
    if (file == null) {
      names = null;
      return;
    }
    try {
      names = NamePool.load(file);
    } catch (UncheckedIOException | PvitException | IllegalArgumentException e) {
      // NamePool's messages give the file, and the line of an invalid name.
      throw usage("--names " + file + ": " + e.getMessage());
    }
  }

  private int atLeastOne(String flag, int value) {
    if (value < 1) {
      throw usage(flag + " must be at least 1, got " + value);
    }
    return value;
  }

  private ParameterException usage(String message) {
    if (mixee == null) {
      throw new IllegalStateException("DatasetOptions must be used as a picocli @Mixin");
    }
    return new ParameterException(mixee.commandLine(), message);
  }
}
