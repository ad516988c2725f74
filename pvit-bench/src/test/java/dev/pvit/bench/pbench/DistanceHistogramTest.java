package dev.pvit.bench.pbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DistanceHistogramTest {
  @Test
  void default_bins_are_sixty_of_two_hundredths_over_zero_to_one_point_two() {
    DistanceHistogram h = DistanceHistogram.of(List.of(), List.of());
    assertThat(h.bins()).hasSize(60);
    assertThat(h.width()).isEqualTo(0.02);
    assertThat(h.bins().get(0).low()).isZero();
    assertThat(h.bins().get(59).high()).isEqualTo(1.2);
    assertThat(h.upper()).isEqualTo(1.2);
  }

  @Test
  void a_value_on_an_edge_opens_the_bin_above_it() {
    // 0.06 / 0.02 is 2.9999999999999996 in doubles: the edge must still open bin 3.
    DistanceHistogram h = DistanceHistogram.of(List.of(0.0, 0.02, 0.06, 0.58), List.of(0.0199999, 0.6));
    assertThat(h.binOf(0.0)).isZero();
    assertThat(h.binOf(0.0199999)).isZero();
    assertThat(h.binOf(0.02)).isEqualTo(1);
    assertThat(h.binOf(0.06)).isEqualTo(3);
    assertThat(h.binOf(0.58)).isEqualTo(29);
    assertThat(h.binOf(0.6)).isEqualTo(30);
    assertThat(h.bins().get(0).genuine()).isEqualTo(1);
    assertThat(h.bins().get(0).impostor()).isEqualTo(1);
    assertThat(h.bins().get(3).genuine()).isEqualTo(1);
    assertThat(h.bins().get(30).impostor()).isEqualTo(1);
    for (int i = 0; i < h.bins().size(); i++) {
      assertThat(h.binOf(h.bins().get(i).low())).as("edge of bin %d", i).isEqualTo(i);
      assertThat(h.binOf(i * 0.02)).as("i * width for bin %d", i).isEqualTo(i);
    }
  }

  @Test
  void the_upper_bound_is_in_the_last_bin_and_beyond_it_counts_apart() {
    DistanceHistogram h = DistanceHistogram.of(List.of(1.2, 1.19), List.of(1.2000001, 1.5, Double.POSITIVE_INFINITY));
    assertThat(h.binOf(1.2)).isEqualTo(59);
    assertThat(h.bins().get(59).genuine()).isEqualTo(2);
    assertThat(h.binOf(1.2000001)).isEqualTo(60);
    assertThat(h.genuineAbove()).isZero();
    assertThat(h.impostorAbove()).isEqualTo(3);
    assertThat(h.bins().stream().mapToInt(DistanceHistogram.Bin::impostor).sum()).isZero();
    assertThat(h.genuineTotal()).isEqualTo(2);
    assertThat(h.impostorTotal()).isEqualTo(3);
  }

  @Test
  void empty_sets_give_empty_bins() {
    DistanceHistogram h = DistanceHistogram.of(List.of(), List.of());
    assertThat(h.bins()).allSatisfy(b -> assertThat(b.genuine() + b.impostor()).isZero());
    assertThat(h.genuineTotal()).isZero();
    assertThat(h.impostorTotal()).isZero();
  }

  @Test
  void rejects_negative_and_nan_distances_and_ranges_that_are_not_whole_bins() {
    assertThatThrownBy(() -> DistanceHistogram.of(List.of(-0.01), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 or more");
    assertThatThrownBy(() -> DistanceHistogram.of(List.of(), List.of(Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DistanceHistogram.of(0.03, 1.0, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
    assertThatThrownBy(() -> DistanceHistogram.of(0, 1.0, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void every_distance_lands_in_exactly_one_bin_and_the_counts_sum_to_n(
      @ForAll @Size(max = 200) List<@DoubleRange(min = 0, max = 2) Double> genuine,
      @ForAll @Size(max = 200) List<@DoubleRange(min = 0, max = 2) Double> impostor,
      @ForAll @IntRange(min = 1, max = 4) int widthChoice, @ForAll @IntRange(min = 1, max = 80) int bins) {
    double width = new double[] {0.01, 0.02, 0.05, 0.1}[widthChoice - 1];
    double upper = bins * width;
    DistanceHistogram h = DistanceHistogram.of(width, upper, genuine, impostor);
    assertThat(h.bins()).hasSize(bins);
    assertThat(h.genuineTotal()).isEqualTo(genuine.size());
    assertThat(h.impostorTotal()).isEqualTo(impostor.size());
    List<Double> all = new ArrayList<>(genuine);
    all.addAll(impostor);
    for (double d : all) {
      int containing = 0;
      int found = -1;
      for (int i = 0; i < h.bins().size(); i++) {
        DistanceHistogram.Bin b = h.bins().get(i);
        boolean last = i == h.bins().size() - 1;
        if (b.low() <= d && (d < b.high() || (last && d == b.high()))) {
          containing++;
          found = i;
        }
      }
      if (d > h.upper()) {
        assertThat(containing).as("%s is above every bin", d).isZero();
        assertThat(h.binOf(d)).isEqualTo(h.bins().size());
      } else {
        assertThat(containing).as("bins containing %s", d).isEqualTo(1);
        assertThat(h.binOf(d)).isEqualTo(found);
      }
    }
  }
}
