package dev.pvit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
  void score_into_an_existing_folder_writes_report_json_inside_it() throws Exception {
    Path answers = Path.of(getClass().getResource("pbench/release-answers.jsonl").toURI());
    Path folder = Files.createDirectories(dir.resolve("reports"));
    Run r = run("pbench", "score", answers.toString(), "--out", folder.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(folder.resolve("report.json")).isRegularFile();
    assertThat(folder.resolve("report.md")).isRegularFile();
    assertThat(folder.resolve("report.html")).isRegularFile();
  }

  @Test
  void an_unwritable_report_location_fails_before_the_run() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    // The labels folder does not exist either; the report location is checked first.
    Run r = run("pbench", "--data", dir.resolve("missing").toString(), "--out", file.resolve("report.json").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: Cannot create the report folder");
  }

  @Test
  void perf_with_a_filter_matching_nothing_is_a_usage_error() {
    Run r = run("perf", "--quick", "--no-baseline", "--only", "Nothing", "--out", "unused.md");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("No benchmark matches 'Nothing'");
  }

  @Test
  void score_reads_a_release_answers_file_and_prints_the_summary_line_last() throws Exception {
    Path answers = Path.of(getClass().getResource("pbench/release-answers.jsonl").toURI());
    Path json = dir.resolve("scored/report.json");
    Run r = run("pbench", "score", answers.toString(), "--out", json.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("pbench: answerable=0.6000 unanswerable=0.8000 wrong=0.3000 abstained=0.0000 questions=10");
    assertThat(r.out()).contains("group single").contains("group multi");
    assertThat(Files.readString(dir.resolve("scored/report.md"))).contains("## Per group");
    assertThat(json).isRegularFile();
  }

  @Test
  void score_of_a_missing_file_is_invalid_input_and_answers_out_needs_records() {
    Run r = run("pbench", "score", dir.resolve("nope.jsonl").toString(), "--out", dir.resolve("r.json").toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).startsWith("error: ").contains("nope.jsonl");
    Run a = run("pbench", "--data", dir.toString(), "--answers-out", dir.resolve("a.jsonl").toString());
    assertThat(a.code()).isEqualTo(2);
    assertThat(a.err()).contains("--answers-out needs --records");
  }

  @Test
  void help_lists_both_subcommands() {
    Run r = run("--help");
    assertThat(r.out()).contains("pbench").contains("perf");
    assertThat(run("perf", "--help").out()).contains("--quick").contains("--only");
  }
}
