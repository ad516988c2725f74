package dev.pvit.pipeline;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link SinkOutput} that keeps one input's lines and counters in memory until its runner commits
 * them; subclasses decide where files go and which paths are allowed. The local runner and other
 * runners (e.g. {@code pvit-spark}) share it, so a sink's lines and counters are collected the same
 * way everywhere.
 *
 * <pre>{@code
 * BufferedSinkOutput out = ...;           // one per input
 * for (int j = 0; j < items.size(); j++) {
 *   out.index(j);
 *   sink.write(items.get(j), out);
 * }
 * commit(out.lines(), out.counts());
 * }</pre>
 */
public abstract class BufferedSinkOutput implements SinkOutput {
  private final String key;
  private final Map<String, List<String>> lines = new LinkedHashMap<>();
  private final Map<String, Map<String, Long>> counts = new TreeMap<>();
  private int index;

  /**
   * Starts an empty buffer.
   *
   * @param inputKey the key of the input whose results are written
   */
  protected BufferedSinkOutput(String inputKey) {
    this.key = checkNotNull(inputKey, "inputKey");
  }

  /**
   * Checks a sink's file path and returns its normalised form relative to the output.
   *
   * @param file the path the sink gave
   * @return the relative path, {@code /}-separated
   * @throws IllegalArgumentException if the path leaves the output or is reserved
   */
  protected abstract String relative(String file);

  /**
   * Sets the position of the output item about to be written (see {@link #index()}).
   *
   * @param i zero or more
   */
  public final void index(int i) {
    this.index = i;
  }

  /**
   * The lines written so far, by relative file, in order.
   *
   * @return a read-only view
   */
  public final Map<String, List<String>> lines() {
    return Collections.unmodifiableMap(lines);
  }

  /**
   * The counters added so far, by group and key.
   *
   * @return a read-only view
   */
  public final Map<String, Map<String, Long>> counts() {
    return Collections.unmodifiableMap(counts);
  }

  @Override
  public final String inputKey() {
    return key;
  }

  @Override
  public final int index() {
    return index;
  }

  @Override
  public final void appendLine(String file, String line) {
    checkNotNull(line, "line");
    checkArgument(line.indexOf('\n') < 0 && line.indexOf('\r') < 0,
        "A line for '%s' contains a line break; write one record per line.", file);
    lines.computeIfAbsent(relative(file), k -> new ArrayList<>()).add(line);
  }

  @Override
  public final void count(String group, String counter, long delta) {
    checkNotNull(group, "group");
    checkNotNull(counter, "counter");
    counts.computeIfAbsent(group, g -> new TreeMap<>()).merge(counter, delta, Long::sum);
  }
}
