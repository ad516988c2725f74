package dev.pvit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Compares pipeline output folders. */
final class OutputFolders {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OutputFolders() {}

  /** Every file by relative path, except the lock and the checkpoint (compared by entries). */
  static Map<String, byte[]> files(Path dir) {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        String rel = dir.relativize(p).toString();
        if (!rel.equals(".lock") && !rel.equals("checkpoint.jsonl")) {
          m.put(rel, Files.readAllBytes(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }

  /**
   * Checkpoint entries without file declarations and zero offsets: when a file is first declared
   * depends on how commits were batched, every other field must match exactly.
   */
  static List<JsonNode> checkpointEntries(Path dir) {
    List<JsonNode> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(dir.resolve("checkpoint.jsonl"))) {
        JsonNode n = JSON.readTree(line);
        if (!n.has("declare")) {
          ((com.fasterxml.jackson.databind.node.ObjectNode) n.get("offsets")).properties()
              .removeIf(e -> e.getValue().asLong() == 0);
          out.add(n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static void assertSameOutput(Path actual, Path expected) {
    Map<String, byte[]> a = files(actual);
    Map<String, byte[]> e = files(expected);
    assertThat(a.keySet()).containsExactlyElementsOf(e.keySet());
    for (String k : e.keySet()) {
      assertThat(a.get(k)).as("content of %s", k).isEqualTo(e.get(k));
    }
    assertThat(checkpointEntries(actual)).containsExactlyElementsOf(checkpointEntries(expected));
  }

  static List<String> lines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
