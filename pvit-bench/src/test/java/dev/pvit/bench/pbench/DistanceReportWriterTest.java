package dev.pvit.bench.pbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.face.GalleryCalibration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DistanceReportWriterTest {
  private static DistanceReport distances(double targetFar) {
    GalleryCalibration g = new GalleryCalibration(targetFar, true, 0.556, 0.7, Map.of("Ann", 0.556, "Bob", 0.58),
        List.of(0.3, 0.4, 0.57), List.of(0.55, 0.7, 0.9, 1.3), 0, 5e-4, 0.027);
    SceneDistances s = new SceneDistances(
        List.of(new SceneDistances.Entry("scenes/a.jpg", 0, 60, Optional.of("Ann"), "Ann", 0.41),
            new SceneDistances.Entry("scenes/a.jpg", 1, 60, Optional.of("Bob"), "Bob", 0.57)),
        List.of(new SceneDistances.Entry("scenes/a.jpg", 0, 60, Optional.of("Ann"), "Bob", 0.62),
            new SceneDistances.Entry("scenes/b.jpg", 0, 60, Optional.empty(), "Ann", 0.8)),
        3, 2, List.of("scenes/a.jpg"), Map.of("scenes/c.jpg", "the labels count 2 other visible face(s)"));
    return new DistanceReport(g, s);
  }

  private static Report report(double targetFar) {
    Report plain = new Report("t", Map.of(), Scores.of(List.of(), null), List.of(), List.of());
    return new Report(plain.title(), plain.settings(), plain.scores(), plain.judgements(), plain.notes(),
        Optional.of(distances(targetFar)));
  }

  @Test
  void json_section_has_typed_numbers_hand_checked_rates_and_histograms() throws Exception {
    JsonNode r = new ObjectMapper().readTree(ReportWriter.json(report(1e-3))).get("recognition");
    JsonNode op = r.get("operatingPoint");
    assertThat(op.get("threshold").isDouble()).isTrue();
    assertThat(op.get("threshold").asDouble()).isEqualTo(0.556);
    assertThat(op.get("thresholdScope").asText()).isEqualTo("gallery-wide");
    assertThat(op.get("targetFalseAcceptRate").isNumber()).isTrue();
    assertThat(op.get("targetFalseAcceptRate").asDouble()).isEqualTo(1e-3);
    assertThat(op.get("modelledFalseAcceptRate").asDouble()).isEqualTo(5e-4);
    assertThat(op.get("personThresholdsDiffer").isBoolean()).isTrue();
    assertThat(op.at("/personThresholds/Bob").isDouble()).isTrue();
    assertThat(op.get("personThresholdMax").asDouble()).isEqualTo(0.58);
    assertThat(op.get("cohortSize").isInt()).isTrue();

    // Calibration at 0.556: genuine 0.57 rejected (1/3), impostor 0.55 accepted (1/4);
    // farthest accepted genuine 0.4, closest impostor 0.55, margin 0.15.
    JsonNode cal = r.get("calibration");
    assertThat(cal.get("genuine").isInt()).isTrue();
    assertThat(cal.at("/falseRejectRate/count").asInt()).isEqualTo(1);
    assertThat(cal.at("/falseRejectRate/n").isInt()).isTrue();
    assertThat(cal.at("/falseRejectRate/n").asInt()).isEqualTo(3);
    assertThat(cal.at("/falseAcceptRate/count").asInt()).isEqualTo(1);
    assertThat(cal.at("/falseAcceptRate/n").asInt()).isEqualTo(4);
    assertThat(cal.at("/falseAcceptRate/rate").isDouble()).isTrue();
    assertThat(cal.at("/falseAcceptRate/rate").asDouble()).isEqualTo(0.25);
    JsonNode ci = cal.at("/falseAcceptRate/ci95");
    assertThat(ci.size()).isEqualTo(2);
    assertThat(ci.get(0).isDouble()).isTrue();
    assertThat(ci.get(0).asDouble()).isCloseTo(Interval.wilson95(1, 4).low(), within(1e-4));
    assertThat(cal.get("farthestAcceptedGenuine").asDouble()).isEqualTo(0.4);
    assertThat(cal.get("closestImpostor").asDouble()).isEqualTo(0.55);
    assertThat(cal.get("margin").asDouble()).isCloseTo(0.15, within(1e-9));

    JsonNode h = cal.get("histogram");
    assertThat(h.get("binWidth").asDouble()).isEqualTo(0.02);
    assertThat(h.get("threshold").asDouble()).isEqualTo(0.556);
    assertThat(h.get("thresholdBin").isInt()).isTrue();
    assertThat(h.get("thresholdBin").asInt()).isEqualTo(27);
    assertThat(h.get("bins").size()).isEqualTo(60);
    JsonNode bin27 = h.get("bins").get(27);
    assertThat(bin27.get("low").isDouble()).isTrue();
    assertThat(bin27.get("low").asDouble()).isEqualTo(0.54);
    assertThat(bin27.get("high").asDouble()).isEqualTo(0.56);
    assertThat(bin27.get("impostor").isInt()).isTrue();
    assertThat(bin27.get("impostor").asInt()).isEqualTo(1);
    assertThat(h.at("/above/impostor").asInt()).isEqualTo(1);   // 1.3
    int genuineInBins = 0;
    for (JsonNode b : h.get("bins")) {
      genuineInBins += b.get("genuine").asInt();
    }
    assertThat(genuineInBins + h.at("/above/genuine").asInt()).isEqualTo(cal.get("genuine").asInt());

    // Evaluation: 0.57 is rejected at the gallery-wide 0.556 but accepted at Bob's 0.58.
    JsonNode eval = r.get("evaluation");
    assertThat(eval.at("/falseRejectRate/count").asInt()).isEqualTo(1);
    assertThat(eval.at("/atPersonThresholds/falseRejectRate/count").asInt()).isZero();
    assertThat(eval.at("/atPersonThresholds/farthestAcceptedGenuine").asDouble()).isEqualTo(0.57);
    assertThat(eval.get("faces").isInt()).isTrue();
    assertThat(eval.get("tiedFaces").asInt()).isEqualTo(2);
    assertThat(eval.get("tiedScenes").get(0).asText()).isEqualTo("scenes/a.jpg");
    assertThat(eval.at("/untiedScenes/scenes~1c.jpg").asText()).contains("other visible");
    assertThat(eval.at("/histogram/bins").size()).isEqualTo(60);
    assertThat(eval.at("/closestImpostors/0/distance").asDouble()).isEqualTo(0.62);
    assertThat(eval.at("/closestImpostors/0/faceWidth").isIntegralNumber()).isTrue();
    assertThat(eval.at("/closestImpostors/0/labelledAs").asText()).isEqualTo("Ann");
    assertThat(eval.at("/closestImpostors/1/person").asText()).isEqualTo("Ann");
    assertThat(eval.at("/closestImpostors/1").has("labelledAs")).isFalse();
    assertThat(eval.at("/farthestGenuine/0/distance").asDouble()).isEqualTo(0.57);
  }

  @Test
  void a_fixed_threshold_has_a_null_target_rate_and_missing_values_are_null() throws Exception {
    GalleryCalibration fixed = new GalleryCalibration(Double.NaN, false, 0.6, Double.NaN, Map.of("Ann", 0.6),
        List.of(), List.of(0.7), 0, Double.NaN, Double.NaN);
    DistanceReport d = new DistanceReport(fixed, new SceneDistances(List.of(), List.of(), 0, 0, List.of(), Map.of()));
    Report plain = new Report("t", Map.of(), Scores.of(List.of(), null), List.of(), List.of());
    JsonNode r = new ObjectMapper().readTree(ReportWriter.json(new Report(plain.title(), plain.settings(),
        plain.scores(), plain.judgements(), plain.notes(), Optional.of(d)))).get("recognition");
    assertThat(r.at("/operatingPoint/targetFalseAcceptRate").isNull()).isTrue();
    assertThat(r.at("/operatingPoint/personThresholdsDiffer").asBoolean()).isFalse();
    assertThat(r.at("/calibration/falseRejectRate/n").asInt()).isZero();
    assertThat(r.at("/calibration/falseRejectRate/rate").isNull()).isTrue();
    assertThat(r.at("/calibration/margin").isNull()).isTrue();
    assertThat(r.at("/evaluation/closestImpostor").isNull()).isTrue();
    assertThat(ReportWriter.markdown(new Report("t", Map.of(), plain.scores(), List.of(), List.of(), Optional.of(d))))
        .contains("none (fixed threshold)").contains("No distances.");
  }

  @Test
  void markdown_marks_the_threshold_bin() {
    String md = ReportWriter.markdown(report(1e-3));
    assertThat(md).contains("## Recognition: distances and error rates")
        .contains("| **0.540–0.560 ◀ threshold 0.556** |")
        .contains("| calibration (gallery), gallery-wide threshold | 3 | 4 | 1 / 4 = 0.2500 |")
        .contains("- scenes/c.jpg: the labels count 2 other visible face(s)")
        .contains("0.556 to 0.580 (1 of 2 people differ")
        .contains("- 0.620: Bob vs face 0 of scenes/a.jpg (60 px wide, labelled Ann)\n"
            + "- 0.800: Ann vs face 0 of scenes/b.jpg (60 px wide)\n");
    // Only the bins from the first to the last non-empty one are listed.
    assertThat(md).doesNotContain("| 0.000–0.020 |").contains("| 0.300–0.320 | ").contains("above 1.200");
  }

  @Test
  void html_draws_both_classes_and_a_labelled_threshold_line_without_scripts() {
    String html = ReportWriter.html(report(1e-3));
    assertThat(html).contains("<h2>Recognition: distances and error rates</h2>")
        .contains("threshold 0.556 (gallery-wide)")
        .contains("class=\"threshold\"")
        // 56 px axis offset + 720 px x 0.556 / 1.2
        .contains("x1=\"389.6\"")
        .contains("fill=\"#0969da\"><title>genuine 0.300–0.320: 1 of 3</title>")
        .contains("fill=\"#bc4c00\"><title>impostor 0.540–0.560: 1 of 4</title>")
        .doesNotContain("<script")
        .doesNotContainPattern("(?:src|href)=");
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http");
  }

  @Test
  void summary_line_gives_counts_and_margins_at_the_gallery_wide_threshold() {
    assertThat(distances(1e-3).summaryLine()).isEqualTo("recognition at the gallery-wide threshold 0.556: "
        + "calibration FAR 1/4 FRR 1/3 margin 0.150; scenes FAR 0/2 FRR 1/2 margin 0.210");
  }

  @Test
  void a_report_without_distances_has_no_recognition_section() throws Exception {
    Report plain = new Report("t", Map.of(), Scores.of(List.of(), null), List.of(), List.of());
    assertThat(new ObjectMapper().readTree(ReportWriter.json(plain)).has("recognition")).isFalse();
    assertThat(ReportWriter.markdown(plain)).doesNotContain("Recognition");
    assertThat(ReportWriter.html(plain)).doesNotContain("Recognition");
  }
}
