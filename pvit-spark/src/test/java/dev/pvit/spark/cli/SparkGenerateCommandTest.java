package dev.pvit.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvit.cli.DatasetOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

class SparkGenerateCommandTest {
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    err.getBuffer().setLength(0);
    CommandLine cl = new CommandLine(new PvitSparkCli());
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    return cl.execute(args);
  }

  @Test
  void out_of_range_values_are_usage_errors_before_any_spark_session_starts() {
    assertThat(run("generate", "--input", "in", "--out", "out", "--unanswerable-share", "1.5")).isEqualTo(2);
    assertThat(err.toString()).startsWith("--unanswerable-share must be between 0 and 1, got 1.5");
    assertThat(run("generate", "--input", "in", "--out", "out", "--partitions", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("partitions must not be negative");
  }

  /** The same flags, checks and messages as {@code pvit generate} (its GenerateCommandTest pins the same). */
  @Test
  void shared_dataset_options_are_usage_errors_with_the_flag_value_and_range() {
    assertThat(run("generate", "--input", "in", "--out", "out", "--min-people", "0")).isEqualTo(2);
    assertThat(err.toString()).startsWith("--min-people must be at least 1, got 0");
    assertThat(run("generate", "--input", "in", "--out", "out", "--samples-per-scene", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--samples-per-scene must be at least 1, got 0");
    assertThat(run("generate", "--input", "in", "--out", "out", "--names", "no-such-names.txt")).isEqualTo(2);
    assertThat(err.toString()).contains("--names no-such-names.txt: Cannot read name file");
  }

  /**
   * Picocli refuses a flag declared twice, so with the mixin in place every shared flag, default and
   * help text is the mixin's (DatasetOptionsTest pins those).
   */
  @Test
  void the_record_shaping_options_are_the_shared_mixin() {
    CommandSpec generate = new CommandLine(new PvitSparkCli()).getSubcommands().get("generate").getCommandSpec();
    assertThat(generate.mixins().values()).anyMatch(m -> m.userObject() instanceof DatasetOptions);
    assertThat(generate.findOption("--min-people").defaultValue()).isEqualTo("2");
  }

  @Test
  void input_and_output_are_required() {
    assertThat(run("generate", "--input", "in")).isEqualTo(2);
    assertThat(err.toString()).contains("--out");
  }

  @Test
  void help_lists_the_pvit_generate_flags_and_the_spark_ones() {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new PvitSparkCli());
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute("generate", "--help")).isZero();
    assertThat(out.toString()).contains("--seed", "--min-people", "--samples-per-scene", "--unanswerable-share",
        "--names", "--master", "--partitions", "--jsonl");
  }
}
