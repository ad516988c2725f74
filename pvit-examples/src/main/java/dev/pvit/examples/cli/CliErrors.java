package dev.pvit.examples.cli;

import dev.pvit.PvitException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The CLI's error conventions: a usage error exits with {@link PvitCli#EXIT_USAGE} and an SDK
 * exception (invalid input) with {@link PvitCli#EXIT_INVALID_INPUT}, each printing one line {@code
 * error: ...} on stderr instead of a stack trace or the whole usage text.
 */
final class CliErrors {
  private CliErrors() {}

  /**
   * Installs both handlers on a command line.
   *
   * @param cl the top-level command line
   * @return the same command line
   */
  static CommandLine install(CommandLine cl) {
    cl.setParameterExceptionHandler(CliErrors::usageError);
    cl.setExecutionExceptionHandler(CliErrors::executionError);
    return cl;
  }

  private static int usageError(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("error: " + oneLine(ex.getMessage()) + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return PvitCli.EXIT_USAGE;
  }

  private static int executionError(Exception ex, CommandLine cl, CommandLine.ParseResult parsed)
      throws Exception {
    if (ex instanceof PvitException) {
      cl.getErr().println("error: " + oneLine(ex.getMessage()));
      cl.getErr().flush();
      return PvitCli.EXIT_INVALID_INPUT;
    }
    throw ex;
  }

  /**
   * The SDK's hint names the builder method; on the command line the switch is --escape.
   *
   * @param message an SDK exception's message
   * @return the message with the command-line hint
   */
  static String cliHint(String message) {
    return message.replace("call escapeReservedTokens(true)", "pass --escape");
  }

  private static String oneLine(String message) {
    return String.valueOf(message).replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
