package dev.pvit.bench.pbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorRatesTest {
  @Test
  void counts_accepts_strictly_below_the_threshold() {
    ErrorRates r = ErrorRates.at(0.5, List.of(0.3, 0.49, 0.5, 0.7), List.of(0.45, 0.6, 0.8));
    assertThat(r.falseRejects()).isEqualTo(new Tally(2, 4));   // 0.5 and 0.7
    assertThat(r.falseAccepts()).isEqualTo(new Tally(1, 3));   // 0.45
    assertThat(r.farthestAcceptedGenuine()).hasValue(0.49);
    assertThat(r.closestImpostor()).hasValue(0.45);
    assertThat(r.margin().getAsDouble()).isCloseTo(-0.04, within(1e-12));
    assertThat(r.falseAccepts().interval().low()).isCloseTo(Interval.wilson95(1, 3).low(), within(1e-12));
  }

  @Test
  void separated_classes_have_a_positive_margin_and_no_errors() {
    ErrorRates r = ErrorRates.at(0.55, List.of(0.31, 0.52), List.of(0.61, 0.9, 1.3));
    assertThat(r.falseRejects()).isEqualTo(new Tally(0, 2));
    assertThat(r.falseAccepts()).isEqualTo(new Tally(0, 3));
    assertThat(r.margin().getAsDouble()).isCloseTo(0.09, within(1e-12));
    assertThat(r.falseAccepts().interval().high()).isCloseTo(0.561497, within(1e-6));
  }

  @Test
  void each_comparison_may_have_its_own_threshold() {
    ErrorRates r = ErrorRates.of(
        List.of(new ErrorRates.Comparison(0.57, 0.6), new ErrorRates.Comparison(0.57, 0.55)),
        List.of(new ErrorRates.Comparison(0.58, 0.6), new ErrorRates.Comparison(0.58, 0.55)));
    assertThat(r.falseRejects()).isEqualTo(new Tally(1, 2));
    assertThat(r.falseAccepts()).isEqualTo(new Tally(1, 2));
    assertThat(r.farthestAcceptedGenuine()).hasValue(0.57);
  }

  @Test
  void empty_sets_have_no_rates_and_no_margin() {
    ErrorRates r = ErrorRates.at(0.5, List.of(), List.of());
    assertThat(r.falseAccepts()).isEqualTo(Tally.EMPTY);
    assertThat(r.falseRejects()).isEqualTo(Tally.EMPTY);
    assertThat(r.farthestAcceptedGenuine()).isEmpty();
    assertThat(r.closestImpostor()).isEmpty();
    assertThat(r.margin()).isEmpty();
    ErrorRates allRejected = ErrorRates.at(0.5, List.of(0.7), List.of(0.8));
    assertThat(allRejected.farthestAcceptedGenuine()).isEmpty();
    assertThat(allRejected.margin()).isEmpty();
  }
}
