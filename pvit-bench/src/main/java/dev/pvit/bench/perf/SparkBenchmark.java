package dev.pvit.bench.perf;

import dev.pvit.pipeline.dataset.DatasetGenerator;
import dev.pvit.spark.GenerateOptions;
import dev.pvit.spark.PvitSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * All three phases of {@code pvit generate} (embedded engines) over {@value #IMAGES} photos, run by
 * the local runner with 1 or 2 workers and by Spark in local mode with 1 or 2 executor cores
 * ({@code local[N]}, {@link PvitSpark#generate}), in the same JVM and run, so the rows compare
 * directly. The photos are the first {@value #IMAGES} shared dev scenes ({@code
 * <shared.dir>/data/faces/scenes}, {@code ../shared} by default) or, without them, copies of the
 * bundled 5-face photo. The score is time per image: 1000/ms is images/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SparkBenchmark {
  static final int IMAGES = 16;

  /** Who runs the stages: {@code local} (the local pipeline runner) or {@code spark}. */
  @Param({"local", "spark"})
  public String runner;

  /** Local workers, or Spark task slots ({@code local[cores]}). */
  @Param({"1", "2"})
  public int cores;

  private Path input;
  private Path runs;
  private int run;
  private SparkSession spark;

  /**
   * Prepares the photos and, for Spark, a local session.
   *
   * @throws IOException if the temporary folders cannot be written
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    input = Files.createTempDirectory("pvit-bench-spark-in");
    runs = Files.createTempDirectory("pvit-bench-spark-out");
    List<Path> scenes = devScenes();
    for (int i = 0; i < IMAGES; i++) {
      Path target = input.resolve(String.format("photo-%02d.jpg", i));
      if (scenes.size() >= IMAGES) {
        Files.copy(scenes.get(i), target);
      } else {
        Files.write(target, BenchInputs.fiveFacesBytes());
      }
    }
    if (runner.equals("spark")) {
      if (!Object.class.getModule().isOpen("sun.nio.ch", SparkBenchmark.class.getModule())) {
        throw new IllegalStateException("Spark needs the JVM options in scripts/spark-java-options (e.g. run "
            + "./pvit-bench-run perf, which sets them).");
      }
      spark = SparkSession.builder().master("local[" + cores + "]").appName("pvit-bench-spark")
          .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    }
  }

  private static List<Path> devScenes() throws IOException {
    Path scenes = Path.of(System.getProperty("shared.dir", "../shared"), "data", "faces", "scenes");
    if (!Files.isDirectory(scenes)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(scenes)) {
      return files.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
    }
  }

  /** Stops the session and deletes the folders. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (spark != null) {
      spark.stop();
    }
    delete(input);
    delete(runs);
  }

  /**
   * Generates a dataset from the photos into a fresh folder.
   *
   * @return the number of records
   */
  @Benchmark
  @OperationsPerInvocation(IMAGES)
  public long generate() {
    Path out = runs.resolve("run-" + run++);
    if (spark != null) {
      return PvitSpark.generate(spark, GenerateOptions.builder().input(input.toString()).output(out.toString())
          .partitions(2 * cores).build()).records();
    }
    return DatasetGenerator.builder().input(input).output(out).workers(cores).fsync(false).build().run().outputs();
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
