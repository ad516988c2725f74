package dev.pvit.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code pvit} command-line tool. Every subcommand uses the SDK's public API only.
 *
 * <pre>{@code
 * ./pvit --help
 * }</pre>
 */
@Command(
    name = "pvit",
    mixinStandardHelpOptions = true,
    version = "pvit 0.1.0-SNAPSHOT",
    description = "Personalized visual understanding: register people, ask about photos.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      AskCommand.class,
      EmbedCommand.class,
      RecognizeCommand.class,
      PromptCommand.class,
      ChatCheckCommand.class,
      GenerateCommand.class,
      DatasetCommand.class
    })
public final class PvitCli implements Callable<Integer> {
  /** Exit code for usage errors (bad flags, missing arguments). */
  public static final int EXIT_USAGE = 2;
  /** Exit code for invalid input (unreadable image, invalid name, ...). */
  public static final int EXIT_INVALID_INPUT = 3;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /**
   * Builds the command line with all subcommands and the project's exit-code conventions.
   *
   * @return a configured picocli command line
   */
  public static CommandLine commandLine() {
    return CliErrors.install(new CommandLine(new PvitCli()));
  }

  /**
   * Runs the CLI and exits with its exit code.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
