package dev.pvit.bench.pbench;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;

/**
 * A 95% confidence interval for a proportion, by the Wilson score method, which stays inside [0, 1]
 * and is honest for small counts and for proportions of 0 or 1 (where the normal approximation
 * collapses to a point): 20 of 20 correct gives [0.839, 1.000], not [1, 1].
 *
 * <pre>{@code
 * Interval ci = Interval.wilson95(234, 301);   // about [0.727, 0.820]
 * }</pre>
 *
 * @param low the lower bound
 * @param high the upper bound
 */
public record Interval(double low, double high) {
  /** The two-sided 95% normal quantile. */
  private static final double Z = 1.959963984540054;

  /** Checks the bounds. */
  public Interval {
    checkArgument(0 <= low && low <= high && high <= 1, "need 0 <= low <= high <= 1, got [%s, %s]", low, high);
  }

  /**
   * The Wilson 95% interval of {@code successes} out of {@code total}; {@code [0, 1]} when total is
   * 0.
   *
   * @param successes how many had the property
   * @param total how many there were
   * @return the interval
   */
  public static Interval wilson95(int successes, int total) {
    checkArgument(0 <= successes && successes <= total, "need 0 <= successes <= total, got %s/%s", successes, total);
    if (total == 0) {
      return new Interval(0, 1);
    }
    double n = total;
    double p = successes / n;
    double z2 = Z * Z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
    return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /**
   * The interval as {@code [0.727, 0.820]}.
   *
   * @return three decimals per bound
   */
  public String formatted() {
    return String.format(Locale.ROOT, "[%.3f, %.3f]", low, high);
  }
}
