package dev.pvit.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SparkGenerateCommandTest {
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new PvitSparkCli());
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    return cl.execute(args);
  }

  @Test
  void out_of_range_values_are_usage_errors_before_any_spark_session_starts() {
    assertThat(run("generate", "--input", "in", "--out", "out", "--unanswerable-share", "1.5")).isEqualTo(2);
    assertThat(err.toString()).contains("unanswerableShare");
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
