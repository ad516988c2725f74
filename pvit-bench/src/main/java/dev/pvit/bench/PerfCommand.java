package dev.pvit.bench;

import dev.pvit.bench.perf.BenchInputs;
import dev.pvit.bench.perf.JsBaseline;
import dev.pvit.bench.perf.MemoryComparison;
import dev.pvit.bench.perf.PerfReport;
import dev.pvit.bench.perf.PerfRow;
import dev.pvit.bench.perf.PerfRunner;
import dev.pvit.bench.perf.StartupComparison;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pvit-bench perf}: JMH benchmarks of the face engine, gallery matching, prompt rendering and
 * curation, with the JavaScript reference timed on the same inputs where it is installed.
 *
 * <pre>{@code
 * npm ci --prefix pvit-bench/baseline        # optional, once: enables the JS ratio column
 * java -jar pvit-bench/target/pvit-bench.jar perf --quick
 * ./pvit-bench-run perf --startup --startup-runs 7   # fresh ./pvit ask processes: time to the first answer
 * }</pre>
 */
@Command(
    name = "perf",
    mixinStandardHelpOptions = true,
    description = {
      "JMH performance benchmarks: face nets (descriptors batch 1/16, detector 416/608, landmarks), the whole",
      "engine on a 5-face photo, curation phase 1, gallery matching for 10 to 1M descriptors, prompt rendering.",
      "Prints a table (with the speed ratio to face-api on Node/WASM when installed) and writes perf.md.",
      "--memory and --startup run the Memory and Startup groups (fresh processes) instead."
    })
public final class PerfCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--quick", description = "Short in-process runs (a few minutes on 2 cores) instead of forked full runs.")
  boolean quick;

  @Option(names = "--only", paramLabel = "REGEX", defaultValue = ".*",
      description = "Run only benchmarks whose Group or Group.method matches, e.g. Gallery or FaceNets.detector.*")
  String only = ".*";

  @Option(names = "--no-baseline", description = "Do not time the JavaScript reference.")
  boolean noBaseline;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "perf.md", description = "Markdown report (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("perf.md");

  @Option(names = "--memory", description = "Run the Memory group instead of JMH: a burst of concurrent asks in one fresh "
      + "JVM per allocator setting, reporting resident memory before/peak/after and latency p50/p95.")
  boolean memory;

  @Option(names = "--memory-all", description = "With --memory: also measure the other allocator candidates.")
  boolean memoryAll;

  @Option(names = "--memory-calls", paramLabel = "N", defaultValue = "200", description = "Asks per burst (default: ${DEFAULT-VALUE}).")
  int memoryCalls = 200;

  @Option(names = "--memory-threads", paramLabel = "N", defaultValue = "8", description = "Calling threads (default: ${DEFAULT-VALUE}).")
  int memoryThreads = 8;

  @Option(names = "--data", paramLabel = "DIR", description = "The labelled photo set for the Memory group's scenes and people "
      + "(default: the bundled 5-face photo).")
  Path data;

  @Option(names = "--startup", description = "Run the Startup group instead of JMH: time to the first answer of ./pvit ask "
      + "on the bundled samples in fresh processes, the launcher before (no class-data-sharing archive, full JIT) "
      + "against the launcher now and each change alone, with and without the gallery cache, next to java -version "
      + "(run from the repository root).")
  boolean startup;

  @Option(names = "--startup-runs", paramLabel = "N", defaultValue = "5", description = "Timed runs per startup variant "
      + "(default: ${DEFAULT-VALUE}).")
  int startupRuns = 5;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (memory) {
      return memory(o, err);
    }
    if (startup) {
      return startup(o, err);
    }
    Instant start = Instant.now();
    String loadBefore = loadAverage();
    String omp = System.getenv("OMP_NUM_THREADS");
    if (omp == null) {
      err.println("perf: OMP_NUM_THREADS is not set. JMH calls the nets from a worker thread, where PyTorch's"
          + " OpenMP team has been measured 5-50x slower on a loaded machine; set OMP_NUM_THREADS=1 for stable numbers.");
    }
    err.println("perf: running the JMH benchmarks (" + (quick ? "quick, in-process" : "full, forked") + ")...");
    err.flush();
    List<PerfRow> rows;
    try {
      rows = PerfRunner.run(quick, only, quick ? VerboseMode.SILENT : VerboseMode.NORMAL);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (RunnerException e) {
      err.println("error: a benchmark failed: " + e.getMessage());
      return 1;
    }
    JsBaseline.Result baseline = noBaseline ? new JsBaseline.Result(false, "--no-baseline", Map.of()) : baseline(err);
    rows = PerfReport.withBaseline(rows, baseline.millisPerOp());
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("mode", quick ? "quick (no fork, 1 x 1 s warm-up, 2 x 1 s measurement)"
        : "full (1 fork, 3 x 2 s warm-up, 5 x 2 s measurement)");
    settings.put("machine", cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
        + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
    settings.put("OMP_NUM_THREADS", omp == null ? "not set (PyTorch default)" : omp);
    settings.put("load average before / after", loadBefore + " / " + loadAverage()
        + " (shared machine: timings are noisy)");
    settings.put("date", start.toString());
    settings.put("duration", String.format(Locale.ROOT, "%.0f s", Duration.between(start, Instant.now()).toMillis() / 1000.0));
    PerfReport report = new PerfReport(rows, settings, baseline);
    try {
      Path parent = out.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(out, report.markdown(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("error: cannot write '" + out + "': " + e.getMessage());
      return 1;
    }
    o.print(report.table());
    String gallery = report.galleryTable();
    if (!gallery.isEmpty()) {
      o.println();
      o.print(gallery);
    }
    o.println();
    o.println("JavaScript reference: " + (baseline.available() ? baseline.reason() : "not run (" + baseline.reason() + ")"));
    o.println("perf: " + rows.size() + " benchmarks in " + settings.get("duration") + "; report " + out);
    o.flush();
    return 0;
  }

  private int memory(PrintWriter o, PrintWriter err) {
    List<MemoryComparison.Setting> settings = new java.util.ArrayList<>(MemoryComparison.DEFAULT_SETTINGS);
    if (memoryAll) {
      settings.addAll(MemoryComparison.CANDIDATES);
    }
    Optional<List<MemoryComparison.Result>> measured =
        inFreshProcesses(err, log -> MemoryComparison.run(settings, memoryCalls, memoryThreads, data, log));
    if (measured.isEmpty()) {
      return 1;
    }
    List<MemoryComparison.Result> results = measured.get();
    String table = "Memory: " + memoryCalls + " asks from " + memoryThreads + " threads on one PersonalizedChat, "
        + Runtime.getRuntime().availableProcessors() + " cores, load " + loadAverage() + "\n\n"
        + MemoryComparison.table(results);
    try {
      Files.writeString(out, table, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("error: cannot write '" + out + "': " + e.getMessage());
      return 1;
    }
    o.print(table);
    o.flush();
    return 0;
  }

  /** A group that measures in child processes, reporting progress lines. */
  @FunctionalInterface
  private interface FreshProcessGroup<T> {
    T run(Consumer<String> progress) throws IOException, InterruptedException;
  }

  /** Runs such a group with progress on stderr; empty (the error printed) if it fails. */
  private static <T> Optional<T> inFreshProcesses(PrintWriter err, FreshProcessGroup<T> group) {
    try {
      return Optional.of(group.run(line -> {
        err.println(line);
        err.flush();
      }));
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private int startup(PrintWriter o, PrintWriter err) {
    if (startupRuns < 1) {
      err.println("error: --startup-runs must be at least 1");
      return 2;
    }
    Instant start = Instant.now();
    String loadBefore = loadAverage();
    Optional<StartupComparison.Report> measured =
        inFreshProcesses(err, log -> StartupComparison.run(Path.of("."), startupRuns, log));
    if (measured.isEmpty()) {
      return 1;
    }
    StartupComparison.Report report = measured.get();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("mode", "startup (fresh processes, " + startupRuns + " interleaved rounds)");
    settings.put("machine", cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
        + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
    settings.put("load average before / after", loadBefore + " / " + loadAverage()
        + " (shared machine: timings are noisy)");
    settings.put("date", start.toString());
    settings.put("duration", String.format(Locale.ROOT, "%.0f s", Duration.between(start, Instant.now()).toMillis() / 1000.0));
    StringBuilder md = new StringBuilder("# pvit-bench perf --startup\n\n");
    settings.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    md.append('\n').append(report.markdown());
    try {
      Files.writeString(out, md, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("error: cannot write '" + out + "': " + e.getMessage());
      return 1;
    }
    o.print(report.markdown());
    o.println("perf: startup in " + settings.get("duration") + ", load " + loadAverage() + "; report " + out);
    o.flush();
    return 0;
  }

  private JsBaseline.Result baseline(PrintWriter err) {
    Optional<JsBaseline> js = JsBaseline.locate();
    if (js.isEmpty()) {
      return new JsBaseline.Result(false, "pvit-bench/baseline/perf.js not found (run from the repository root)", Map.of());
    }
    err.println("perf: timing the JavaScript reference in " + js.get().dir() + "...");
    err.flush();
    Path image;
    try {
      image = Files.createTempFile("five-faces", ".jpg");
      Files.write(image, BenchInputs.fiveFacesBytes());
    } catch (IOException e) {
      return new JsBaseline.Result(false, "cannot write the photo for node: " + e.getMessage(), Map.of());
    }
    try {
      return js.get().run(image, quick ? 4 : 12, quick ? 120 : 600);
    } finally {
      try {
        Files.deleteIfExists(image);
      } catch (IOException ignored) {
        // A copy of a bundled demo photo in the temp folder; harmless if left.
      }
    }
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  private static String cpu() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: the OS name is enough.
    }
    return System.getProperty("os.name") + " " + System.getProperty("os.arch");
  }
}
