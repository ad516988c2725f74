package dev.pvit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 5,000 inputs of 1 MiB each (about 5 GiB in total) stream through a 64 MiB heap. */
class BoundedMemoryIT {
  @TempDir Path tmp;

  @Test
  void many_large_inputs_stream_through_a_small_heap() throws Exception {
    Path out = tmp.resolve("out");
    Path log = tmp.resolve("child.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
            BoundedMemoryMain.class.getName(), out.toString(), "5000", "2"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("processed=5000");
    assertThat(Files.readAllLines(out.resolve("sums.txt"))).hasSize(5000);
  }
}
