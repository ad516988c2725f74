package dev.pvit.bench.pbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir Path dir;

  private static Report report() {
    Question q1 = new Question("q0001", Category.PRESENCE_YES, "scenes/a.jpg", "Is Amara in this photo?", "yes",
        List.of(), Optional.of("Amara"), 1, List.of(), Optional.of(List.of("Amara")));
    Question q2 = new Question("q0002", Category.IDENTIFICATION, "scenes/neg.jpg", "Which <b>one</b> | two? A) x B) none of them",
        "B", List.of("x", Question.NONE_OF_THEM), Optional.empty(), 0, List.of(), Optional.of(List.of()));
    Question q3 = new Question("q0003", Category.UNKNOWN_REFUSAL, "scenes/a.jpg", "What is Zeno | wearing?", "refuse",
        List.of(), Optional.of("Zeno"), 1, List.of(), Optional.of(List.of("Amara")));
    Question q4 = new Question("q0004", Category.NEGATED_PRESENCE, "scenes/a.jpg", "Is Amara missing?", "no",
        List.of(), Optional.of("Amara"), 1, List.of(), Optional.of(List.of("Amara")));
    List<Judgement> js = List.of(
        new Judgement(q1, "Yes, Amara is in this photo.", "ANSWERED", "yes", Outcome.CORRECT, false, 12),
        new Judgement(q2, "I see <script>alert(1)</script> & x", "ANSWERED", "A", Outcome.WRONG, true, 3),
        new Judgement(q3, "Sorry, I do not know what Zeno looks like.", "PERSON_UNKNOWN", "refused: unknown name",
            Outcome.CORRECT, false, 1),
        new Judgement(q4, "I can't answer that without a vision-language model.", "NEEDS_VISION_MODEL", "abstained",
            Outcome.ABSTAINED, false, 1));
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("backend", "embedded");
    settings.put("seed", 42L);
    settings.put("threshold", 0.6);
    return new Report("P-Bench-style accuracy: embedded backend", settings, Scores.of(js, null), js,
        List.of("a note with <angle brackets>"));
  }

  @Test
  void writes_three_files_next_to_the_json() {
    List<Path> files = ReportWriter.writeAll(report(), dir.resolve("out/report.json"));
    assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("report.json", "report.md", "report.html");
    assertThat(files).allMatch(Files::isRegularFile);
  }

  @Test
  void json_has_summary_categories_buckets_and_every_question() throws Exception {
    JsonNode root = new ObjectMapper().readTree(ReportWriter.json(report()));
    assertThat(root.at("/summary/questions").asInt()).isEqualTo(4);
    assertThat(root.at("/summary/answerable/correct").asInt()).isEqualTo(1);
    assertThat(root.at("/summary/answerable/wrong").asInt()).isEqualTo(1);
    assertThat(root.at("/summary/answerable/abstained").asInt()).isEqualTo(1);
    assertThat(root.at("/summary/answerable/total").asInt()).isEqualTo(3);
    assertThat(root.at("/summary/all/wrongRate").asDouble()).isEqualTo(0.25);
    assertThat(root.at("/summary/all/abstainedRate").asDouble()).isEqualTo(0.25);
    assertThat(root.at("/categories/negated-presence/abstained").asInt()).isEqualTo(1);
    assertThat(root.at("/questions/3/outcome").asText()).isEqualTo("abstained");
    assertThat(root.at("/summary/unanswerable/accuracy").asDouble()).isEqualTo(1.0);
    assertThat(root.at("/summary/falseAcceptRate/scenesWithFalseAccept").asInt()).isEqualTo(1);
    assertThat(root.at("/categories/identification/total").asInt()).isEqualTo(1);
    assertThat(root.at("/byRegisteredPeople/0/total").asInt()).isEqualTo(1);
    assertThat(root.at("/settings/backend").asText()).isEqualTo("embedded");
    assertThat(root.at("/settings/seed").isIntegralNumber()).isTrue();
    assertThat(root.at("/settings/seed").asLong()).isEqualTo(42);
    assertThat(root.at("/settings/threshold").isDouble()).isTrue();
    JsonNode ci = root.at("/summary/answerable/accuracyCi95");
    assertThat(ci.size()).isEqualTo(2);
    assertThat(ci.get(0).asDouble()).isCloseTo(Interval.wilson95(1, 3).low(), org.assertj.core.api.Assertions.within(1e-4));
    assertThat(root.at("/summary/answerable/fewQuestions").asBoolean()).isTrue();
    assertThat(root.at("/summary/falseAcceptRate/rateCi95").size()).isEqualTo(2);
    JsonNode q2 = root.at("/questions/1");
    assertThat(q2.get("expected").asText()).isEqualTo("B");
    assertThat(q2.get("given").asText()).isEqualTo("A");
    assertThat(q2.get("options").size()).isEqualTo(2);
    assertThat(q2.get("falseAccept").asBoolean()).isTrue();
    assertThat(root.at("/questions/0/falseAccept").isMissingNode()).isTrue();
  }

  @Test
  void markdown_has_tables_and_escapes_pipes() {
    String md = ReportWriter.markdown(report());
    assertThat(md).contains("| answerable ⚑ | 1 | 1 | 1 | 3 | 0.3333 | [0.061, 0.792] | 0.3333 | 0.3333 |")
        .contains("| presence-yes ⚑ | 1 | 0 | 0 | 1 | 1.0000 | [0.207, 1.000] | 0.0000 | 0.0000 |")
        .contains("| negated-presence ⚑ | 0 | 0 | 1 | 1 | 0.0000 | [0.000, 0.793] | 0.0000 | 1.0000 |")
        .contains("- seed: 42").contains("Wilson 95%")
        .contains("## Wrong (1)").contains("## Abstained (1)")
        .contains("one&lt;/b> \\| two").doesNotContain("one</b> | two").doesNotContain("<script>");
  }

  @Test
  void html_is_self_contained_with_a_bar_per_category() {
    String html = ReportWriter.html(report());
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").doesNotContain("<script")
        .doesNotContain("src=").doesNotContain("<link").doesNotContain("@import");
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://").doesNotContain("https://");
    String categoryChart = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
    // One bar per category, each a single colour here: green, red, green, grey.
    assertThat(categoryChart.split("<rect", -1)).hasSize(1 + 4);
    assertThat(categoryChart).contains("#2da44e", "#cf222e", "#8c959f");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; x").contains("&lt;angle brackets&gt;");
  }

  @Property
  void escaped_text_has_no_markup_characters(@ForAll String s) {
    assertThat(ReportWriter.esc(s)).doesNotContain("<", ">", "\"", "'");
    assertThat(ReportWriter.esc(s).replaceAll("&(amp|lt|gt|quot|#39);", "")).doesNotContain("&");
  }
}
