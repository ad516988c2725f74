package dev.pvit.bench.pbench;

import java.util.Locale;

/**
 * A count of correct out of total.
 *
 * @param correct how many were correct (or, for rates, how many had the property)
 * @param total how many there were
 */
public record Tally(int correct, int total) {
  /** An empty tally. */
  public static final Tally EMPTY = new Tally(0, 0);

  /** Checks the counts. */
  public Tally {
    if (correct < 0 || total < correct) {
      throw new IllegalArgumentException("need 0 <= correct <= total, got " + correct + "/" + total);
    }
  }

  /**
   * This tally plus one item.
   *
   * @param ok whether the item was correct
   * @return a new tally
   */
  public Tally add(boolean ok) {
    return new Tally(correct + (ok ? 1 : 0), total + 1);
  }

  /**
   * Correct divided by total; 0 for an empty tally.
   *
   * @return the accuracy
   */
  public double accuracy() {
    return total == 0 ? 0 : correct / (double) total;
  }

  /**
   * The accuracy with four decimals, e.g. {@code 0.9512}, or {@code n/a} when empty.
   *
   * @return the formatted accuracy
   */
  public String formatted() {
    return total == 0 ? "n/a" : String.format(Locale.ROOT, "%.4f", accuracy());
  }

  /**
   * The Wilson 95% interval of {@link #accuracy()}.
   *
   * @return the interval ([0, 1] when empty)
   */
  public Interval interval() {
    return Interval.wilson95(correct, total);
  }
}
