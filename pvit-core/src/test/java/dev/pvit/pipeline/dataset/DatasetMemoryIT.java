package dev.pvit.pipeline.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A synthetic JSON array is validated and converted in a child JVM with a 64 MiB heap: the run must
 * finish and the heap in use after a GC must stay flat. 1 GiB by default to keep CI under a minute
 * on 2 busy cores; {@code -Dpvit.it.datasetMib=3072} runs the 3 GiB (about 160 s there).
 */
class DatasetMemoryIT {
  @TempDir Path tmp;

  @Test
  void a_multi_gigabyte_array_is_validated_and_converted_with_a_flat_heap() throws Exception {
    String mib = System.getProperty("pvit.it.datasetMib", "1024");
    Path log = tmp.resolve("child.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
            DatasetMemoryMain.class.getName(), tmp.toString(), mib))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean done = p.waitFor(300, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    System.out.println(output);
    assertThat(done).as(output).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    Matcher m = Pattern.compile("heap-after-gc-mib=([0-9,]+)").matcher(output);
    assertThat(m.find()).as(output).isTrue();
    long[] heap = Arrays.stream(m.group(1).split(",")).mapToLong(Long::parseLong).toArray();
    assertThat(heap.length).isGreaterThanOrEqualTo(10);
    long max = Arrays.stream(heap).max().orElseThrow();
    assertThat(max).as(output).isLessThan(40);
    assertThat(heap[heap.length - 1] - heap[0]).as(output).isLessThanOrEqualTo(8);
    assertThat(Files.readAllLines(tmp.resolve("swift.jsonl")).size()).isPositive();
  }
}
