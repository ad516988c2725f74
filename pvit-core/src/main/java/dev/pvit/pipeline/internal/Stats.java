package dev.pvit.pipeline.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Totals over all committed inputs of an output folder; rendered sorted so it is deterministic. */
public final class Stats {
  private long ok;
  private long rejected;
  private long outputs;
  private final TreeMap<String, TreeMap<String, Long>> groups = new TreeMap<>();

  void add(boolean isOk, long outputCount, Map<String, ? extends Map<String, Long>> counts) {
    if (isOk) {
      ok++;
    } else {
      rejected++;
    }
    outputs += outputCount;
    counts.forEach((g, m) -> {
      TreeMap<String, Long> target = groups.computeIfAbsent(g, k -> new TreeMap<>());
      m.forEach((k, v) -> target.merge(k, v, Long::sum));
    });
  }

  /**
   * Inputs finished without rejection.
   *
   * @return the count
   */
  public long ok() {
    return ok;
  }

  /**
   * Inputs rejected.
   *
   * @return the count
   */
  public long rejected() {
    return rejected;
  }

  /**
   * Items written.
   *
   * @return the count
   */
  public long outputs() {
    return outputs;
  }

  /**
   * The content of {@code stats.json}.
   *
   * @return an ordered map
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("inputs", ok + rejected);
    m.put("ok", ok);
    m.put("rejected", rejected);
    m.put("outputs", outputs);
    m.put("groups", groups);
    return m;
  }
}
