package dev.pvit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pvit.prompt.LlavaDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a pipeline running in a separate JVM (which finalises a JSON array from its JSONL journal at
 * the end, like {@code pvit generate}) ({@code destroyForcibly}, i.e. SIGKILL) twice at
 * different points, resumes it to completion, and proves the folder equals an uninterrupted run's.
 */
class PipelineKillIT {
  private static final int ITEMS = 300;

  @TempDir Path tmp;

  @Test
  void resumed_output_after_kill_9_equals_uninterrupted_output() throws Exception {
    Path reference = tmp.resolve("reference");
    SyntheticPipeline.builder(reference, ITEMS, 1, 0).build().run();
    LlavaDataset.jsonlToArray(reference.resolve("records.jsonl"), reference.resolve("records.json"));

    Path killed = tmp.resolve("killed");
    int afterFirstKill = runAndKill(killed, 60);
    assertThat(afterFirstKill).isBetween(60, ITEMS - 1);
    // A second kill, after the first resume has made progress (skipped if the first ran late).
    if (afterFirstKill < ITEMS - 100) {
      int afterSecondKill = runAndKill(killed, afterFirstKill + 40);
      assertThat(afterSecondKill).isBetween(afterFirstKill, ITEMS - 1);
    }

    Process last = start(killed, 2);
    assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(last.exitValue()).isZero();

    // includes records.json, the array finalised from the journal after the kills
    OutputFolders.assertSameOutput(killed, reference);
    assertThat(Files.readString(killed.resolve("records.json")))
        .isEqualTo("[\n" + String.join(",\n", Files.readAllLines(reference.resolve("records.jsonl"))) + "\n]\n");
    List<JsonNode> entries = OutputFolders.checkpointEntries(killed);
    Set<String> keys = new HashSet<>();
    List<String> ordered = new ArrayList<>();
    for (JsonNode n : entries) {
      assertThat(keys.add(n.get("key").asText())).as("no duplicate %s", n.get("key")).isTrue();
      ordered.add(n.get("key").asText());
    }
    assertThat(keys).hasSize(ITEMS);
    assertThat(ordered).isSorted();
    assertThat(Files.list(killed).filter(p -> p.toString().endsWith(".pvit-tmp"))).isEmpty();
  }

  /** Starts the child, kills it once at least {@code minEntries} inputs are checkpointed. */
  private int runAndKill(Path out, int minEntries) throws Exception {
    Process p = start(out, 3);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    int entries = 0;
    while (System.nanoTime() < deadline && p.isAlive()) {
      entries = countEntries(out);
      if (entries >= minEntries) {
        break;
      }
      Thread.sleep(20);
    }
    assertThat(p.isAlive()).as("child still running when killed").isTrue();
    p.destroyForcibly();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return countEntries(out);
  }

  private static int countEntries(Path out) throws IOException {
    Path cp = out.resolve("checkpoint.jsonl");
    if (!Files.exists(cp)) {
      return 0;
    }
    int n = 0;
    for (String line : Files.readAllLines(cp)) {
      if (line.startsWith("{\"key\"")) {
        n++;
      }
    }
    return n;
  }

  private static Process start(Path out, int workers) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        KillTestMain.class.getName(), out.toString(), Integer.toString(ITEMS), Integer.toString(workers), "20");
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(out.resolveSibling(out.getFileName() + "-child.log").toFile())
        .start();
  }
}
