package dev.pvit.bench.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PerfReportTest {
  private static PerfReport report() {
    List<PerfRow> rows = List.of(
        new PerfRow("descriptorBatch16", "FaceNets", "", 18.0, 0.5, "face", Optional.empty()),
        new PerfRow("detector608", "FaceNets", "", 120.0, Double.NaN, "image", Optional.empty()),
        new PerfRow("match", "Gallery", "descriptors=1000", 0.05, Double.NaN, "match", Optional.empty()),
        new PerfRow("match", "Gallery", "descriptors=100000", 5.0, Double.NaN, "match", Optional.empty()),
        new PerfRow("matchObjectLoop", "Gallery", "descriptors=100000", 25.0, Double.NaN, "match", Optional.empty()));
    rows = PerfReport.withBaseline(rows, Map.of("descriptorBatch16", 45.0, "detector608", 60.0));
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("mode", "quick");
    return new PerfReport(rows, settings, new JsBaseline.Result(true, "face-api 1.7.15, tfjs 4.22.0 wasm", Map.of()));
  }

  @Test
  void rows_get_the_ratio_to_the_javascript_reference() {
    PerfRow d = report().rows().get(0);
    assertThat(d.js()).contains(45.0);
    assertThat(d.speedup()).hasValueSatisfying(s -> assertThat(s).isEqualTo(2.5));
    assertThat(d.perSecond()).isCloseTo(55.6, org.assertj.core.data.Offset.offset(0.1));
    assertThat(report().rows().get(2).js()).isEmpty();
  }

  @Test
  void table_shows_throughput_and_ratio() {
    String t = report().table();
    assertThat(t).contains("FaceNets.descriptorBatch16").contains("55.6 face/s").contains("2.50x").contains("0.50x")
        .contains("20,000 match/s");
  }

  @Test
  void gallery_table_shows_growth_per_size_step() {
    String g = report().galleryTable();
    assertThat(g).contains("1000").contains("100000").contains("x100.0").contains("25.00");
  }

  @Test
  void markdown_has_settings_tables_and_the_baseline() {
    String md = report().markdown();
    assertThat(md).contains("- mode: quick").contains("face-api 1.7.15")
        .contains("| FaceNets.descriptorBatch16 |  | 18.00 | 0.5000 | 55.6 face/s | 45.00 | 2.50x |")
        .contains("## Gallery matching by gallery size").contains("| 100000 | 5.00 | 25.00 | x100.0 |");
  }

  @Test
  void formats_milliseconds_by_magnitude() {
    assertThat(PerfReport.ms(1234.4)).isEqualTo("1234");
    assertThat(PerfReport.ms(3.456)).isEqualTo("3.46");
    assertThat(PerfReport.ms(0.00123)).isEqualTo("0.0012");
    assertThat(PerfReport.ms(Double.NaN)).isEqualTo("-");
  }

  @Test
  void parses_the_baseline_output_line() {
    JsBaseline.Result r = JsBaseline.parse("{\"backend\":{\"faceApi\":\"1.7.15\",\"tfjs\":\"4.22.0\",\"backend\":\"wasm\","
        + "\"simd\":true,\"threads\":false,\"node\":\"v20\"},\"results\":{\"detector416\":59.3,\"landmarks\":9.4}}");
    assertThat(r.available()).isTrue();
    assertThat(r.millisPerOp()).containsEntry("detector416", 59.3).containsEntry("landmarks", 9.4);
    assertThat(r.reason()).contains("face-api 1.7.15").contains("wasm").contains("SIMD true");
    assertThat(JsBaseline.parse("not json").available()).isFalse();
  }

  @Test
  void a_missing_install_is_reported_not_installed() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("baseline");
    JsBaseline.Result r = new JsBaseline(dir).run(dir.resolve("x.jpg"), 1, 5);
    assertThat(r.available()).isFalse();
    assertThat(r.reason()).satisfiesAnyOf(s -> assertThat(s).contains("npm ci --prefix"), s -> assertThat(s).contains("PATH"));
  }

  @Test
  void filters_select_groups_and_methods() {
    assertThat(PerfRunner.select("Gallery")).containsExactly(
        GalleryBenchmark.class.getName() + ".match", GalleryBenchmark.class.getName() + ".matchObjectLoop");
    assertThat(PerfRunner.select("Prompt|FaceNets.landmarks")).hasSize(4)
        .contains(FaceNetsBenchmark.class.getName() + ".landmarks");
    assertThat(PerfRunner.select("FaceNets.detector.*")).hasSize(2);
    assertThat(PerfRunner.select(".*")).hasSize(5 + 2 + 1 + 1 + 2 + 3 + 1);
    assertThat(PerfRunner.select("Spark")).containsExactly(SparkBenchmark.class.getName() + ".generate");
    assertThat(PerfRunner.select("Nothing")).isEmpty();
  }

  @Test
  void groups_are_short_class_names() {
    assertThat(PerfRunner.group(GalleryBenchmark.class.getName())).isEqualTo("Gallery");
    assertThat(PerfRunner.BENCHMARKS).hasSize(7);
  }
}
