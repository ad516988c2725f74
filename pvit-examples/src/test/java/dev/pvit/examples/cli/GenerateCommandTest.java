package dev.pvit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvit.cli.DatasetOptions;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pvit generate} on the face-api demo photos (MIT): a run, a resumed run, usage errors. */
class GenerateCommandTest {
  @TempDir Path dir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeEach
  void copyDemoPhotos() throws Exception {
    for (String name : new String[] {"sample1.jpg", "sample3.jpg"}) {
      Path to = dir.resolve("photos/" + name);
      Files.createDirectories(to.getParent());
      try (InputStream in = GenerateCommandTest.class.getResourceAsStream("demo/" + name)) {
        Files.copy(in, to);
      }
    }
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cl = PvitCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void generates_then_resumes_on_the_same_folder() throws Exception {
    String photos = dir.resolve("photos").toString();
    String target = dir.resolve("dataset").toString();
    assertThat(run("generate", "--input", photos, "--out", target, "--workers", "2", "--seed", "3", "--no-progress"))
        .as(err.toString()).isZero();
    assertThat(out.toString()).contains("2 inputs: 0 done earlier, 2 processed now (0 rejected)")
        .contains("data.jsonl").contains("stats: ");
    Path data = dir.resolve("dataset/data.jsonl");
    long records = Files.exists(data) ? Files.readAllLines(data).size() : 0;
    assertThat(out.toString()).contains(records + " records in total");
    assertThat(dir.resolve("dataset/stats.json")).exists();
    assertThat(out.toString()).contains("data.json:");
    assertLoadsWithPython(dir.resolve("dataset/data.json"), records);

    assertThat(run("generate", "--input", photos, "--out", target, "--seed", "3", "--no-progress")).isZero();
    assertThat(out.toString()).contains("2 inputs: 2 done earlier, 0 processed now");

    assertThat(run("generate", "--input", photos, "--out", target, "--seed", "4", "--no-progress")).isEqualTo(3);
    assertThat(err.toString()).startsWith("error: ");
  }

  /** The release's loader reads the dataset with json.load: run exactly that when python3 is available. */
  private static void assertLoadsWithPython(Path file, long records) throws Exception {
    String python = null;
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, "python3"))) {
        python = Path.of(d, "python3").toString();
      }
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(python != null, "python3 is not on the PATH");
    Process p = new ProcessBuilder(python, "-c", "import json,sys; print(len(json.load(open(sys.argv[1]))))",
        file.toString()).redirectErrorStream(true).start();
    String printed = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor()).as(printed).isZero();
    assertThat(printed).isEqualTo(Long.toString(records));
  }

  @Test
  void curation_only_writes_curated_lines() throws Exception {
    assertThat(run("generate", "--input", dir.resolve("photos").toString(), "--out", dir.resolve("c").toString(),
        "--curation-only", "--min-people", "1", "--no-progress")).as(err.toString()).isZero();
    assertThat(dir.resolve("c/curated.jsonl")).content().contains("\"key\":\"sample1.jpg\"");
    assertThat(out.toString()).contains("people: ");
  }

  @Test
  void usage_errors_exit_with_2() {
    assertThat(run("generate", "--input", dir.resolve("missing").toString(), "--out", dir.resolve("o").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("is not a folder");
    assertThat(run("generate", "--input", dir.resolve("photos").toString(), "--out", dir.resolve("o").toString(),
        "--unanswerable-share", "1.5")).isEqualTo(2);
    assertThat(run("generate", "--input", dir.resolve("photos").toString(), "--out", dir.resolve("o").toString(),
        "--backend", "openai")).isEqualTo(2);
    assertThat(err.toString()).contains("--base-url and --model are required");
  }

  /** The same checks and messages as {@code pvit-spark generate} (its SparkGenerateCommandTest pins the same). */
  @Test
  void shared_dataset_options_are_usage_errors_with_the_flag_value_and_range() {
    String photos = dir.resolve("photos").toString();
    String target = dir.resolve("o").toString();
    assertThat(run("generate", "--input", photos, "--out", target, "--unanswerable-share", "1.5")).isEqualTo(2);
    assertThat(err.toString()).contains("error: --unanswerable-share must be between 0 and 1, got 1.5");
    assertThat(run("generate", "--input", photos, "--out", target, "--min-people", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("error: --min-people must be at least 1, got 0");
    assertThat(run("generate", "--input", photos, "--out", target, "--samples-per-scene", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--samples-per-scene must be at least 1, got 0");
    assertThat(run("generate", "--input", photos, "--out", target, "--names", "no-such-names.txt")).isEqualTo(2);
    assertThat(err.toString()).contains("--names no-such-names.txt: Cannot read name file");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  /**
   * Picocli refuses a flag declared twice, so with the mixin in place every shared flag, default and
   * help text is the mixin's (DatasetOptionsTest pins those).
   */
  @Test
  void the_record_shaping_options_are_the_shared_mixin() {
    CommandSpec generate = PvitCli.commandLine().getSubcommands().get("generate").getCommandSpec();
    assertThat(generate.mixins().values()).anyMatch(m -> m.userObject() instanceof DatasetOptions);
    assertThat(generate.findOption("--min-people").defaultValue()).isEqualTo("2");
  }
}
