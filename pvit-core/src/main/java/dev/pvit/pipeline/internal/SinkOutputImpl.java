package dev.pvit.pipeline.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.pipeline.SinkOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects one input's lines and counters until commit; writes files atomically at once. */
final class SinkOutputImpl implements SinkOutput {
  private final Path dir;
  private final String key;
  private final boolean fsync;
  private final Map<String, List<String>> lines = new LinkedHashMap<>();
  private final Map<String, Map<String, Long>> counts = new TreeMap<>();
  private int index;

  SinkOutputImpl(Path dir, String key, boolean fsync) {
    this.dir = dir.toAbsolutePath().normalize();
    this.key = key;
    this.fsync = fsync;
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
    Path target = dir.resolve(relative(file));
    try {
      AtomicFiles.write(target, bytes, fsync);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write '" + target + "': " + e.getMessage(), e);
    }
    return target;
  }

  @Override
  public void count(String group, String key, long delta) {
    checkNotNull(group, "group");
    checkNotNull(key, "key");
    counts.computeIfAbsent(group, g -> new TreeMap<>()).merge(key, delta, Long::sum);
  }

  private String relative(String file) {
    checkNotNull(file, "file");
    Path p = dir.resolve(file).normalize();
    checkArgument(p.startsWith(dir) && !p.equals(dir),
        "Output path '%s' leaves the output folder; use a relative path inside it.", file);
    String rel = dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    checkArgument(!Journal.RESERVED.contains(rel) && !rel.endsWith(AtomicFiles.TMP_SUFFIX),
        "Output path '%s' is reserved for the pipeline's own bookkeeping; choose another name.", file);
    return rel;
  }
}
