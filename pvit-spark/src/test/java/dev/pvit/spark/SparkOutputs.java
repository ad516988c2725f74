package dev.pvit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pvit.pipeline.dataset.DatasetGenerator;
import dev.pvit.pipeline.dataset.DatasetSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reading and comparing dataset folders in tests. */
final class SparkOutputs {
  private SparkOutputs() {}

  /** The shared dev scenes, or a skipped test when they are absent. */
  static Path sharedScenes() {
    String shared = System.getProperty("shared.dir");
    assumeTrue(shared != null, "shared.dir not set");
    Path scenes = Path.of(shared, "data", "faces", "scenes");
    assumeTrue(Files.isDirectory(scenes), "no scenes at " + scenes);
    return scenes;
  }

  /** A folder holding copies of the first {@code count} scenes (by name), for short runs. */
  static Path subset(Path scenes, Path into, int count) throws IOException {
    Files.createDirectories(into);
    try (Stream<Path> files = Files.list(scenes)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".jpg")).sorted().limit(count).toList()) {
        Files.copy(p, into.resolve(p.getFileName()));
      }
    }
    return into;
  }

  /** What the local runner writes for the same input and seed. */
  static Path local(Path input, Path out, long seed) {
    return local(input, out, seed, dev.pvit.pipeline.dataset.ReferencePool.DEFAULT_IMAGES);
  }

  /** What the local runner writes for the same input, seed and reference-pool size. */
  static Path local(Path input, Path out, long seed, int referenceImages) {
    DatasetGenerator.builder().input(input).output(out).seed(seed).referenceImages(referenceImages).fsync(false)
        .build().run();
    return out;
  }

  /** The local records, in order. */
  static List<String> localRecords(Path out) throws IOException {
    return Files.readAllLines(out.resolve(DatasetSink.DATA));
  }

  /**
   * The records of a Spark output: the partition arrays in order, each array element one line.
   * Also checks that every array is valid JSON holding exactly those elements.
   */
  static List<String> sparkRecords(Path out) throws IOException {
    List<String> records = new ArrayList<>();
    try (Stream<Path> parts = Files.list(out.resolve("data"))) {
      for (Path part : parts.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
        List<String> lines = Files.readAllLines(part);
        assertThat(lines.get(0)).isEqualTo("[");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("]");
        List<String> inner = lines.subList(1, lines.size() - 1);
        for (int i = 0; i < inner.size(); i++) {
          String l = inner.get(i);
          records.add(i < inner.size() - 1 ? l.substring(0, l.length() - 1) : l);
        }
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(part.toFile()).size())
            .isEqualTo(inner.size());
      }
    }
    return records;
  }

  /** Every file under {@code images/} by relative path, with its bytes' hash. */
  static Map<String, Integer> images(Path out) {
    Map<String, Integer> files = new TreeMap<>();
    Path root = out.resolve("images");
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(p -> {
        try {
          files.put(root.relativize(p).toString(), java.util.Arrays.hashCode(Files.readAllBytes(p)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Files whose names show an unfinished write. */
  static List<Path> leftovers(Path out) throws IOException {
    try (Stream<Path> walk = Files.walk(out)) {
      return walk.filter(p -> p.getFileName().toString().contains(".tmp-")).toList();
    }
  }
}
