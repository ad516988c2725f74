package dev.pvit.bench.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Times the JavaScript reference (face-api on Node with the WASM backend) with {@code
 * baseline/perf.js}, when {@code node} and {@code npm} are on the PATH and the baseline's {@code
 * node_modules} is installed ({@code npm ci --prefix pvit-bench/baseline}); nothing is installed at
 * run time.
 *
 * @param dir the baseline folder holding {@code perf.js}, {@code package.json} and {@code node_modules}
 */
public record JsBaseline(Path dir) {
  /**
   * What the baseline run produced.
   *
   * @param available whether it ran
   * @param reason why not, or a description of the runtime (face-api, tfjs, backend, SIMD, Node)
   * @param millisPerOp benchmark name → mean milliseconds per operation
   */
  public record Result(boolean available, String reason, Map<String, Double> millisPerOp) {
    /** Copies the map. */
    public Result {
      millisPerOp = Map.copyOf(millisPerOp);
    }

    static Result unavailable(String reason) {
      return new Result(false, reason, Map.of());
    }
  }

  /**
   * Finds the baseline folder: {@code pvit-bench/baseline} under the working directory, or next to
   * the jar's {@code target} folder.
   *
   * @return the folder, if found
   */
  public static Optional<JsBaseline> locate() {
    List<Path> candidates = new ArrayList<>();
    candidates.add(Path.of("pvit-bench", "baseline"));
    candidates.add(Path.of("baseline"));
    try {
      Path jar = Path.of(JsBaseline.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // pvit-bench/target/pvit-bench.jar (or target/classes) -> pvit-bench/baseline
      Path target = jar.getParent();
      if (target != null && target.getParent() != null) {
        candidates.add(target.getParent().resolve("baseline"));
      }
    } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
      // No code source (e.g. a custom class loader): only the working-directory candidates remain.
    }
    return candidates.stream().filter(p -> Files.isRegularFile(p.resolve("perf.js")))
        .findFirst().map(p -> new JsBaseline(p.toAbsolutePath().normalize()));
  }

  /**
   * Whether a program is on the PATH.
   *
   * @param program e.g. {@code node}
   * @return true if an executable of that name is found
   */
  static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(java.io.File.pathSeparator)) {
      Path p = Path.of(d, program);
      if (Files.isExecutable(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs the baseline on an image.
   *
   * @param image the 5-face photo file
   * @param iterations timed iterations per case
   * @param timeoutSeconds give up after this long
   * @return the timings, or why there are none
   */
  public Result run(Path image, int iterations, long timeoutSeconds) {
    if (!onPath("node") || !onPath("npm")) {
      return Result.unavailable("node and npm are not both on the PATH");
    }
    if (!Files.isDirectory(dir.resolve("node_modules/@vladmandic/face-api"))) {
      return Result.unavailable("the baseline is not installed; run: npm ci --prefix " + dir);
    }
    Path out;
    Path err;
    try {
      out = Files.createTempFile("pvit-baseline", ".out");
      err = Files.createTempFile("pvit-baseline", ".err");
    } catch (IOException e) {
      return Result.unavailable("cannot create temporary files: " + e.getMessage());
    }
    try {
      Process p = new ProcessBuilder("node", dir.resolve("perf.js").toString(), "--image", image.toString(),
          "--iterations", String.valueOf(iterations), "--warmup", String.valueOf(Math.max(1, iterations / 4)))
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Result.unavailable("the baseline did not finish within " + timeoutSeconds + " s");
      }
      if (p.exitValue() != 0) {
        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
        return Result.unavailable("the baseline failed (exit " + p.exitValue() + "): "
            + (lines.isEmpty() ? "" : lines.get(lines.size() - 1)));
      }
      List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
      if (lines.isEmpty()) {
        return Result.unavailable("the baseline printed nothing");
      }
      return parse(lines.get(lines.size() - 1));
    } catch (IOException e) {
      return Result.unavailable("cannot run node: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.unavailable("interrupted");
    } finally {
      try {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      } catch (IOException ignored) {
        // Temporary files in the system temp folder; the OS cleans them up.
      }
    }
  }

  /**
   * Parses the JSON line printed by {@code perf.js}.
   *
   * @param json {@code {"backend": {...}, "results": {name: ms}}}
   * @return the result
   */
  static Result parse(String json) {
    try {
      JsonNode root = new ObjectMapper().readTree(json);
      Map<String, Double> ms = new LinkedHashMap<>();
      root.path("results").fields().forEachRemaining(e -> ms.put(e.getKey(), e.getValue().asDouble()));
      JsonNode b = root.path("backend");
      String runtime = "face-api " + b.path("faceApi").asText("?") + ", tfjs " + b.path("tfjs").asText("?") + " "
          + b.path("backend").asText("?") + " (SIMD " + b.path("simd").asText("?") + ", threads "
          + b.path("threads").asText("?") + "), Node " + b.path("node").asText("?");
      return new Result(true, runtime, ms);
    } catch (IOException e) {
      return Result.unavailable("unreadable baseline output: " + e.getMessage());
    }
  }
}
