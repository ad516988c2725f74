package dev.pvit.examples.cli;

import dev.pvit.PvitException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
    if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
      suggestion(unmatched).ifPresent(s -> err.println("Did you mean '" + s + "'?"));
    }
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

  /**
   * The subcommand or option closest to a mistyped one ("aks" -> "ask", "--scen" -> "--scene"):
   * edit distance with transpositions, at most one edit per three characters. picocli's own
   * suggestions compare letter pairs, which a swapped pair of letters defeats.
   */
  static Optional<String> suggestion(CommandLine.UnmatchedArgumentException ex) {
    List<String> unmatched = ex.getUnmatched();
    if (unmatched.isEmpty()) {
      return Optional.empty();
    }
    String typed = unmatched.get(0);
    CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
    Collection<String> candidates = typed.startsWith("-")
        ? spec.options().stream().flatMap(o -> Arrays.stream(o.names())).toList()
        : spec.subcommands().keySet();
    int limit = Math.max(1, typed.length() / 3);
    String prefix = typed.startsWith("-") ? "" : spec.qualifiedName() + " ";
    return candidates.stream()
        .filter(c -> distance(typed, c) <= limit)
        .min(Comparator.comparingInt((String c) -> distance(typed, c)).thenComparing(c -> c))
        .map(c -> prefix + c);
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static String oneLine(String message) {
    return String.valueOf(message).replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
