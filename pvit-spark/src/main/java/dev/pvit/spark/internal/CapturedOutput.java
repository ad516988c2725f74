package dev.pvit.spark.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.pipeline.SinkOutput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@link SinkOutput} of one input inside a Spark task: lines and counters are kept until the
 * partition commits; files (and the encoding of JSON and images, by {@link SinkOutput}'s defaults,
 * as locally) go straight to the output folder, atomically. File names derive from
 * input keys, so a retried attempt rewrites the same names with the same bytes.
 */
final class CapturedOutput implements SinkOutput {
  private final HadoopFiles out;
  private final String key;
  private final String writer;
  private final Map<String, List<String>> lines = new LinkedHashMap<>();
  private final Map<String, Map<String, Long>> counts = new TreeMap<>();
  private int index;

  CapturedOutput(HadoopFiles out, String key, String writer) {
    this.out = out;
    this.key = key;
    this.writer = writer;
  }

  void index(int i) {
    this.index = i;
  }

  Map<String, List<String>> lines() {
    return lines;
  }

  Map<String, Map<String, Long>> counts() {
    return counts;
  }

  @Override
  public String inputKey() {
    return key;
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public void appendLine(String file, String line) {
    checkNotNull(line, "line");
    checkArgument(line.indexOf('\n') < 0 && line.indexOf('\r') < 0,
        "A line for '%s' contains a line break; write one record per line.", file);
    lines.computeIfAbsent(relative(file), k -> new ArrayList<>()).add(line);
  }

  @Override
  public Path writeFile(String file, byte[] bytes) {
    checkNotNull(bytes, "bytes");
    String written = out.write(relative(file), bytes, writer);
    // SinkOutput speaks java.nio paths; on a non-local file system this is the path part of the URI.
    return Path.of(java.net.URI.create(written).getPath());
  }

  @Override
  public void count(String group, String counter, long delta) {
    checkNotNull(group, "group");
    checkNotNull(counter, "counter");
    counts.computeIfAbsent(group, g -> new TreeMap<>()).merge(counter, delta, Long::sum);
  }

  private static String relative(String file) {
    checkNotNull(file, "file");
    String norm = Path.of(file).normalize().toString().replace('\\', '/');
    checkArgument(!Path.of(file).isAbsolute() && !norm.startsWith("..") && !norm.isEmpty() && !norm.startsWith("_"),
        "Output path '%s' leaves the output folder or is reserved; use a relative path inside it.", file);
    return norm;
  }
}
