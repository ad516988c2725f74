package dev.pvit.spark.cli;

import dev.pvit.PvitException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pvit-spark}: PVIT data generation on Apache Spark.
 *
 * <pre>{@code
 * ./pvit-spark generate --master local[2] --input photos/ --out dataset/ --seed 7
 * spark-submit --class dev.pvit.spark.cli.PvitSparkCli pvit-spark.jar generate --input hdfs:///photos --out hdfs:///ds
 * }</pre>
 */
@Command(
    name = "pvit-spark",
    mixinStandardHelpOptions = true,
    description = "PVIT data generation on Apache Spark.",
    subcommands = {SparkGenerateCommand.class})
public final class PvitSparkCli {
  PvitSparkCli() {}

  /**
   * Runs the command line.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    int code = new CommandLine(new PvitSparkCli())
        .setExecutionExceptionHandler((e, cl, parsed) -> {
          if (!(e instanceof PvitException)) {
            throw e;
          }
          // The SDK's messages say what to do; a stack trace would bury them.
          cl.getErr().println("error: " + e.getMessage());
          return 1;
        })
        .execute(args);
    // spark-submit waits for non-daemon threads otherwise; exit with the command's status.
    System.exit(code);
  }
}
