package dev.pvit.bench.pbench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pvit.face.GalleryCalibration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Renders a {@link DistanceReport} into the three pbench reports: typed JSON, a Markdown table with
 * text bars and an inline SVG histogram for HTML (no scripts, no external resources). Used by {@link
 * ReportWriter}.
 */
final class DistanceReportWriter {
  static final String DISTANCE_EXPLAINED = "Distance: the mean Euclidean distance between a face's 128-d "
      + "descriptor and a person's reference descriptors, the statistic the gallery decides with. Calibration: "
      + "the gallery's own distances that the decision rule was derived from (each reference photo against the "
      + "same person's other photos, leave-one-out, and against every other person's; plus the stranger cohort, "
      + "if any). Evaluation: the faces detected in the scenes, labelled by the face set's ground truth: a face "
      + "against every registered person its scene's labels leave out is an impostor; a face tied to its "
      + "labelled person (by left-to-right position, only where that is unambiguous) is genuine against that "
      + "person and an impostor against everyone else. FAR and FRR are at the gallery-wide threshold (accepted "
      + "when the distance is below it), the one marked in the histograms; they do not model the margin test, "
      + "the stricter rule for small faces or the one-to-one assignment in a scene. Margin: closest impostor "
      + "minus farthest accepted genuine (negative when they overlap). Intervals are Wilson 95% score intervals.";

  private static final int BAR_CHARS = 24;
  /** How many of the closest impostor and farthest genuine comparisons are listed. */
  static final int LISTED = 5;

  private DistanceReportWriter() {}

  static void json(ObjectNode n, DistanceReport r) {
    GalleryCalibration g = r.gallery();
    n.put("distance", "mean Euclidean distance between a face's descriptor and a person's reference descriptors");
    ObjectNode op = n.putObject("operatingPoint");
    op.put("threshold", ReportWriter.round4(r.threshold()));
    op.put("thresholdScope", "gallery-wide");
    number(op, "targetFalseAcceptRate", g.targetFalseAcceptRate());
    op.put("calibrated", g.calibrated());
    number(op, "modelledFalseAcceptRate", g.modelledFalseAcceptRate());
    number(op, "galleryEstimatedFalseRejectRate", g.estimatedFalseRejectRate());
    op.put("personThresholdsDiffer", r.personThresholdsDiffer());
    number(op, "personThresholdMin", min(g.thresholds().values()));
    number(op, "personThresholdMax", max(g.thresholds().values()));
    ObjectNode people = op.putObject("personThresholds");
    g.thresholds().forEach((name, t) -> people.put(name, ReportWriter.round4(t)));
    op.put("cohortSize", g.cohortSize());

    ObjectNode cal = n.putObject("calibration");
    rates(cal, r.calibrationRates());
    histogram(cal.putObject("histogram"), r.calibrationHistogram(), r.threshold());

    SceneDistances s = r.scenes();
    ObjectNode eval = n.putObject("evaluation");
    rates(eval, r.evaluationRates());
    rates(eval.putObject("atPersonThresholds"), r.evaluationRatesPerPerson());
    eval.put("faces", s.faces());
    eval.put("tiedFaces", s.tiedFaces());
    s.tiedScenes().forEach(eval.putArray("tiedScenes")::add);
    ObjectNode untied = eval.putObject("untiedScenes");
    s.untiedScenes().forEach(untied::put);
    entries(eval.putArray("closestImpostors"), s.closestImpostors(LISTED));
    entries(eval.putArray("farthestGenuine"), s.farthestGenuine(LISTED));
    histogram(eval.putObject("histogram"), r.evaluationHistogram(), r.threshold());
  }

  private static void entries(ArrayNode a, List<SceneDistances.Entry> entries) {
    for (SceneDistances.Entry e : entries) {
      ObjectNode n = a.addObject().put("scene", e.scene()).put("face", e.face())
          .put("faceWidth", Math.round(e.faceWidth()));
      e.labelledAs().ifPresent(l -> n.put("labelledAs", l));
      n.put("person", e.person()).put("distance", ReportWriter.round4(e.distance()));
    }
  }

  private static void rates(ObjectNode n, ErrorRates e) {
    n.put("genuine", e.falseRejects().total());
    n.put("impostor", e.falseAccepts().total());
    tally(n.putObject("falseAcceptRate"), e.falseAccepts());
    tally(n.putObject("falseRejectRate"), e.falseRejects());
    optional(n, "farthestAcceptedGenuine", e.farthestAcceptedGenuine());
    optional(n, "closestImpostor", e.closestImpostor());
    optional(n, "margin", e.margin());
  }

  private static void tally(ObjectNode n, Tally t) {
    n.put("count", t.correct());
    n.put("n", t.total());
    number(n, "rate", t.total() == 0 ? Double.NaN : t.accuracy());
    Interval ci = t.interval();
    n.putArray("ci95").add(ReportWriter.round4(ci.low())).add(ReportWriter.round4(ci.high()));
  }

  private static void histogram(ObjectNode n, DistanceHistogram h, double threshold) {
    n.put("binWidth", h.width());
    n.put("lower", 0.0);
    n.put("upper", h.upper());
    n.put("threshold", ReportWriter.round4(threshold));
    n.put("thresholdBin", h.binOf(threshold));
    var bins = n.putArray("bins");
    for (DistanceHistogram.Bin b : h.bins()) {
      bins.addObject().put("low", ReportWriter.round4(b.low())).put("high", ReportWriter.round4(b.high())).put("genuine", b.genuine())
          .put("impostor", b.impostor());
    }
    n.putObject("above").put("genuine", h.genuineAbove()).put("impostor", h.impostorAbove());
  }

  private static void number(ObjectNode n, String key, double v) {
    if (Double.isFinite(v)) {
      // Small rates (a modelled FAR of 5e-4) keep four significant digits, not four decimals.
      n.put(key, v < 0.01 && v > 0 ? Double.parseDouble(String.format(Locale.ROOT, "%.4g", v)) : ReportWriter.round4(v));
    } else {
      n.putNull(key);
    }
  }

  private static void optional(ObjectNode n, String key, OptionalDouble v) {
    number(n, key, v.orElse(Double.NaN));
  }

  static void markdown(StringBuilder b, DistanceReport r) {
    GalleryCalibration g = r.gallery();
    b.append("\n## Recognition: distances and error rates\n\n").append(DISTANCE_EXPLAINED).append("\n\n");
    b.append("| operating point | value |\n|---|---|\n");
    b.append("| gallery-wide threshold (rates and histograms) | ").append(fmt(r.threshold())).append(" |\n");
    b.append("| per-person thresholds | ").append(personThresholds(r)).append(" |\n");
    b.append("| target FAR per comparison | ")
        .append(Double.isNaN(g.targetFalseAcceptRate()) ? "none (fixed threshold)" : sci(g.targetFalseAcceptRate()))
        .append(g.calibrated() ? "" : " (not calibrated: default threshold)").append(" |\n");
    b.append("| modelled FAR at the threshold | ").append(sci(g.modelledFalseAcceptRate())).append(" |\n");
    b.append("| stranger cohort faces | ").append(g.cohortSize()).append(" |\n\n");
    b.append("| set | genuine | impostor | FAR | FAR 95% | FRR | FRR 95% | farthest accepted genuine | closest impostor | margin |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    b.append(rateRow("calibration (gallery), gallery-wide threshold", r.calibrationRates()));
    b.append(rateRow("evaluation (scenes), gallery-wide threshold", r.evaluationRates()));
    b.append(rateRow("evaluation (scenes), per-person thresholds", r.evaluationRatesPerPerson()));
    SceneDistances s = r.scenes();
    b.append("\nScenes: ").append(s.faces()).append(" faces detected; ").append(s.tiedFaces())
        .append(" tied to a labelled person in ").append(s.tiedScenes().size()).append(" scenes");
    if (s.untiedScenes().isEmpty()) {
      b.append(".\n");
    } else {
      b.append("; not tied (impostor distances only):\n\n");
      s.untiedScenes().forEach((k, v) -> b.append("- ").append(ReportWriter.mdCell(k)).append(": ")
          .append(ReportWriter.mdCell(v)).append('\n'));
    }
    mdEntries(b, "Closest impostor comparisons in the scenes", s.closestImpostors(LISTED));
    mdEntries(b, "Farthest genuine comparisons in the scenes", s.farthestGenuine(LISTED));
    mdHistogram(b, "Calibration distances", r.calibrationHistogram(), r.threshold());
    mdHistogram(b, "Evaluation distances", r.evaluationHistogram(), r.threshold());
  }

  private static void mdEntries(StringBuilder b, String title, List<SceneDistances.Entry> entries) {
    if (!entries.isEmpty()) {
      b.append('\n').append(title).append(":\n\n");
      entries.forEach(e -> b.append("- ").append(ReportWriter.mdCell(entry(e))).append('\n'));
    }
  }

  /**
   * One comparison in words, e.g. {@code 0.572: Ravi vs face 4 of scenes/bbt_promo.jpg (94 px wide,
   * labelled Wayan)}.
   */
  private static String entry(SceneDistances.Entry e) {
    return fmt(e.distance()) + ": " + e.person() + " vs face " + e.face() + " of " + e.scene() + " ("
        + Math.round(e.faceWidth()) + " px wide" + e.labelledAs().map(l -> ", labelled " + l).orElse("") + ")";
  }

  private static String rateRow(String label, ErrorRates e) {
    Tally fa = e.falseAccepts();
    Tally fr = e.falseRejects();
    return "| " + label + " | " + fr.total() + " | " + fa.total() + " | " + fa.correct() + " / " + fa.total() + " = "
        + fa.formatted() + " | " + fa.interval().formatted() + " | " + fr.correct() + " / " + fr.total() + " = "
        + fr.formatted() + " | " + fr.interval().formatted() + " | " + fmt(e.farthestAcceptedGenuine()) + " | "
        + fmt(e.closestImpostor()) + " | " + fmt(e.margin()) + " |\n";
  }

  private static String personThresholds(DistanceReport r) {
    Collection<Double> ts = r.gallery().thresholds().values();
    if (ts.isEmpty()) {
      return "none (empty gallery)";
    }
    if (!r.personThresholdsDiffer()) {
      return "all equal to the gallery-wide one";
    }
    long differ = ts.stream().filter(t -> Math.abs(t - r.threshold()) > 1e-9).count();
    return fmt(min(ts)) + " to " + fmt(max(ts)) + " (" + differ + " of " + ts.size()
        + " people differ from the gallery-wide one; see report.json)";
  }

  /**
   * A compact Markdown histogram: the bins from the first to the last non-empty one (and the
   * threshold's), text bars scaled per class, the threshold's bin marked.
   */
  static void mdHistogram(StringBuilder b, String title, DistanceHistogram h, double threshold) {
    b.append("\n### ").append(title).append(" (bins of ").append(fmt(h.width())).append(")\n\n");
    if (h.genuineTotal() + h.impostorTotal() == 0) {
      b.append("No distances.\n");
      return;
    }
    int tBin = h.binOf(threshold);
    int first = tBin;
    int last = Math.min(tBin, h.bins().size() - 1);
    for (int i = 0; i < h.bins().size(); i++) {
      DistanceHistogram.Bin bin = h.bins().get(i);
      if (bin.genuine() + bin.impostor() > 0) {
        first = Math.min(first, i);
        last = Math.max(last, i);
      }
    }
    int gMax = h.bins().stream().mapToInt(DistanceHistogram.Bin::genuine).max().orElse(0);
    int iMax = h.bins().stream().mapToInt(DistanceHistogram.Bin::impostor).max().orElse(0);
    b.append("| distance | genuine (").append(h.genuineTotal()).append(") | impostor (").append(h.impostorTotal())
        .append(") |\n|---|---|---|\n");
    for (int i = first; i <= last; i++) {
      DistanceHistogram.Bin bin = h.bins().get(i);
      String range = fmt(bin.low()) + "–" + fmt(bin.high());
      b.append("| ").append(i == tBin ? "**" + range + " ◀ threshold " + fmt(threshold) + "**" : range).append(" | ")
          .append(bar(bin.genuine(), gMax)).append(" | ").append(bar(bin.impostor(), iMax)).append(" |\n");
    }
    if (h.genuineAbove() + h.impostorAbove() > 0 || tBin == h.bins().size()) {
      b.append("| above ").append(fmt(h.upper())).append(tBin == h.bins().size() ? " ◀ threshold" : "").append(" | ")
          .append(h.genuineAbove()).append(" | ").append(h.impostorAbove()).append(" |\n");
    }
  }

  private static String bar(int count, int max) {
    if (count == 0) {
      return "";
    }
    int chars = Math.max(1, (int) Math.round(BAR_CHARS * count / (double) max));
    return "█".repeat(chars) + " " + count;
  }

  static void html(StringBuilder b, DistanceReport r) {
    GalleryCalibration g = r.gallery();
    b.append("<h2>Recognition: distances and error rates</h2>\n<p>").append(ReportWriter.esc(DISTANCE_EXPLAINED))
        .append("</p>\n<dl>\n");
    dd(b, "gallery-wide threshold (rates and histograms)", fmt(r.threshold()));
    dd(b, "per-person thresholds", personThresholds(r));
    dd(b, "target FAR per comparison",
        Double.isNaN(g.targetFalseAcceptRate()) ? "none (fixed threshold)" : sci(g.targetFalseAcceptRate()));
    dd(b, "modelled FAR at the threshold", sci(g.modelledFalseAcceptRate()));
    dd(b, "stranger cohort faces", String.valueOf(g.cohortSize()));
    b.append("</dl>\n<table><tr><th>set</th><th>genuine</th><th>impostor</th><th>FAR</th><th>FAR 95%</th>")
        .append("<th>FRR</th><th>FRR 95%</th><th>farthest accepted genuine</th><th>closest impostor</th>")
        .append("<th>margin</th></tr>\n");
    htmlRow(b, "calibration (gallery), gallery-wide threshold", r.calibrationRates());
    htmlRow(b, "evaluation (scenes), gallery-wide threshold", r.evaluationRates());
    htmlRow(b, "evaluation (scenes), per-person thresholds", r.evaluationRatesPerPerson());
    b.append("</table>\n<h3>Calibration distances</h3>\n")
        .append(svg("Calibration distances (gallery)", r.calibrationHistogram(), r.threshold()))
        .append("<h3>Evaluation distances</h3>\n")
        .append(svg("Evaluation distances (scenes)", r.evaluationHistogram(), r.threshold()));
    SceneDistances s = r.scenes();
    b.append("<p>").append(s.faces()).append(" faces detected; ").append(s.tiedFaces()).append(" tied to a labelled person in ")
        .append(s.tiedScenes().size()).append(" scenes.</p>\n");
    if (!s.untiedScenes().isEmpty()) {
      b.append("<details><summary>").append(s.untiedScenes().size())
          .append(" scenes not tied (impostor distances only)</summary>\n<ul>\n");
      s.untiedScenes().forEach((k, v) -> b.append("<li>").append(ReportWriter.esc(k)).append(": ")
          .append(ReportWriter.esc(v)).append("</li>\n"));
      b.append("</ul>\n</details>\n");
    }
    htmlEntries(b, "Closest impostor comparisons in the scenes", s.closestImpostors(LISTED));
    htmlEntries(b, "Farthest genuine comparisons in the scenes", s.farthestGenuine(LISTED));
  }

  private static void htmlEntries(StringBuilder b, String title, List<SceneDistances.Entry> entries) {
    if (!entries.isEmpty()) {
      b.append("<p>").append(ReportWriter.esc(title)).append(":</p>\n<ul>\n");
      entries.forEach(e -> b.append("<li>").append(ReportWriter.esc(entry(e))).append("</li>\n"));
      b.append("</ul>\n");
    }
  }

  private static void dd(StringBuilder b, String k, String v) {
    b.append("<dt>").append(ReportWriter.esc(k)).append("</dt><dd>").append(ReportWriter.esc(v)).append("</dd>\n");
  }

  private static void htmlRow(StringBuilder b, String label, ErrorRates e) {
    Tally fa = e.falseAccepts();
    Tally fr = e.falseRejects();
    b.append("<tr><td>").append(ReportWriter.esc(label)).append("</td><td class=\"n\">").append(fr.total())
        .append("</td><td class=\"n\">").append(fa.total()).append("</td><td class=\"n\">").append(fa.correct())
        .append(" / ").append(fa.total()).append(" = ").append(fa.formatted()).append("</td><td class=\"n\">")
        .append(fa.interval().formatted()).append("</td><td class=\"n\">").append(fr.correct()).append(" / ")
        .append(fr.total()).append(" = ").append(fr.formatted()).append("</td><td class=\"n\">")
        .append(fr.interval().formatted()).append("</td><td class=\"n\">").append(fmt(e.farthestAcceptedGenuine()))
        .append("</td><td class=\"n\">").append(fmt(e.closestImpostor())).append("</td><td class=\"n\">")
        .append(fmt(e.margin())).append("</td></tr>\n");
  }

  /**
   * An inline SVG histogram: per bin a genuine bar (left half) and an impostor bar (right half),
   * each class as its share of that class (the classes differ in size by orders of magnitude), and
   * a labelled vertical line at the threshold. Every bar has a tooltip with its counts.
   */
  static String svg(String title, DistanceHistogram h, double threshold) {
    int left = 56;
    int plot = 720;
    int top = 28;
    int plotHeight = 180;
    int width = left + plot + 24;
    int height = top + plotHeight + 48;
    int gTotal = h.genuineTotal();
    int iTotal = h.impostorTotal();
    double maxShare = 0;
    for (DistanceHistogram.Bin bin : h.bins()) {
      maxShare = Math.max(maxShare, Math.max(share(bin.genuine(), gTotal), share(bin.impostor(), iTotal)));
    }
    double upper = h.upper();
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            + "font-family=\"sans-serif\" font-size=\"12\">\n<title>%s: genuine %d, impostor %d, threshold %s</title>\n",
        width, height, width, height, ReportWriter.esc(title), gTotal, iTotal, fmt(threshold)));
    int axisY = top + plotHeight;
    b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#57606a\"/>\n",
        left, axisY, left + plot, axisY));
    for (int tick = 0; tick * 0.1 <= upper + 1e-9; tick++) {
      double x = left + plot * (tick * 0.1) / upper;
      b.append(String.format(Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#57606a\"/>"
              + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#57606a\">%.1f</text>\n",
          x, axisY, x, axisY + 4, x, axisY + 17, tick * 0.1));
    }
    b.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#57606a\">distance (bins of %s)</text>\n"
            + "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" fill=\"#57606a\" transform=\"rotate(-90 14 %d)\">"
            + "share of class</text>\n",
        left + plot / 2, axisY + 36, fmt(h.width()), top + plotHeight / 2, top + plotHeight / 2));
    if (maxShare > 0) {
      for (DistanceHistogram.Bin bin : h.bins()) {
        double x0 = left + plot * bin.low() / upper;
        double half = plot * (bin.high() - bin.low()) / upper / 2;
        svgBar(b, x0, half, share(bin.genuine(), gTotal) / maxShare * plotHeight, axisY, "#0969da",
            "genuine " + fmt(bin.low()) + "–" + fmt(bin.high()) + ": " + bin.genuine() + " of " + gTotal);
        svgBar(b, x0 + half, half, share(bin.impostor(), iTotal) / maxShare * plotHeight, axisY, "#bc4c00",
            "impostor " + fmt(bin.low()) + "–" + fmt(bin.high()) + ": " + bin.impostor() + " of " + iTotal);
      }
    }
    double tx = left + plot * Math.min(threshold, upper) / upper;
    b.append(String.format(Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#cf222e\" stroke-width=\"2\" "
            + "stroke-dasharray=\"5 3\" class=\"threshold\"/>"
            + "<text x=\"%.1f\" y=\"%d\" fill=\"#cf222e\">threshold %s (gallery-wide)</text>\n",
        tx, top - 8, tx, axisY, tx + 4, top - 4, fmt(threshold)));
    b.append(String.format(Locale.ROOT,
        "<rect x=\"%d\" y=\"4\" width=\"10\" height=\"10\" fill=\"#0969da\"/><text x=\"%d\" y=\"13\">genuine (%d)</text>"
            + "<rect x=\"%d\" y=\"4\" width=\"10\" height=\"10\" fill=\"#bc4c00\"/><text x=\"%d\" y=\"13\">impostor (%d)</text>\n",
        left + 8, left + 22, gTotal, left + 118, left + 132, iTotal));
    if (h.genuineAbove() + h.impostorAbove() > 0) {
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#57606a\">"
          + "above %s: genuine %d, impostor %d</text>\n", left + plot, top + 14, fmt(upper), h.genuineAbove(),
          h.impostorAbove()));
    }
    b.append("</svg>\n");
    return b.toString();
  }

  private static void svgBar(StringBuilder b, double x, double w, double h, int axisY, String colour, String tip) {
    if (h > 0) {
      b.append(String.format(Locale.ROOT,
          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>\n",
          x, axisY - h, w, h, colour, ReportWriter.esc(tip)));
    }
  }

  private static double share(int count, int total) {
    return total == 0 ? 0 : count / (double) total;
  }

  private static double min(Collection<Double> vs) {
    return vs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  private static double max(Collection<Double> vs) {
    return vs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  private static String fmt(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
  }

  private static String fmt(OptionalDouble v) {
    return v.isPresent() ? fmt(v.getAsDouble()) : "n/a";
  }

  private static String sci(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1e", v) : "n/a";
  }
}
