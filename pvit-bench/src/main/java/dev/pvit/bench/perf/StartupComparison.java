package dev.pvit.bench.perf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code Startup} perf group: time to the first answer of a real {@code ./pvit ask} in fresh
 * processes, started exactly as a user starts it (the launcher scripts, the class-data-sharing
 * archive, a JVM): the launcher before (no archive, full JIT) against the launcher now (archive, C1
 * JIT for one-shot commands) and each change alone, with the enrolled gallery cached and without
 * ({@code --no-cache}), next to a bare {@code java -version} as the JVM's floor.
 * Variants run in interleaved rounds so that load from other processes spreads over all of them.
 *
 * <p>One extra run per {@code ask} variant logs class loading with wall-clock timestamps ({@code
 * JAVA_TOOL_OPTIONS}, so the launcher's archive key is unchanged) and splits its time at the first
 * load of public classes: the CLI's main class, {@code FaceEngine} (engine start) and {@code
 * FaceGallery} (engine ready), then the first answer line and the process exit.
 *
 * <pre>{@code
 * StartupComparison.Report r = StartupComparison.run(Path.of("."), 5, System.err::println);
 * System.out.print(r.markdown());
 * }</pre>
 */
public final class StartupComparison {
  static final String QUESTION = "Who is on the left?";
  private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s");
  private static final Pattern CLASS_LOAD = Pattern.compile("^\\[(\\d+)ms\\] (\\S+) source");
  /** Class-load markers that end each phase, in order. */
  static final List<String> MARKERS =
      List.of("dev.pvit.examples.cli.PvitCli", "dev.pvit.face.FaceEngine", "dev.pvit.face.FaceGallery");
  /** Phase names: the spans between spawn, the markers, the first answer and the exit. */
  public static final List<String> PHASES = List.of("launcher + JVM start to main", "CLI setup",
      "engine load (PyTorch, weights)", "gallery + recognition + answer", "exit");

  /**
   * One way of starting.
   *
   * @param benchmark the row name, e.g. {@code askCds}
   * @param description what it runs
   * @param ask true for {@code ./pvit ask} (timed to its first stdout line), false for a process
   *     timed to its exit
   * @param noCache with {@code --no-cache} (enrollment in every run)
   * @param cds with the launcher's class-data-sharing archive
   * @param javaOpts {@code PVIT_JAVA_OPTS} for the launcher, or empty for its defaults
   */
  public record Variant(
      String benchmark, String description, boolean ask, boolean noCache, boolean cds, String javaOpts) {
    /** Overrides the {@code pvit} script's C1-only JIT for one-shot commands: the launcher before it. */
    public static final String FULL_JIT = "-XX:TieredStopAtLevel=4";
  }

  /**
   * One run.
   *
   * @param firstAnswerMs spawn to the first stdout line (to the exit for a non-ask variant)
   * @param exitMs spawn to the process exit
   * @param cpuMs user + system CPU time of the process and its children (the launcher script, the JVM,
   *     the archive check), which a loaded machine inflates far less than wall time; NaN if unknown
   * @param phases milliseconds per {@link #PHASES} entry, for a traced run (else empty)
   */
  public record Timing(double firstAnswerMs, double exitMs, double cpuMs, List<Double> phases) {
    /** Copies the phases. */
    public Timing {
      phases = List.copyOf(phases);
    }
  }

  /**
   * The runs of one variant.
   *
   * @param variant what ran
   * @param runs timed runs (untraced)
   * @param traced the traced run, if one was made
   */
  public record Result(Variant variant, List<Timing> runs, Optional<Timing> traced) {
    /** Copies the runs. */
    public Result {
      runs = List.copyOf(runs);
    }

    /**
     * Median time to the first answer.
     *
     * @return milliseconds
     */
    public double median() {
      return StartupComparison.median(runs.stream().map(Timing::firstAnswerMs).toList());
    }

    /**
     * Median time to the process exit.
     *
     * @return milliseconds
     */
    public double medianExit() {
      return StartupComparison.median(runs.stream().map(Timing::exitMs).toList());
    }

    /**
     * Median CPU time.
     *
     * @return milliseconds
     */
    public double medianCpu() {
      return StartupComparison.median(runs.stream().map(Timing::cpuMs).toList());
    }

    double min() {
      return runs.stream().mapToDouble(Timing::firstAnswerMs).min().orElse(Double.NaN);
    }

    double max() {
      return runs.stream().mapToDouble(Timing::firstAnswerMs).max().orElse(Double.NaN);
    }
  }

  /**
   * The group's results.
   *
   * @param results one per variant, the floor first
   * @param archiveRun the one run that wrote the archive (it also pays for dumping at exit)
   * @param archive the archive's size in bytes, or 0 if none was written
   */
  public record Report(List<Result> results, Timing archiveRun, long archive) {
    /** Copies the results. */
    public Report {
      results = List.copyOf(results);
    }

    /**
     * The group's Markdown section: medians, spread, ratios and the phase breakdown.
     *
     * @return Markdown
     */
    public String markdown() {
      StringBuilder b = new StringBuilder("## Startup: time to the first answer in a fresh process\n\n");
      b.append("| variant | runs | first answer median ms | min ms | max ms | exit median ms | CPU median ms "
          + "| first answer vs the launcher before | CPU vs the launcher before |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (Result r : results) {
        Optional<Result> without = r.variant().ask() && !isBaseline(r.variant()) ? partner(r) : Optional.empty();
        b.append(String.format(Locale.ROOT, "| %s (`%s`) | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %s | %s |%n",
            r.variant().description(), r.variant().benchmark(), r.runs().size(), r.median(), r.min(), r.max(),
            r.medianExit(), r.medianCpu(), without.map(w -> ratio(r.median(), w.median())).orElse("-"),
            without.map(w -> ratio(r.medianCpu(), w.medianCpu())).orElse("-")));
      }
      b.append(String.format(Locale.ROOT,
          "| the run that wrote the archive (`askWritingArchive`) | 1 | %.0f | - | - | %.0f | %.0f | - | - |%n",
          archiveRun.firstAnswerMs(), archiveRun.exitMs(), archiveRun.cpuMs()));
      b.append(String.format(Locale.ROOT, "%nArchive: %s.%n", archive > 0
          ? String.format(Locale.ROOT, "%.1f MB", archive / 1e6) : "none was written (CDS unavailable here)"));
      List<Result> traced = results.stream().filter(r -> r.traced().isPresent()).toList();
      if (!traced.isEmpty()) {
        b.append("\nPhases of one traced run each (ms; class-load log with wall-clock timestamps):\n\n| variant |");
        PHASES.forEach(p -> b.append(' ').append(p).append(" |"));
        b.append(" first answer |\n|---|").append("---:|".repeat(PHASES.size() + 1)).append('\n');
        for (Result r : traced) {
          Timing t = r.traced().orElseThrow();
          b.append("| `").append(r.variant().benchmark()).append("` |");
          t.phases().forEach(ms -> b.append(' ').append(Double.isNaN(ms) ? "-" : String.format(Locale.ROOT, "%.0f", ms))
              .append(" |"));
          b.append(String.format(Locale.ROOT, " %.0f |%n", t.firstAnswerMs()));
        }
      }
      return b.toString();
    }

    private static String ratio(double a, double b) {
      return Double.isNaN(a) || Double.isNaN(b) ? "-" : String.format(Locale.ROOT, "%.2fx", a / b);
    }

    private static boolean isBaseline(Variant v) {
      return !v.cds() && v.javaOpts().equals(Variant.FULL_JIT);
    }

    private Optional<Result> partner(Result r) {
      return results.stream().filter(o -> o.variant().ask() && isBaseline(o.variant())
          && o.variant().noCache() == r.variant().noCache()).findFirst();
    }
  }

  /** The variants in report order: the floor, then each gallery setting without and with the archive. */
  public static final List<Variant> VARIANTS = List.of(
      new Variant("javaVersion", "JVM start and exit, `java -version`", false, false, false, ""),
      new Variant("askOldLauncher", "`./pvit ask`, gallery cached, PVIT_CDS=0, full JIT (the launcher before)", true,
          false, false, Variant.FULL_JIT),
      new Variant("askCdsFullJit", "`./pvit ask`, gallery cached, CDS archive, full JIT", true, false, true,
          Variant.FULL_JIT),
      new Variant("askC1NoCds", "`./pvit ask`, gallery cached, PVIT_CDS=0, C1 JIT", true, false, false, ""),
      new Variant("ask", "`./pvit ask`, gallery cached, CDS archive, C1 JIT (the launcher now)", true, false, true, ""),
      new Variant("askNoCacheOldLauncher", "`./pvit ask --no-cache` (enrolls 4 people), the launcher before", true,
          true, false, Variant.FULL_JIT),
      new Variant("askNoCache", "`./pvit ask --no-cache` (enrolls 4 people), the launcher now", true, true, true, ""));

  private final Path root;
  private final Path cache;

  private StartupComparison(Path root, Path cache) {
    this.root = root;
    this.cache = cache;
  }

  /**
   * Runs the group: one untimed run that builds the CLI if needed and caches the gallery, one timed
   * run that writes the archive, one untimed run per variant, {@code rounds} interleaved rounds of
   * every variant, then one traced run per {@code ask} variant. Everything uses a fresh cache folder ({@code PVIT_CACHE_DIR}),
   * deleted afterwards.
   *
   * @param root the repository root (holds {@code pvit} and {@code samples/})
   * @param rounds timed runs per variant
   * @param log receives progress lines
   * @return the results
   * @throws IOException if a run fails or its output cannot be read
   * @throws InterruptedException if interrupted
   */
  public static Report run(Path root, int rounds, Consumer<String> log) throws IOException, InterruptedException {
    if (!Files.isExecutable(root.resolve("pvit")) || !Files.isDirectory(root.resolve("samples/people"))) {
      throw new IOException("no ./pvit launcher and samples/ in " + root.toAbsolutePath()
          + "; run perf --startup from the repository root");
    }
    Path cache = Files.createTempDirectory("pvit-startup-cache");
    try {
      StartupComparison s = new StartupComparison(root, cache);
      log.accept("startup: preparing (builds the CLI if needed, caches the gallery)...");
      s.once(VARIANTS.get(1), false);
      log.accept("startup: the run that writes the class-data-sharing archive...");
      Timing archiveRun = s.once(VARIANTS.get(4), false);
      long archive = s.archiveBytes();
      log.accept("startup: one untimed run per variant (writes the archives of other JVM options)...");
      for (Variant v : VARIANTS) {
        s.once(v, false);
      }
      Map<Variant, List<Timing>> runs = new LinkedHashMap<>();
      VARIANTS.forEach(v -> runs.put(v, new ArrayList<>()));
      for (int i = 0; i < rounds; i++) {
        log.accept("startup: round " + (i + 1) + " of " + rounds);
        for (int k = 0; k < VARIANTS.size(); k++) {
          // Rotated order: no variant always runs right after the heaviest one.
          Variant v = VARIANTS.get((k + i) % VARIANTS.size());
          runs.get(v).add(s.once(v, false));
        }
      }
      List<Result> results = new ArrayList<>();
      for (Variant v : VARIANTS) {
        Optional<Timing> traced = v.ask() ? Optional.of(s.once(v, true)) : Optional.empty();
        results.add(new Result(v, runs.get(v), traced));
      }
      return new Report(results, archiveRun, archive);
    } finally {
      delete(cache);
    }
  }

  private Timing once(Variant v, boolean traced) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if (v.ask()) {
      cmd.addAll(List.of(root.resolve("pvit").toString(), "ask", "--people", root.resolve("samples/people").toString(),
          "--scene", root.resolve("samples/group.jpg").toString()));
      if (v.noCache()) {
        cmd.add("--no-cache");
      }
      cmd.add(QUESTION);
    } else {
      cmd.addAll(List.of("java", "-version"));
    }
    // bash's `times` prints the CPU time of the children it waited for (and theirs) on its last line.
    List<String> wrapped = new ArrayList<>(List.of("bash", "-c", "\"$@\"; s=$?; times >&2; exit $s", "pvit-startup"));
    wrapped.addAll(cmd);
    ProcessBuilder pb = new ProcessBuilder(wrapped).directory(root.toFile());
    pb.environment().put("LC_NUMERIC", "C");
    Path err = Files.createTempFile("pvit-startup", ".err");
    Path trace = Files.createTempFile("pvit-startup", ".classes");
    try {
      pb.redirectError(err.toFile());
      pb.environment().put("PVIT_CACHE_DIR", cache.toString());
      pb.environment().put("PVIT_CDS", v.cds() ? "1" : "0");
      pb.environment().putIfAbsent("OMP_NUM_THREADS", "1");
      if (v.javaOpts().isEmpty()) {
        pb.environment().remove("PVIT_JAVA_OPTS");
      } else {
        pb.environment().put("PVIT_JAVA_OPTS", v.javaOpts());
      }
      if (traced) {
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + trace + ":timemillis");
      } else {
        pb.environment().remove("JAVA_TOOL_OPTIONS");
      }
      long spawnMillis = System.currentTimeMillis();
      long start = System.nanoTime();
      Process p = pb.start();
      p.getOutputStream().close();
      double first = Double.NaN;
      long firstMillis = 0;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        if (out.readLine() != null) {
          first = (System.nanoTime() - start) / 1e6;
          firstMillis = System.currentTimeMillis();
        }
        out.transferTo(java.io.Writer.nullWriter());
      }
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", cmd) + " did not finish in 10 minutes");
      }
      double exit = (System.nanoTime() - start) / 1e6;
      if (p.exitValue() != 0) {
        throw new IOException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "): "
            + Files.readString(err).strip());
      }
      if (!v.ask()) {
        first = exit;
      }
      List<Double> phases = traced ? phases(Files.readAllLines(trace), spawnMillis, firstMillis, spawnMillis
          + Math.round(exit)) : List.of();
      List<String> errLines = Files.readAllLines(err);
      return new Timing(first, exit, errLines.isEmpty() ? Double.NaN : cpuMillis(errLines.get(errLines.size() - 1)),
          phases);
    } finally {
      Files.deleteIfExists(err);
      Files.deleteIfExists(trace);
    }
  }

  /**
   * Splits a traced run at the first load of each {@link #MARKERS} class.
   *
   * @param classLoadLog lines of {@code -Xlog:class+load:file=...:timemillis}
   * @param spawn wall-clock milliseconds when the process was started
   * @param firstAnswer wall-clock milliseconds of the first answer line
   * @param exit wall-clock milliseconds of the exit
   * @return milliseconds per {@link #PHASES} entry; NaN where a marker is missing
   */
  static List<Double> phases(List<String> classLoadLog, long spawn, long firstAnswer, long exit) {
    Map<String, Long> firstLoad = new LinkedHashMap<>();
    for (String line : classLoadLog) {
      Matcher m = CLASS_LOAD.matcher(line);
      if (m.find() && MARKERS.contains(m.group(2))) {
        firstLoad.putIfAbsent(m.group(2), Long.parseLong(m.group(1)));
      }
    }
    List<Double> bounds = new ArrayList<>();
    bounds.add((double) spawn);
    MARKERS.forEach(c -> bounds.add(firstLoad.containsKey(c) ? firstLoad.get(c).doubleValue() : Double.NaN));
    bounds.add((double) firstAnswer);
    bounds.add((double) exit);
    List<Double> phases = new ArrayList<>();
    for (int i = 1; i < bounds.size(); i++) {
      phases.add(bounds.get(i) - bounds.get(i - 1));
    }
    return phases;
  }

  /**
   * The children's CPU time from bash's {@code times} line, e.g. {@code 1m2.500s 0m0.250s}.
   *
   * @param line the second line {@code times} prints
   * @return user + system milliseconds, or NaN if the line is not one
   */
  static double cpuMillis(String line) {
    Matcher m = TIMES.matcher(line.strip());
    if (!m.matches()) {
      return Double.NaN;
    }
    return (Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2))
        + Integer.parseInt(m.group(3)) * 60 + Double.parseDouble(m.group(4))) * 1000;
  }

  private long archiveBytes() throws IOException {
    Path dir = cache.resolve("cds");
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }
}
