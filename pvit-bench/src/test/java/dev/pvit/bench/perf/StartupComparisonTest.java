package dev.pvit.bench.perf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvit.bench.perf.StartupComparison.Report;
import dev.pvit.bench.perf.StartupComparison.Result;
import dev.pvit.bench.perf.StartupComparison.Timing;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartupComparisonTest {
  @Test
  void phases_split_at_the_first_load_of_each_marker_class() {
    List<String> log = List.of(
        "[1000010ms] java.lang.Object source: shared objects file",
        "[1000060ms] dev.pvit.examples.cli.PvitCli source: file:/x/pvit.jar",
        "[1000300ms] dev.pvit.face.FaceEngine source: shared objects file (top)",
        "[1000310ms] dev.pvit.face.FaceEngine$Builder source: shared objects file (top)",
        "[1000900ms] dev.pvit.face.FaceGallery source: shared objects file (top)",
        "[1000950ms] dev.pvit.face.FaceEngine source: a second loader");
    List<Double> phases = StartupComparison.phases(log, 1_000_000, 1_001_500, 1_001_600);
    assertThat(phases).containsExactly(60.0, 240.0, 600.0, 600.0, 100.0);
    assertThat(phases).hasSameSizeAs(StartupComparison.PHASES);
  }

  @Test
  void a_missing_marker_leaves_its_phases_unknown_not_wrong() {
    List<Double> phases = StartupComparison.phases(
        List.of("[1000060ms] dev.pvit.examples.cli.PvitCli source: jar"), 1_000_000, 1_001_500, 1_001_600);
    assertThat(phases.get(0)).isEqualTo(60.0);
    assertThat(phases.subList(1, 4)).allMatch(d -> d.isNaN());
    assertThat(phases.get(4)).isEqualTo(100.0);
  }

  @Test
  void cpu_time_is_read_from_the_times_line_of_bash() {
    assertThat(StartupComparison.cpuMillis("1m2.500s 0m0.250s")).isEqualTo(62_750.0);
    assertThat(StartupComparison.cpuMillis("error: something else")).isNaN();
  }

  @Test
  void median_of_odd_and_even_counts() {
    assertThat(StartupComparison.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(StartupComparison.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    assertThat(StartupComparison.median(List.of())).isNaN();
  }

  @Test
  void markdown_compares_each_variant_with_the_old_launcher_of_its_gallery_setting() {
    List<StartupComparison.Variant> v = StartupComparison.VARIANTS;
    Report report = new Report(List.of(
        result(v.get(0), 40, 50, 60),
        result(v.get(1), 2000, 2100, 2200),
        result(v.get(2), 1600, 1700, 1800),
        result(v.get(3), 1400, 1500, 1600),
        result(v.get(4), 1000, 1050, 1100),
        result(v.get(5), 4000, 4200, 4400),
        new Result(v.get(6), List.of(new Timing(3900, 4000, 3000, List.of())),
            Optional.of(new Timing(3900, 4000, 3100, List.of(100.0, 200.0, 700.0, 2900.0, 100.0))))),
        new Timing(2500, 3200, 2600, List.of()), 16_500_000);
    String md = report.markdown();
    assertThat(md).contains("| 5 | 1700 | 1600 | 1800 | 1700 | 850 | 0.81x | 0.81x |")
        .contains("| 5 | 1500 | 1400 | 1600 | 1500 | 750 | 0.71x | 0.71x |")
        .contains("| 5 | 1050 | 1000 | 1100 | 1050 | 525 | 0.50x | 0.50x |")
        .contains("| 1 | 3900 | 3900 | 3900 | 4000 | 3000 | 0.93x | 1.43x |")
        .contains("`askWritingArchive`) | 1 | 2500 | - | - | 3200 | 2600 | - | - |")
        .contains("Archive: 16.5 MB.")
        .contains("| `askNoCache` | 100 | 200 | 700 | 2900 | 100 | 3900 |");
    assertThat(md.lines().filter(l -> l.contains("(`askOldLauncher`)")).findFirst().orElseThrow()).endsWith("| - | - |");
  }

  private static Result result(StartupComparison.Variant v, double... firstAnswers) {
    List<Timing> runs = new java.util.ArrayList<>();
    for (double f : firstAnswers) {
      runs.add(new Timing(f, f, f / 2, List.of()));
    }
    runs.add(new Timing(firstAnswers[0], firstAnswers[0], firstAnswers[0] / 2, List.of()));
    runs.add(new Timing(firstAnswers[2], firstAnswers[2], firstAnswers[2] / 2, List.of()));
    return new Result(v, runs, Optional.empty());
  }
}
