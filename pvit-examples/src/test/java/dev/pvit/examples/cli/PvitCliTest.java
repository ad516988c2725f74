package dev.pvit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PvitCliTest {
  @Test
  void help_lists_subcommands() {
    CommandLine cl = PvitCli.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    int code = cl.execute("--help");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("Usage: pvit").contains("Commands:");
  }

  @Test
  void unknown_option_is_a_usage_error() {
    CommandLine cl = PvitCli.commandLine();
    cl.setErr(new PrintWriter(new StringWriter()));
    assertThat(cl.execute("--no-such-flag")).isEqualTo(PvitCli.EXIT_USAGE);
  }

  /** Runs a command line that must be a usage error and returns its stderr. */
  private static String usageError(String... args) {
    CommandLine cl = PvitCli.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute(args)).isEqualTo(PvitCli.EXIT_USAGE);
    return err.toString();
  }

  @Test
  void a_mistyped_subcommand_gets_a_suggestion() {
    assertThat(usageError("aks", "Is Maya here?")).contains("Did you mean 'pvit ask'?");
  }

  @Test
  void a_mistyped_option_gets_a_suggestion() {
    assertThat(usageError("ask", "--scene", "x.jpg", "--jsno", "Is Maya here?")).contains("Did you mean '--json'?");
  }

  @Test
  void nonsense_gets_no_suggestion() {
    assertThat(usageError("frobnicate")).doesNotContain("Did you mean");
  }
}
