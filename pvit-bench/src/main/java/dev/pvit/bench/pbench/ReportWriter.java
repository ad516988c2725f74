package dev.pvit.bench.pbench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link Report} as {@code report.json} (all numbers and every question), {@code
 * report.md} (tables) and {@code report.html} (tables and inline-SVG bar charts; self-contained, no
 * scripts, no external resources).
 *
 * <pre>{@code
 * ReportWriter.writeAll(report, Path.of("report.json"));   // also report.md and report.html
 * }</pre>
 */
public final class ReportWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportWriter() {}

  /**
   * Where the JSON report goes, checked before a run that takes minutes: an existing folder gets
   * {@code report.json} inside it, and the folder that will hold the reports is created now, so a
   * location that cannot be written fails at once instead of after the run.
   *
   * @param out the {@code --out} value: a JSON file or an existing folder
   * @return the JSON file to pass to {@link #writeAll}
   * @throws UncheckedIOException if the folder cannot be created
   */
  public static Path target(Path out) {
    Path json = Files.isDirectory(out) ? out.resolve("report.json") : out;
    Path dir = json.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the report folder '" + dir + "': " + e.getMessage(), e);
    }
    if (!Files.isWritable(dir)) {
      throw new UncheckedIOException("Cannot write the report into '" + dir + "': the folder is not writable",
          new IOException(dir + " is not writable"));
    }
    return json;
  }

  /**
   * Writes the JSON report and, next to it with the same base name, the Markdown and HTML reports.
   *
   * @param report the report
   * @param json the JSON file, e.g. {@code report.json}
   * @return the three files written (JSON, Markdown, HTML)
   * @throws UncheckedIOException if a file cannot be written
   */
  public static List<Path> writeAll(Report report, Path json) {
    String base = json.getFileName().toString().replaceFirst("\\.json$", "");
    Path dir = json.toAbsolutePath().getParent();
    Path md = dir.resolve(base + ".md");
    Path html = dir.resolve(base + ".html");
    try {
      Files.createDirectories(dir);
      Files.writeString(json, json(report), StandardCharsets.UTF_8);
      Files.writeString(md, markdown(report), StandardCharsets.UTF_8);
      Files.writeString(html, html(report), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the report next to '" + json + "': " + e.getMessage(), e);
    }
    return List.of(json, md, html);
  }

  /**
   * The JSON report.
   *
   * @param r the report
   * @return pretty-printed JSON
   */
  public static String json(Report r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("title", r.title());
    ObjectNode settings = root.putObject("settings");
    r.settings().forEach((k, v) -> {
      if (v instanceof Boolean b) {
        settings.put(k, b);
      } else if (v instanceof Integer || v instanceof Long) {
        settings.put(k, ((Number) v).longValue());
      } else if (v instanceof Number n) {
        settings.put(k, n.doubleValue());
      } else {
        settings.put(k, v.toString());
      }
    });
    Scores s = r.scores();
    ObjectNode summary = root.putObject("summary");
    summary.put("questions", r.judgements().size());
    outcomes(summary.putObject("answerable"), s.answerable());
    outcomes(summary.putObject("unanswerable"), s.unanswerable());
    outcomes(summary.putObject("all"), s.all());
    ObjectNode fa = summary.putObject("falseAcceptRate");
    fa.put("scenes", s.falseAcceptScenes().total());
    fa.put("scenesWithFalseAccept", s.falseAcceptScenes().correct());
    fa.put("rate", s.falseAcceptScenes().accuracy());
    interval(fa.putArray("rateCi95"), s.falseAcceptScenes().interval());
    fa.put("questions", s.falseAcceptQuestions().total());
    fa.put("questionsWithFalseAccept", s.falseAcceptQuestions().correct());
    fa.put("questionRate", s.falseAcceptQuestions().accuracy());
    outcomes(summary.putObject("description"), s.description());
    ObjectNode categories = root.putObject("categories");
    s.categories().forEach((k, v) -> outcomes(categories.putObject(k), v));
    ObjectNode buckets = root.putObject("byRegisteredPeople");
    s.byRegisteredPeople().forEach((k, v) -> outcomes(buckets.putObject(k), v));
    if (!s.groups().isEmpty()) {
      ObjectNode groups = root.putObject("groups");
      s.groups().forEach((k, v) -> outcomes(groups.putObject(k), v));
    }
    r.distances().ifPresent(d -> DistanceReportWriter.json(root.putObject("recognition"), d));
    ArrayNode notes = root.putArray("notes");
    r.notes().forEach(notes::add);
    ArrayNode questions = root.putArray("questions");
    for (Judgement j : r.judgements()) {
      Question q = j.question();
      ObjectNode n = questions.addObject();
      n.put("id", q.id());
      n.put("category", q.category().label());
      n.put("scene", q.scene());
      n.put("registeredInScene", q.registeredInScene());
      n.put("question", q.text());
      if (!q.options().isEmpty()) {
        ArrayNode o = n.putArray("options");
        q.options().forEach(o::add);
      }
      n.put("expected", q.expected());
      n.put("given", j.given());
      n.put("outcome", j.outcome().name().toLowerCase(Locale.ROOT));
      n.put("correct", j.correct());
      if (q.registeredInScene() == 0) {
        n.put("falseAccept", j.falseAccept());
      }
      n.put("answer", j.answer());
      n.put("answerKind", j.answerKind());
      n.put("millis", j.millis());
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void outcomes(ObjectNode n, Outcomes o) {
    n.put("correct", o.correct());
    n.put("wrong", o.wrong());
    n.put("abstained", o.abstained());
    n.put("total", o.total());
    n.put("accuracy", round4(o.accuracy()));
    n.put("wrongRate", round4(o.wrongRate()));
    n.put("abstainedRate", round4(o.abstainedRate()));
    interval(n.putArray("accuracyCi95"), o.accuracyInterval());
    interval(n.putArray("wrongRateCi95"), o.wrongInterval());
    n.put("fewQuestions", few(o));
  }

  private static void interval(ArrayNode a, Interval i) {
    a.add(round4(i.low()));
    a.add(round4(i.high()));
  }

  /**
   * Groups with fewer questions than this are flagged in the reports: their 95% interval is wider
   * than about ±0.2, so the point value says little.
   */
  static final int FEW_QUESTIONS = 20;

  private static boolean few(Outcomes o) {
    return o.total() < FEW_QUESTIONS;
  }

  static double round4(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  /**
   * The Markdown report: settings, summary, per-category and per-people-count tables, the
   * recognition section (if any), wrong answers.
   *
   * @param r the report
   * @return Markdown
   */
  public static String markdown(Report r) {
    Scores s = r.scores();
    StringBuilder b = new StringBuilder();
    b.append("# ").append(r.title()).append("\n\n");
    r.settings().forEach((k, v) -> b.append("- ").append(k).append(": ").append(mdCell(String.valueOf(v))).append('\n'));
    b.append("\n## Summary\n\n").append(OUTCOMES_EXPLAINED).append("\n\n").append(OUTCOME_HEADER);
    b.append(row("answerable", s.answerable()));
    b.append(row("unanswerable (refusals)", s.unanswerable()));
    b.append(row("all questions", s.all()));
    if (s.description().total() > 0) {
      b.append(row("description (keyword, reported apart)", s.description()));
    }
    b.append("\n| false accepts | with / total | rate |\n|---|---:|---:|\n");
    b.append(row("scenes with nobody registered", s.falseAcceptScenes()));
    b.append(row("questions on those scenes", s.falseAcceptQuestions()));
    b.append("\n## Per category\n\n").append(OUTCOME_HEADER);
    s.categories().forEach((k, v) -> b.append(row(k, v)));
    b.append("\n## By registered people in the scene\n\n").append(OUTCOME_HEADER);
    s.byRegisteredPeople().forEach((k, v) -> b.append(row(k, v)));
    if (!s.groups().isEmpty()) {
      b.append("\n## Per group\n\n").append(OUTCOME_HEADER);
      s.groups().forEach((k, v) -> b.append(row(k, v)));
    }
    r.distances().ifPresent(d -> DistanceReportWriter.markdown(b, d));
    if (!r.notes().isEmpty()) {
      b.append("\n## Notes\n\n");
      r.notes().forEach(n -> b.append("- ").append(n).append('\n'));
    }
    for (Outcome o : List.of(Outcome.WRONG, Outcome.ABSTAINED)) {
      List<Judgement> js = r.judgements().stream().filter(j -> j.outcome() == o).toList();
      b.append("\n## ").append(o == Outcome.WRONG ? "Wrong" : "Abstained").append(" (").append(js.size()).append(")\n\n");
      mdQuestions(b, js);
    }
    return b.toString();
  }

  private static final String OUTCOME_HEADER =
      "| | correct | wrong | abstained | total | accuracy | 95% interval | wrong rate | abstained rate |\n"
          + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";

  private static final String OUTCOMES_EXPLAINED = "Every answer is correct, wrong (a confident answer the photo "
      + "contradicts: a wrong yes/no, names, count or refusal family, a refusal where an answer was due or an answer "
      + "where a refusal was due) or abstained (a typed abstention such as NEEDS_VISION_MODEL that states nothing "
      + "false). Accuracy counts abstentions as not correct; wrong is the number to keep at zero. Intervals are "
      + "Wilson 95% score intervals; ⚑ marks groups with fewer than " + FEW_QUESTIONS + " questions, whose "
      + "point values say little.";

  private static void mdQuestions(StringBuilder b, List<Judgement> js) {
    if (!js.isEmpty()) {
      b.append("| id | category | scene | question | expected | given | answer |\n|---|---|---|---|---|---|---|\n");
      for (Judgement j : js) {
        Question q = j.question();
        b.append("| ").append(q.id()).append(" | ").append(q.category().label()).append(" | ")
            .append(mdCell(q.scene())).append(" | ").append(mdCell(q.text())).append(" | ")
            .append(mdCell(q.expected())).append(" | ").append(mdCell(j.given())).append(" | ")
            .append(mdCell(j.answer())).append(" |\n");
      }
    }
  }

  private static String row(String label, Tally t) {
    return "| " + mdCell(label) + " | " + t.correct() + " / " + t.total() + " | " + t.formatted() + " "
        + t.interval().formatted() + " |\n";
  }

  private static String row(String label, Outcomes o) {
    return "| " + mdCell(label) + (few(o) ? " ⚑" : "") + " | " + o.correct() + " | " + o.wrong() + " | " + o.abstained()
        + " | " + o.total() + " | " + o.format(o.accuracy()) + " | " + o.accuracyInterval().formatted() + " | "
        + o.format(o.wrongRate()) + " | " + o.format(o.abstainedRate()) + " |\n";
  }

  static String mdCell(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\r", " ").replace("\n", " ");
  }

  /**
   * The HTML report: summary, one bar chart of accuracy per category and one by registered-people
   * count (inline SVG), the recognition section with its distance histograms (inline SVG, if any),
   * and the question tables. No scripts and no external resources.
   *
   * @param r the report
   * @return a complete HTML document
   */
  public static String html(Report r) {
    Scores s = r.scores();
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(esc(r.title())).append("</title>\n<style>\n")
        .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:1100px;color:#1b1f24;padding:0 1rem}\n")
        .append("h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}\n")
        .append("table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}\n")
        .append("th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;vertical-align:top}\n")
        .append("td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f6f8fa}\n")
        .append(".big{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #d0d7de;border-radius:6px;padding:.8rem 1.2rem;min-width:180px}\n")
        .append(".card b{display:block;font-size:1.6rem}.ok{color:#1a7f37}.bad{color:#cf222e}\n")
        .append("dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{color:#57606a}dd{margin:0}\n")
        .append("</style>\n</head>\n<body>\n<h1>").append(esc(r.title())).append("</h1>\n<dl>\n");
    r.settings().forEach((k, v) -> b.append("<dt>").append(esc(k)).append("</dt><dd>").append(esc(String.valueOf(v)))
        .append("</dd>\n"));
    b.append("</dl>\n<div class=\"big\">\n");
    card(b, "answerable accuracy", s.answerable().format(s.answerable().accuracy()),
        s.answerable().correct() + " / " + s.answerable().total() + " " + s.answerable().accuracyInterval().formatted());
    card(b, "unanswerable accuracy", s.unanswerable().format(s.unanswerable().accuracy()),
        s.unanswerable().correct() + " / " + s.unanswerable().total() + " "
            + s.unanswerable().accuracyInterval().formatted());
    card(b, "wrong (all questions)", s.all().format(s.all().wrongRate()), s.all().wrong() + " / " + s.all().total());
    card(b, "abstained (all questions)", s.all().format(s.all().abstainedRate()),
        s.all().abstained() + " / " + s.all().total());
    card(b, "false-accept rate (empty scenes)", s.falseAcceptScenes().formatted(),
        s.falseAcceptScenes().correct() + " / " + s.falseAcceptScenes().total());
    if (s.description().total() > 0) {
      card(b, "description (keyword)", s.description().format(s.description().accuracy()),
          s.description().correct() + " / " + s.description().total());
    }
    b.append("<div class=\"card\">questions<b>").append(r.judgements().size()).append("</b></div>\n</div>\n");
    b.append("<p>").append(esc(OUTCOMES_EXPLAINED)).append(" Bars: correct (green), wrong (red), abstained (grey).</p>\n");
    b.append("<h2>Per category</h2>\n").append(barChart("Outcomes per category", s.categories()));
    b.append("<h2>By registered people in the scene</h2>\n")
        .append(barChart("Outcomes by registered people in the scene", s.byRegisteredPeople()));
    if (!s.groups().isEmpty()) {
      b.append("<h2>Per group</h2>\n").append(barChart("Outcomes per group", s.groups()));
    }
    b.append("<h2>Tables</h2>\n");
    htmlTable(b, "category", s.categories());
    htmlTable(b, "registered people", s.byRegisteredPeople());
    if (!s.groups().isEmpty()) {
      htmlTable(b, "group", s.groups());
    }
    r.distances().ifPresent(d -> DistanceReportWriter.html(b, d));
    if (!r.notes().isEmpty()) {
      b.append("<h2>Notes</h2>\n<ul>\n");
      r.notes().forEach(n -> b.append("<li>").append(esc(n)).append("</li>\n"));
      b.append("</ul>\n");
    }
    for (Outcome o : List.of(Outcome.WRONG, Outcome.ABSTAINED)) {
      List<Judgement> js = r.judgements().stream().filter(j -> j.outcome() == o).toList();
      b.append("<h2>").append(o == Outcome.WRONG ? "Wrong" : "Abstained").append(" (").append(js.size()).append(")</h2>\n");
      questionTable(b, js);
    }
    b.append("<details><summary>All ").append(r.judgements().size()).append(" questions</summary>\n");
    questionTable(b, r.judgements());
    b.append("</details>\n</body>\n</html>\n");
    return b.toString();
  }

  private static void card(StringBuilder b, String label, String value, String counts) {
    b.append("<div class=\"card\">").append(esc(label)).append("<b>").append(value).append("</b>")
        .append(esc(counts)).append("</div>\n");
  }

  private static void htmlTable(StringBuilder b, String what, Map<String, Outcomes> rows) {
    b.append("<table><tr><th>").append(esc(what)).append("</th><th>correct</th><th>wrong</th><th>abstained</th>")
        .append("<th>total</th><th>accuracy</th><th>95% interval</th><th>wrong rate</th><th>abstained rate</th></tr>\n");
    rows.forEach((k, v) -> b.append("<tr><td>").append(esc(k)).append(few(v) ? " ⚑" : "").append("</td><td class=\"n\">")
        .append(v.correct())
        .append("</td><td class=\"n\">").append(v.wrong()).append("</td><td class=\"n\">").append(v.abstained())
        .append("</td><td class=\"n\">").append(v.total()).append("</td><td class=\"n\">").append(v.format(v.accuracy()))
        .append("</td><td class=\"n\">").append(v.accuracyInterval().formatted())
        .append("</td><td class=\"n\">").append(v.format(v.wrongRate())).append("</td><td class=\"n\">")
        .append(v.format(v.abstainedRate())).append("</td></tr>\n"));
    b.append("</table>\n");
  }

  private static void questionTable(StringBuilder b, List<Judgement> js) {
    if (js.isEmpty()) {
      b.append("<p>None.</p>\n");
      return;
    }
    b.append("<table><tr><th>id</th><th>category</th><th>scene</th><th>question</th><th>expected</th>")
        .append("<th>given</th><th>outcome</th><th>answer</th></tr>\n");
    for (Judgement j : js) {
      Question q = j.question();
      b.append("<tr><td>").append(esc(q.id())).append("</td><td>").append(esc(q.category().label()))
          .append("</td><td>").append(esc(q.scene())).append("</td><td>").append(esc(q.text()))
          .append("</td><td>").append(esc(q.expected())).append("</td><td class=\"")
          .append(j.outcome() == Outcome.CORRECT ? "ok" : j.outcome() == Outcome.WRONG ? "bad" : "")
          .append("\">").append(esc(j.given())).append("</td><td>")
          .append(j.outcome().name().toLowerCase(Locale.ROOT)).append("</td><td>")
          .append(esc(j.answer())).append("</td></tr>\n");
    }
    b.append("</table>\n");
  }

  /**
   * A horizontal stacked bar chart of outcomes as inline SVG (correct green, wrong red, abstained
   * grey), with labels and values as text.
   *
   * @param title accessible title
   * @param bars label → outcomes, in display order
   * @return an {@code <svg>} element
   */
  static String barChart(String title, Map<String, Outcomes> bars) {
    int labelWidth = 190;
    int plotWidth = 560;
    int rowHeight = 30;
    int top = 10;
    int height = top + bars.size() * rowHeight + 30;
    int width = labelWidth + plotWidth + 230;
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            + "font-family=\"sans-serif\" font-size=\"13\">\n<title>%s</title>\n",
        width, height, width, height, esc(title)));
    for (int tick = 0; tick <= 100; tick += 25) {
      double x = labelWidth + plotWidth * tick / 100.0;
      b.append(String.format(Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d0d7de\"/>"
              + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#57606a\">%d%%</text>\n",
          x, top, x, height - 25, x, height - 8, tick));
    }
    int i = 0;
    for (Map.Entry<String, Outcomes> e : bars.entrySet()) {
      Outcomes o = e.getValue();
      int y = top + i * rowHeight;
      double x = labelWidth;
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
          labelWidth - 8, y + 19, esc(e.getKey())));
      double[] rates = {o.accuracy(), o.wrongRate(), o.abstainedRate()};
      String[] colours = {"#2da44e", "#cf222e", "#8c959f"};
      for (int k = 0; k < 3; k++) {
        double w = plotWidth * rates[k];
        if (w > 0) {
          b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
              x, y + 5, w, rowHeight - 10, colours[k]));
        }
        x += w;
      }
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s (%d/%d; wrong %d, abstained %d)</text>\n",
          labelWidth + plotWidth + 6, y + 19,
          o.total() == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * o.accuracy()),
          o.correct(), o.total(), o.wrong(), o.abstained()));
      i++;
    }
    b.append("</svg>\n");
    return b.toString();
  }

  /** Escapes text for HTML element content and attribute values. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (Character.isISOControl(c) && c != '\n' && c != '\t') {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
