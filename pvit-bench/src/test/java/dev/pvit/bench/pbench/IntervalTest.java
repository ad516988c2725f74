package dev.pvit.bench.pbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class IntervalTest {
  @Test
  void matches_the_wilson_score_interval() {
    assertThat(Interval.wilson95(5, 10).low()).isCloseTo(0.236593, within(1e-6));
    assertThat(Interval.wilson95(5, 10).high()).isCloseTo(0.763407, within(1e-6));
    assertThat(Interval.wilson95(234, 301).formatted()).isEqualTo("[0.727, 0.821]");
    assertThat(Interval.wilson95(20, 20).low()).isCloseTo(0.838875, within(1e-6));
    assertThat(Interval.wilson95(0, 10).low()).isZero();
    assertThat(Interval.wilson95(0, 10).high()).isCloseTo(0.277533, within(1e-6));
    assertThat(Interval.wilson95(0, 0)).isEqualTo(new Interval(0, 1));
  }

  @Property
  void contains_the_proportion_and_stays_in_zero_one(@ForAll @IntRange(min = 1, max = 5000) int total,
      @ForAll @IntRange(min = 0, max = 5000) int successes) {
    int k = Math.min(successes, total);
    Interval i = Interval.wilson95(k, total);
    double p = k / (double) total;
    assertThat(i.low()).isBetween(0.0, p + 1e-12);
    assertThat(i.high()).isBetween(p - 1e-12, 1.0);
  }
}
