package dev.pvit.bench.perf;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks of this package programmatically.
 *
 * <p>{@code quick}: in-process (no forks), one 1 s warm-up and two 1 s measurement iterations per
 * benchmark, about 2-4 minutes on 2 cores. Full: one fork per benchmark, 3 × 2 s warm-up and 5 × 2 s
 * measurement.
 *
 * <pre>{@code
 * List<PerfRow> rows = PerfRunner.run(true, ".*", VerboseMode.SILENT);
 * }</pre>
 */
public final class PerfRunner {
  /** The benchmark classes in report order. */
  static final List<Class<?>> BENCHMARKS = List.of(
      FaceNetsBenchmark.class, FaceEngineBenchmark.class, CurationBenchmark.class, PipelineBenchmark.class,
      GalleryBenchmark.class, PromptBenchmark.class, SparkBenchmark.class);

  private PerfRunner() {}

  /**
   * Runs the benchmarks.
   *
   * @param quick short iterations, no forks
   * @param filter a regular expression on {@code Class.method} names, e.g. {@code Gallery.*}
   * @param verbosity how much JMH prints
   * @return one row per benchmark and parameter set
   * @throws RunnerException if JMH fails
   * @throws IllegalArgumentException if no benchmark matches the filter
   */
  public static List<PerfRow> run(boolean quick, String filter, VerboseMode verbosity) throws RunnerException {
    ChainedOptionsBuilder b = new OptionsBuilder().verbosity(verbosity).shouldFailOnError(true);
    List<String> selected = select(filter);
    if (selected.isEmpty()) {
      throw new IllegalArgumentException("No benchmark matches '" + filter + "'; groups are "
          + BENCHMARKS.stream().map(c -> group(c.getName())).toList() + ".");
    }
    selected.forEach(name -> b.include("^" + Pattern.quote(name) + "$"));
    if (quick) {
      b.forks(0).warmupIterations(1).warmupTime(TimeValue.seconds(1))
          .measurementIterations(2).measurementTime(TimeValue.seconds(1));
    } else {
      b.forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(2))
          .measurementIterations(5).measurementTime(TimeValue.seconds(2))
          .jvmArgsAppend("-Xmx6g", "-Dai.djl.offline=true")
          // Spark (the Spark group) reflects into JDK internals: the options of its own launcher.
          .jvmArgsAppend(org.apache.spark.launcher.JavaModuleOptions.defaultModuleOptionArray());
    }
    Collection<RunResult> results = new Runner(b.build()).run();
    List<PerfRow> rows = new ArrayList<>();
    for (RunResult r : results) {
      rows.add(row(r));
    }
    rows.sort(Comparator.comparingInt((PerfRow r) -> order(r.group())).thenComparing(PerfRow::benchmark)
        .thenComparingLong(r -> paramValue(r.params())));
    return rows;
  }

  /**
   * The benchmarks a filter selects: those whose {@code Group.method} name contains a match of the
   * regular expression, or whose group matches it entirely (e.g. {@code Gallery}, {@code
   * FaceNets.detector.*}, {@code Prompt|FaceNets.landmarks}).
   *
   * @param filter a regular expression
   * @return fully qualified {@code class.method} names
   */
  static List<String> select(String filter) {
    Pattern p = Pattern.compile(filter);
    List<String> out = new ArrayList<>();
    for (Class<?> c : BENCHMARKS) {
      String group = group(c.getName());
      for (Method m : c.getDeclaredMethods()) {
        if (m.isAnnotationPresent(Benchmark.class)
            && (p.matcher(group + "." + m.getName()).find() || p.matcher(group).matches())) {
          out.add(c.getName() + "." + m.getName());
        }
      }
    }
    out.sort(null);
    return out;
  }

  private static PerfRow row(RunResult r) {
    String full = r.getParams().getBenchmark();
    String method = full.substring(full.lastIndexOf('.') + 1);
    String cls = full.substring(0, full.lastIndexOf('.'));
    Map<String, String> params = new TreeMap<>();
    for (String k : r.getParams().getParamsKeys()) {
      params.put(k, r.getParams().getParam(k));
    }
    StringBuilder p = new StringBuilder();
    params.forEach((k, v) -> p.append(p.length() == 0 ? "" : ",").append(k).append('=').append(v));
    double score = r.getPrimaryResult().getScore();
    double error = r.getPrimaryResult().getScoreError();
    return new PerfRow(method, group(cls), p.toString(), score, error, per(group(cls), method), java.util.Optional.empty());
  }

  static String group(String className) {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    return simple.replace("Benchmark", "");
  }

  private static String per(String group, String method) {
    return switch (group) {
      case "FaceNets" -> method.startsWith("detector") ? "image" : "face";
      case "FaceEngine" -> "photo";
      case "Curation", "Pipeline", "Spark" -> "image";
      case "Gallery" -> "match";
      default -> "prompt";
    };
  }

  private static int order(String group) {
    for (int i = 0; i < BENCHMARKS.size(); i++) {
      if (group(BENCHMARKS.get(i).getName()).equals(group)) {
        return i;
      }
    }
    return BENCHMARKS.size();
  }

  private static long paramValue(String params) {
    String digits = params.replaceAll("[^0-9]", "");
    return digits.isEmpty() ? 0 : Long.parseLong(digits);
  }
}
