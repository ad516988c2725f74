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
}
