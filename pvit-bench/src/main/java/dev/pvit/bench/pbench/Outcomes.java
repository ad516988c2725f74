package dev.pvit.bench.pbench;

import java.util.Locale;

/**
 * How a group of answers turned out: correct, wrong and abstained counts.
 *
 * <pre>{@code
 * Outcomes o = Outcomes.EMPTY.add(Outcome.CORRECT).add(Outcome.WRONG);
 * o.accuracy();    // 0.5
 * o.wrongRate();   // 0.5
 * }</pre>
 *
 * @param correct answers the labels agree with
 * @param wrong confident answers the labels contradict
 * @param abstained typed abstentions (and failed requests)
 */
public record Outcomes(int correct, int wrong, int abstained) {
  /** No answers. */
  public static final Outcomes EMPTY = new Outcomes(0, 0, 0);

  /** Checks the counts. */
  public Outcomes {
    if (correct < 0 || wrong < 0 || abstained < 0) {
      throw new IllegalArgumentException("counts must not be negative, got " + correct + "/" + wrong + "/" + abstained);
    }
  }

  /**
   * These outcomes plus one.
   *
   * @param o the outcome to add
   * @return a new value
   */
  public Outcomes add(Outcome o) {
    return switch (o) {
      case CORRECT -> new Outcomes(correct + 1, wrong, abstained);
      case WRONG -> new Outcomes(correct, wrong + 1, abstained);
      case ABSTAINED -> new Outcomes(correct, wrong, abstained + 1);
    };
  }

  /**
   * The sum of two groups.
   *
   * @param other another group
   * @return a new value
   */
  public Outcomes plus(Outcomes other) {
    return new Outcomes(correct + other.correct, wrong + other.wrong, abstained + other.abstained);
  }

  /**
   * How many answers there are.
   *
   * @return correct + wrong + abstained
   */
  public int total() {
    return correct + wrong + abstained;
  }

  /**
   * Correct divided by total; 0 when empty.
   *
   * @return the accuracy
   */
  public double accuracy() {
    return rate(correct);
  }

  /**
   * Wrong divided by total; 0 when empty.
   *
   * @return the share of confident wrong answers
   */
  public double wrongRate() {
    return rate(wrong);
  }

  /**
   * Abstained divided by total; 0 when empty.
   *
   * @return the share of abstentions
   */
  public double abstainedRate() {
    return rate(abstained);
  }

  /**
   * The Wilson 95% interval of the accuracy.
   *
   * @return the interval ([0, 1] when empty)
   */
  public Interval accuracyInterval() {
    return Interval.wilson95(correct, total());
  }

  /**
   * The Wilson 95% interval of the wrong rate.
   *
   * @return the interval ([0, 1] when empty)
   */
  public Interval wrongInterval() {
    return Interval.wilson95(wrong, total());
  }

  /**
   * A rate with four decimals, or {@code n/a} when empty.
   *
   * @param rate one of this value's rates
   * @return e.g. {@code 0.9512}
   */
  public String format(double rate) {
    return total() == 0 ? "n/a" : String.format(Locale.ROOT, "%.4f", rate);
  }

  private double rate(int n) {
    return total() == 0 ? 0 : n / (double) total();
  }
}
