package dev.pvit.bench.perf;

import dev.pvit.face.FaceEngine;
import dev.pvit.pipeline.RunSummary;
import dev.pvit.pipeline.dataset.DatasetGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Data-pipeline phase 1 end to end, as {@code pvit generate --curation-only} runs it: a folder of
 * {@value #IMAGES} photos (copies of the 5-face demo photo) through the resumable pipeline runner
 * (journal, checkpoint, rejects, stats) with 1 or 2 workers sharing one engine. The score is time
 * per image, so 1000/ms is images/s; the ratio between the two rows is the parallel speed-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PipelineBenchmark {
  static final int IMAGES = 8;

  /** Pipeline workers. */
  @Param({"1", "2"})
  public int workers;

  private FaceEngine engine;
  private Path input;
  private Path runs;
  private int run;

  /**
   * Builds the engine and the input folder.
   *
   * @throws IOException if the temporary folder cannot be written
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    engine = FaceEngine.builder().build();
    input = Files.createTempDirectory("pvit-bench-pipeline-in");
    runs = Files.createTempDirectory("pvit-bench-pipeline-out");
    byte[] jpeg = BenchInputs.fiveFacesBytes();
    for (int i = 0; i < IMAGES; i++) {
      Files.write(input.resolve(String.format("photo-%02d.jpg", i)), jpeg);
    }
  }

  /** Frees the engine and deletes the folders. */
  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
    delete(input);
    delete(runs);
  }

  /**
   * Curates the folder into a fresh output folder.
   *
   * @return the run summary
   */
  @Benchmark
  @OperationsPerInvocation(IMAGES)
  public RunSummary curateFolder() {
    return DatasetGenerator.builder()
        .input(input)
        .output(runs.resolve("run-" + run++))
        .workers(workers)
        .engine(engine)
        .curationOnly(true)
        .build()
        .run();
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
