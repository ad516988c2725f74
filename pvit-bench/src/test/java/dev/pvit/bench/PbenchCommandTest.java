package dev.pvit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PbenchCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = BenchCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void needs_data_or_records() {
    Run r = run("pbench");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--data DIR or --records FILE");
  }

  @Test
  void records_need_images() {
    Run r = run("pbench", "--records", dir.resolve("r.jsonl").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--images");
  }

  @Test
  void model_backends_need_a_server_and_model() {
    Run r = run("pbench", "--data", dir.toString(), "--backend", "grounded");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--base-url and --model");
  }

  @Test
  void unknown_backend_is_a_usage_error() {
    Run r = run("pbench", "--data", dir.toString(), "--backend", "magic");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("embedded, in-context or grounded");
  }

  @Test
  void a_folder_without_labels_is_invalid_input() {
    Run r = run("pbench", "--data", dir.toString(), "--out", dir.resolve("report.json").toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).startsWith("error: ").contains("no scenes.json");
  }

  @Test
  void help_lists_both_subcommands() {
    Run r = run("--help");
    assertThat(r.out()).contains("pbench").contains("perf");
    assertThat(run("perf", "--help").out()).contains("--quick").contains("--only");
  }
}
