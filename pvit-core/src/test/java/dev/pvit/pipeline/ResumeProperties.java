package dev.pvit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Crash-recovery and ordering invariants. A crash is simulated on a copy of a finished folder by
 * cutting the checkpoint at an arbitrary byte and leaving each data file anywhere between its last
 * committed offset and its full length (data is always written before its checkpoint entry)
 * followed by garbage, plus stray temporary files. Resuming must reproduce the finished folder exactly.
 */
class ResumeProperties {
  private static final int ITEMS = 60;
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
  private static Path root;
  private static Path reference;

  @BeforeContainer
  static void runReference() throws IOException {
    root = Files.createTempDirectory("pvit-resume");
    reference = root.resolve("reference");
    SyntheticPipeline.builder(reference, ITEMS, 2, 0).fsync(false).build().run();
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    deleteTree(root);
  }

  @Property(tries = 40)
  void resume_after_a_crash_at_any_byte_reproduces_the_uninterrupted_output(
      @ForAll @DoubleRange(min = 0, max = 1) double cut,
      @ForAll @DoubleRange(min = 0, max = 1) double dataSlack,
      @ForAll @IntRange(min = 1, max = 4) int workers) throws IOException {
    Path crashed = Files.createTempDirectory(root, "crashed");
    copyTree(reference, crashed);
    byte[] checkpoint = Files.readAllBytes(reference.resolve("checkpoint.jsonl"));
    int cutAt = (int) Math.round(cut * checkpoint.length);
    Files.write(crashed.resolve("checkpoint.jsonl"), java.util.Arrays.copyOf(checkpoint, cutAt));
    Files.delete(crashed.resolve("stats.json"));

    // Committed offsets at the cut: from the last complete entry; undeclared files do not exist yet.
    String complete = new String(checkpoint, 0, lastNewline(checkpoint, cutAt), StandardCharsets.UTF_8);
    for (String file : List.of("records.jsonl", "rejects.jsonl")) {
      Path p = crashed.resolve(file);
      if (!complete.contains("{\"declare\":\"" + file + "\"}")) {
        Files.deleteIfExists(p);
        continue;
      }
      long committed = lastOffset(complete, file);
      long full = Files.size(p);
      long keep = committed + Math.round(dataSlack * (full - committed));
      try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
        ch.truncate(keep);
      }
      // Uncommitted bytes need not match what the resumed run writes (e.g. a half-written line of
      // a different attempt), and may extend past the final length: make them garbage.
      Files.write(p, "Z".repeat((int) (full - keep) + 17).getBytes(StandardCharsets.US_ASCII),
          StandardOpenOption.APPEND);
    }
    Files.writeString(crashed.resolve("images/.half.png.1234.pvit-tmp"), "partial");

    RunSummary s = SyntheticPipeline.builder(crashed, ITEMS, workers, 0).fsync(false).build().run();

    assertThat(s.skipped() + s.processed()).isEqualTo(ITEMS);
    OutputFolders.assertSameOutput(crashed, reference);
    deleteTree(crashed);
  }

  @Property(tries = 10)
  void output_does_not_depend_on_workers_or_window(
      @ForAll @IntRange(min = 1, max = 6) int workers,
      @ForAll @IntRange(min = 1, max = 20) int window) throws IOException {
    Path out = Files.createTempDirectory(root, "order");
    SyntheticPipeline.builder(out, ITEMS, workers, 1).window(window).fsync(false).build().run();
    OutputFolders.assertSameOutput(out, reference);
    deleteTree(out);
  }

  private static int lastNewline(byte[] b, int end) {
    for (int i = end - 1; i >= 0; i--) {
      if (b[i] == '\n') {
        return i + 1;
      }
    }
    return 0;
  }

  /** The offset of {@code file} in the last complete checkpoint entry, 0 if none mentions it. */
  private static long lastOffset(String complete, String file) throws IOException {
    long offset = 0;
    for (String line : complete.split("\n")) {
      com.fasterxml.jackson.databind.JsonNode n = JSON.readTree(line);
      if (n.has("key")) {
        offset = n.path("offsets").path(file).asLong(0);
      }
    }
    return offset;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().equals(".lock")) {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    List<Path> all = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(all::add);
    }
    for (Path p : all) {
      try {
        Files.delete(p);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
