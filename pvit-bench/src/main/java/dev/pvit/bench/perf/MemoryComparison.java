package dev.pvit.bench.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Memory} perf group: the same burst of concurrent asks ({@link MemoryBurst}) in one
 * fresh JVM per setting (allocator environment variables and recognition permits), so resident
 * memory and latency of the launcher's old settings and of the candidates are measured in the same
 * run on the same machine.
 */
public final class MemoryComparison {
  /**
   * One setting to measure.
   *
   * @param name a label
   * @param env environment variables to set (every other {@code MALLOC_*} variable is removed)
   * @param jvmArgs extra JVM options
   * @param permits recognitions allowed at once
   */
  public record Setting(String name, Map<String, String> env, List<String> jvmArgs, int permits) {}

  /**
   * One measured setting.
   *
   * @param setting what was measured
   * @param result the burst's JSON line
   */
  public record Result(Setting setting, JsonNode result) {}

  /** The launcher before this change: buffers never returned, nothing bounds concurrent recognitions. */
  public static final Setting OLD = new Setting("old launcher (mmap 1 GB, trim 4 GB, unbounded)",
      Map.of("MALLOC_MMAP_THRESHOLD_", "1073741824", "MALLOC_TRIM_THRESHOLD_", "4294967296"), List.of(), 8);

  /** The launcher's settings now (scripts/launch.sh) with the engine's default permits. */
  public static final Setting LAUNCHER = new Setting(
      "launcher now (arena max 2, mmap 1 GB, trim 128 MB, JVM trim every 1 s, 1 permit per core)",
      Map.of("MALLOC_ARENA_MAX", "2", "MALLOC_MMAP_THRESHOLD_", "1073741824", "MALLOC_TRIM_THRESHOLD_", "134217728"),
      List.of("-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=1000"),
      0);

  /** Settings compared by default: the old launcher first (the ratio baseline), then the current one. */
  public static final List<Setting> DEFAULT_SETTINGS = List.of(OLD, LAUNCHER);

  /** Further candidates, measured with {@code --memory-all}. */
  public static final List<Setting> CANDIDATES = List.of(
      new Setting("old allocator env, 1 permit per core",
          Map.of("MALLOC_MMAP_THRESHOLD_", "1073741824", "MALLOC_TRIM_THRESHOLD_", "4294967296"), List.of(), 0),
      new Setting("glibc defaults, 1 permit per core", Map.of(), List.of(), 0),
      new Setting("MALLOC_ARENA_MAX=2, trim 128 MB, mmap 64 MB, 1 permit per core",
          Map.of("MALLOC_ARENA_MAX", "2", "MALLOC_TRIM_THRESHOLD_", "134217728", "MALLOC_MMAP_THRESHOLD_", "67108864"),
          List.of(), 0));

  private MemoryComparison() {}

  /**
   * Runs the burst once per setting, each in a fresh JVM.
   *
   * @param settings what to compare
   * @param calls asks per burst
   * @param threads calling threads
   * @param data the dev photo set, or null for the bundled photo
   * @param log receives progress lines
   * @return one result per setting
   * @throws IOException if a child JVM fails
   * @throws InterruptedException if interrupted
   */
  public static List<Result> run(List<Setting> settings, int calls, int threads, Path data,
      java.util.function.Consumer<String> log) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Result> out = new ArrayList<>();
    for (Setting s : settings) {
      int permits = s.permits() > 0 ? s.permits() : Runtime.getRuntime().availableProcessors();
      List<String> cmd = new ArrayList<>(List.of(java, "-Dai.djl.offline=true"));
      cmd.addAll(s.jvmArgs());
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MemoryBurst.class.getName(),
          Integer.toString(calls), Integer.toString(threads), Integer.toString(permits),
          data == null ? "-" : data.toString()));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
      pb.environment().keySet().removeIf(k -> k.startsWith("MALLOC_"));
      pb.environment().putAll(s.env());
      pb.environment().putIfAbsent("OMP_NUM_THREADS", "1");
      log.accept("memory: " + s.name() + " ...");
      Process p = pb.start();
      String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IOException("the burst for '" + s.name() + "' failed (exit " + p.exitValue() + ")");
      }
      String[] lines = stdout.strip().split("\n");
      out.add(new Result(s, new ObjectMapper().readTree(lines[lines.length - 1])));
      log.accept("memory: " + s.name() + ": " + lines[lines.length - 1]);
    }
    return out;
  }

  /**
   * A Markdown table of the results with ratios to the first row.
   *
   * @param results measured settings, baseline first
   * @return the table
   */
  public static String table(List<Result> results) {
    StringBuilder sb = new StringBuilder(
        "| setting | permits | RSS before MB | RSS peak MB | RSS after GC+5 s MB | p50 ms | p95 ms | wall s | peak / baseline | p50 / baseline |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    JsonNode base = results.get(0).result();
    for (Result r : results) {
      JsonNode j = r.result();
      sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %.1f | %.2f | %.2f |%n",
          r.setting().name(), j.get("permits").asInt(), j.get("rssBeforeMb").asLong(), j.get("rssPeakMb").asLong(),
          j.get("rssAfterMb").asLong(), j.get("p50Ms").asLong(), j.get("p95Ms").asLong(), j.get("wallS").asDouble(),
          j.get("rssPeakMb").asDouble() / base.get("rssPeakMb").asDouble(),
          j.get("p50Ms").asDouble() / Math.max(1, base.get("p50Ms").asDouble())));
    }
    return sb.toString();
  }
}
