package dev.pvit.spark.cli;

import dev.pvit.cli.DatasetOptions;
import dev.pvit.spark.GenerateOptions;
import dev.pvit.spark.GenerateSummary;
import dev.pvit.spark.PvitSpark;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pvit-spark generate}: {@code pvit generate} with the embedded engines, run by Spark. Same
 * flags and summary as {@code pvit generate}, except that parallelism comes from the Spark master
 * and {@code --partitions} instead of {@code --workers}. The options that shape the records are the
 * {@link DatasetOptions} mixin both commands share.
 *
 * <pre>{@code
 * ./pvit-spark generate --master local[2] --input photos/ --out dataset/ --seed 7 --partitions 8
 * }</pre>
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a PVIT-3M style dataset from a folder of photos on Apache Spark: curation, descriptions, QA.",
      "Descriptions come from the embedded face engine (short, never invented); records equal pvit generate's.",
      "Re-running on the same --out skips committed partitions."
    })
public final class SparkGenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DatasetOptions dataset;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (local[2], spark://host:7077, yarn, k8s://...); default: spark-submit's.")
  String master;

  @Option(names = "--input", required = true, paramLabel = "DIR",
      description = "Folder of photos, recursive: a local path or a Hadoop URI (hdfs://, s3a://).")
  String input;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Output folder (local path or Hadoop URI); reuse it to resume.")
  String out;

  @Option(names = "--partitions", defaultValue = "0",
      description = "Partitions of the sorted photos (default: 4 per default-parallelism slot, or the resumed run's).")
  int partitions;

  @Option(names = "--jsonl", description = "Also write every partition's records as JSON lines.")
  boolean jsonl;

  @Override
  public Integer call() throws Exception {
    CommandLine cl = spec.commandLine();
    GenerateOptions.Builder options = GenerateOptions.builder().input(input).output(out).seed(dataset.seed())
        .partitions(partitions).minPeople(dataset.minPeople()).samplesPerScene(dataset.samplesPerScene())
        .unanswerableShare(dataset.unanswerableShare()).jsonl(jsonl);
    dataset.names().ifPresent(pool -> options.names(pool.names()));
    GenerateOptions built;
    try {
      built = options.build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
    SparkSession.Builder session = SparkSession.builder().appName("pvit-spark generate")
        // One OpenMP thread per task: libtorch's spinning teams slow the nets down when tasks share cores.
        .config("spark.executorEnv.OMP_NUM_THREADS", "1");
    if (master != null) {
      session.master(master);
    }
    SparkSession spark = session.getOrCreate();
    try {
      printSummary(cl.getOut(), PvitSpark.generate(spark, built));
    } finally {
      spark.stop();
    }
    return 0;
  }

  private static void printSummary(PrintWriter w, GenerateSummary s) {
    double seconds = Math.max(1e-3, s.elapsed().toMillis() / 1000.0);
    w.printf(Locale.ROOT, "%d inputs: %d done earlier, %d processed now (%d rejected) in %.1f s, %.2f images/s%n",
        s.inputs(), s.skipped(), s.processed(), s.rejected(), seconds, s.processed() / seconds);
    w.printf(Locale.ROOT, "%s/data: %d records in total (%d this run) in %d partitions (%d done earlier)%n",
        s.output(), s.totalRecords(), s.records(), s.partitions(), s.skippedPartitions());
    for (String group : new String[] {"category", "kind", "scenes"}) {
      line(s.groups().get(group)).ifPresent(l -> w.println("  " + group + ": " + l));
    }
    w.println("  names used: " + s.groups().getOrDefault("names", Map.of()).size());
    line(s.groups().get("rejects")).ifPresent(l -> w.println("  rejects: " + l + " (see " + s.output()
        + "/rejects.jsonl)"));
    w.println("  stats: " + s.output() + "/stats.json");
    w.flush();
  }

  private static Optional<String> line(Map<String, Long> group) {
    if (group == null || group.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(group).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=')
        .append(v));
    return Optional.of(sb.toString());
  }
}
