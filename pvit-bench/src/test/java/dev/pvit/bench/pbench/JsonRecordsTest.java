package dev.pvit.bench.pbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.bench.BenchInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonRecordsTest {
  @TempDir Path dir;

  private List<String> read(String content) throws Exception {
    Path f = Files.writeString(dir.resolve("r.json"), content);
    List<String> out = new ArrayList<>();
    long n = JsonRecords.forEach(f, (at, node) -> out.add(at.index() + "@" + at.line() + ":" + node.path("k").asText()));
    assertThat(n).isEqualTo(out.size());
    return out;
  }

  @Test
  void reads_a_json_array_and_json_lines_alike_with_each_record_s_line() throws Exception {
    assertThat(read("[{\"k\": \"a\"},\n {\"k\": \"b\"}]\n")).containsExactly("0@1:a", "1@2:b");
    assertThat(read("  [ ]  ")).isEmpty();
    assertThat(read("{\"k\":\"a\"}\n\n{\"k\":\"b\"}\n")).containsExactly("0@1:a", "1@3:b");
  }

  @Test
  void every_failure_to_read_the_file_is_a_bench_input_error_naming_the_record_and_line() {
    assertThatThrownBy(() -> read("{\"k\":\"a\"}\n{\"k\": }\n")).isInstanceOf(BenchInputException.class)
        .hasMessageContaining("Record 1 of").hasMessageContaining("line 2");
    assertThatThrownBy(() -> read("[{\"k\":\"a\"}, 3]")).isInstanceOf(BenchInputException.class)
        .hasMessageContaining("Record 1 (line 1)").hasMessageContaining("JSON object");
    assertThatThrownBy(() -> read("[{\"k\":\"a\"}] {\"k\":\"b\"}")).isInstanceOf(BenchInputException.class)
        .hasMessageContaining("has data after the array");
    assertThatThrownBy(() -> read("[{\"k\":\"a\"},")).isInstanceOf(BenchInputException.class)
        .hasMessageContaining("Record 1");
    assertThatThrownBy(() -> read(" \n")).isInstanceOf(BenchInputException.class).hasMessageContaining("is empty");
    assertThatThrownBy(() -> JsonRecords.forEach(dir.resolve("missing.json"), (at, node) -> { }))
        .isInstanceOf(BenchInputException.class).hasMessageContaining("Cannot read");
  }

  @Test
  void the_handler_s_own_errors_pass_through() throws Exception {
    Path f = Files.writeString(dir.resolve("h.jsonl"), "{\"k\":\"a\"}\n");
    assertThatThrownBy(() -> JsonRecords.forEach(f, (at, node) -> {
      throw new IllegalStateException(at + " is unwanted");
    })).isExactlyInstanceOf(IllegalStateException.class).hasMessage("Record 0 (line 1) of '" + f + "' is unwanted");
  }
}
