package dev.pvit.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code pvit-bench} tool: accuracy evaluation ({@code pbench}) and performance benchmarks
 * ({@code perf}).
 *
 * <pre>{@code
 * java -jar pvit-bench/target/pvit-bench.jar --help
 * }</pre>
 */
@Command(
    name = "pvit-bench",
    mixinStandardHelpOptions = true,
    version = "pvit-bench 0.1.0-SNAPSHOT",
    description = "Accuracy and performance benchmarks for PVIT for Java.",
    subcommands = {PbenchCommand.class, PerfCommand.class, CommandLine.HelpCommand.class})
public final class BenchCli implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /**
   * Builds the command line with all subcommands.
   *
   * @return a configured picocli command line
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new BenchCli());
    return cl;
  }

  /**
   * Runs the benchmark CLI and exits with its exit code.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
