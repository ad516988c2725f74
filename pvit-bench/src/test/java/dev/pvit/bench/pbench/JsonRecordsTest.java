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
    int n = JsonRecords.forEach(f, (i, where, node) -> out.add(i + ":" + node.path("k").asText()));
    assertThat(n).isEqualTo(out.size());
    return out;
  }

  @Test
  void reads_a_json_array_and_json_lines_alike() throws Exception {
    assertThat(read("[{\"k\": \"a\"},\n {\"k\": \"b\"}]\n")).containsExactly("0:a", "1:b");
    assertThat(read("  [ ]  ")).isEmpty();
    assertThat(read("{\"k\":\"a\"}\n\n{\"k\":\"b\"}\n")).containsExactly("0:a", "1:b");
    assertThat(read("")).isEmpty();
  }

  @Test
  void names_the_record_and_line_of_bad_json() {
    assertThatThrownBy(() -> read("{\"k\":\"a\"}\n{\"k\": }\n")).isInstanceOf(BenchInputException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> read("[{\"k\":\"a\"}, 3]")).isInstanceOf(BenchInputException.class)
        .hasMessageContaining("record 2").hasMessageContaining("JSON object");
    assertThatThrownBy(() -> read("[{\"k\":\"a\"}] {\"k\":\"b\"}")).isInstanceOf(BenchInputException.class)
        .hasMessageContaining("after its array");
  }
}
