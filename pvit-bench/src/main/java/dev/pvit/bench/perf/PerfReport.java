package dev.pvit.bench.perf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The perf tables: every benchmark with throughput and the ratio to the JavaScript reference, and
 * how gallery matching grows with the gallery size.
 *
 * @param rows results in run order
 * @param settings run settings and machine facts in display order
 * @param baseline the JavaScript reference run
 */
public record PerfReport(List<PerfRow> rows, Map<String, String> settings, JsBaseline.Result baseline) {
  /** Copies the parts. */
  public PerfReport {
    rows = List.copyOf(rows);
    settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /**
   * The main table as plain text, one row per benchmark.
   *
   * @return the table
   */
  public String table() {
    StringBuilder b = new StringBuilder();
    String fmt = "%-32s %-20s %12s %10s %16s %11s %9s%n";
    b.append(String.format(Locale.ROOT, fmt, "benchmark", "params", "ms/op", "± (99.9%)", "throughput", "JS ms/op",
        "vs JS"));
    for (PerfRow r : rows) {
      b.append(String.format(Locale.ROOT, fmt, r.group() + "." + r.benchmark(), r.params(), ms(r.millis()),
          Double.isNaN(r.error()) ? "-" : ms(r.error()), throughput(r), r.js().map(PerfReport::ms).orElse("-"),
          r.speedup().map(s -> String.format(Locale.ROOT, "%.2fx", s)).orElse("-")));
    }
    return b.toString();
  }

  /**
   * The gallery-size table: match time per size for both algorithms and the growth per size step.
   *
   * @return plain-text table, empty if no gallery benchmark ran
   */
  public String galleryTable() {
    Map<String, Map<String, Double>> bySize = gallery();
    if (bySize.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    String fmt = "%-12s %14s %18s %12s%n";
    b.append(String.format(Locale.ROOT, fmt, "descriptors", "match ms", "object loop ms", "match growth"));
    Double previous = null;
    for (Map.Entry<String, Map<String, Double>> e : bySize.entrySet()) {
      Double m = e.getValue().get("match");
      Double o = e.getValue().get("matchObjectLoop");
      b.append(String.format(Locale.ROOT, fmt, e.getKey(), m == null ? "-" : ms(m), o == null ? "-" : ms(o),
          previous == null || m == null ? "-" : String.format(Locale.ROOT, "x%.1f", m / previous)));
      previous = m;
    }
    return b.toString();
  }

  private Map<String, Map<String, Double>> gallery() {
    Map<String, Map<String, Double>> bySize = new LinkedHashMap<>();
    for (PerfRow r : rows) {
      if (r.group().equals("Gallery")) {
        String size = r.params().replace("descriptors=", "");
        bySize.computeIfAbsent(size, k -> new LinkedHashMap<>()).put(r.benchmark(), r.millis());
      }
    }
    return bySize;
  }

  /**
   * The whole report as Markdown ({@code perf.md}).
   *
   * @return Markdown
   */
  public String markdown() {
    StringBuilder b = new StringBuilder("# pvit-bench perf\n\n");
    settings.forEach((k, v) -> b.append("- ").append(k).append(": ").append(v).append('\n'));
    b.append("- JavaScript reference: ").append(baseline.available() ? baseline.reason() : "not run (" + baseline.reason() + ")")
        .append("\n\n");
    b.append("| benchmark | params | ms/op | ± (99.9%) | throughput | JS ms/op | speed vs JS |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|\n");
    for (PerfRow r : rows) {
      b.append("| ").append(r.group()).append('.').append(r.benchmark()).append(" | ").append(r.params()).append(" | ")
          .append(ms(r.millis())).append(" | ").append(Double.isNaN(r.error()) ? "-" : ms(r.error())).append(" | ")
          .append(throughput(r)).append(" | ").append(r.js().map(PerfReport::ms).orElse("-")).append(" | ")
          .append(r.speedup().map(s -> String.format(Locale.ROOT, "%.2fx", s)).orElse("-")).append(" |\n");
    }
    Map<String, Map<String, Double>> bySize = gallery();
    if (!bySize.isEmpty()) {
      b.append("\n## Gallery matching by gallery size\n\n| enrolled descriptors | FaceGallery.match ms | object loop + full sort ms | match growth |\n|---:|---:|---:|---:|\n");
      Double previous = null;
      for (Map.Entry<String, Map<String, Double>> e : bySize.entrySet()) {
        Double m = e.getValue().get("match");
        Double o = e.getValue().get("matchObjectLoop");
        b.append("| ").append(e.getKey()).append(" | ").append(m == null ? "-" : ms(m)).append(" | ")
            .append(o == null ? "-" : ms(o)).append(" | ")
            .append(previous == null || m == null ? "-" : String.format(Locale.ROOT, "x%.1f", m / previous)).append(" |\n");
        previous = m;
      }
    }
    b.append("\nSpeed vs JS is the reference's time divided by ours (above 1 = faster than face-api on WASM). "
        + "Net rows are forward passes on random inputs of the same shapes in both; the 5-face row is the whole "
        + "reference pipeline at 608 on the same JPEG, decoding included. Timings on a shared machine are noisy.\n");
    return b.toString();
  }

  /**
   * Formats milliseconds with precision that suits the magnitude.
   *
   * @param v milliseconds
   * @return e.g. {@code 0.0012}, {@code 3.45}, {@code 1234}
   */
  static String ms(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (v >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (v >= 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static String throughput(PerfRow r) {
    double s = r.perSecond();
    String n = s >= 100 ? String.format(Locale.ROOT, "%,.0f", s) : String.format(Locale.ROOT, "%.1f", s);
    return n + " " + r.per() + "/s";
  }

  /**
   * Attaches the JavaScript timings to the rows of the same name.
   *
   * @param rows benchmark rows
   * @param js the reference timings by benchmark name
   * @return rows with {@link PerfRow#js()} filled where measured
   */
  public static List<PerfRow> withBaseline(List<PerfRow> rows, Map<String, Double> js) {
    List<PerfRow> out = new ArrayList<>(rows.size());
    for (PerfRow r : rows) {
      Optional<Double> j = Optional.ofNullable(js.get(r.benchmark()));
      out.add(new PerfRow(r.benchmark(), r.group(), r.params(), r.millis(), r.error(), r.per(), j));
    }
    return out;
  }
}
