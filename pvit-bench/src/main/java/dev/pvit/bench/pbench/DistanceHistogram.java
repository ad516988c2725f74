package dev.pvit.bench.pbench;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;

/**
 * Genuine and impostor face distances counted in fixed-width bins over {@code [0, upper]}.
 *
 * <p>Bin {@code i} holds distances in {@code [i × width, (i + 1) × width)}; the last bin also holds
 * a distance exactly at {@code upper}, so the bins cover the closed range. Distances above {@code
 * upper} are counted apart ({@code genuineAbove}, {@code impostorAbove}) rather than stretched into
 * the last bin, so every bin has the same width. Every distance lands in exactly one place: the
 * bins' counts plus the count above sum to the number of distances.
 *
 * <pre>{@code
 * DistanceHistogram h = DistanceHistogram.of(genuine, impostor);   // 60 bins of 0.02 over [0, 1.2]
 * int thresholdBin = h.binOf(0.556);                                 // 27: [0.54, 0.56)
 * }</pre>
 *
 * @param width the bin width
 * @param bins the bins, from 0 up
 * @param genuineAbove genuine distances above the last bin's upper edge
 * @param impostorAbove impostor distances above the last bin's upper edge
 */
public record DistanceHistogram(double width, List<Bin> bins, int genuineAbove, int impostorAbove) {
  /** The default bin width. */
  public static final double DEFAULT_WIDTH = 0.02;
  /** The default upper edge: face descriptor distances rarely exceed 1.2. */
  public static final double DEFAULT_UPPER = 1.2;

  /** Checks and copies the parts. */
  public DistanceHistogram {
    checkArgument(width > 0, "width must be positive, got %s", width);
    checkArgument(!bins.isEmpty(), "need at least one bin");
    checkArgument(genuineAbove >= 0 && impostorAbove >= 0, "negative count");
    bins = List.copyOf(bins);
  }

  /**
   * One bin.
   *
   * @param low the lower edge (included)
   * @param high the upper edge (excluded, except for the last bin)
   * @param genuine genuine distances in the bin
   * @param impostor impostor distances in the bin
   */
  public record Bin(double low, double high, int genuine, int impostor) {
    /** Checks the parts. */
    public Bin {
      checkArgument(low < high, "need low < high, got [%s, %s)", low, high);
      checkArgument(genuine >= 0 && impostor >= 0, "negative count");
    }
  }

  /**
   * Bins of {@value #DEFAULT_WIDTH} over {@code [0, }{@value #DEFAULT_UPPER}{@code ]}.
   *
   * @param genuine genuine distances
   * @param impostor impostor distances
   * @return the histogram
   * @throws IllegalArgumentException if a distance is negative or NaN
   */
  public static DistanceHistogram of(List<Double> genuine, List<Double> impostor) {
    return of(DEFAULT_WIDTH, DEFAULT_UPPER, genuine, impostor);
  }

  /**
   * Bins of {@code width} over {@code [0, upper]}.
   *
   * @param width the bin width; {@code upper} must be a whole number of widths
   * @param upper the upper edge
   * @param genuine genuine distances
   * @param impostor impostor distances
   * @return the histogram
   * @throws IllegalArgumentException if a distance is negative or NaN, or the range is not a whole
   *     number of bins
   */
  public static DistanceHistogram of(double width, double upper, List<Double> genuine, List<Double> impostor) {
    int n = binCount(width, upper);
    int[] g = new int[n + 1];
    int[] im = new int[n + 1];
    genuine.forEach(d -> g[index(d, width, upper, n)]++);
    impostor.forEach(d -> im[index(d, width, upper, n)]++);
    List<Bin> bins = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      bins.add(new Bin(edge(i, width, upper, n), edge(i + 1, width, upper, n), g[i], im[i]));
    }
    return new DistanceHistogram(width, bins, g[n], im[n]);
  }

  /**
   * The upper edge of the last bin.
   *
   * @return the upper edge
   */
  public double upper() {
    return bins.get(bins.size() - 1).high();
  }

  /**
   * The bin a distance falls in.
   *
   * @param distance a distance, 0 or more
   * @return the bin index, or {@code bins().size()} for a distance above {@link #upper()}
   * @throws IllegalArgumentException if the distance is negative or NaN
   */
  public int binOf(double distance) {
    return index(distance, width, upper(), bins.size());
  }

  /**
   * Number of genuine distances counted.
   *
   * @return the sum over the bins plus those above
   */
  public int genuineTotal() {
    return bins.stream().mapToInt(Bin::genuine).sum() + genuineAbove;
  }

  /**
   * Number of impostor distances counted.
   *
   * @return the sum over the bins plus those above
   */
  public int impostorTotal() {
    return bins.stream().mapToInt(Bin::impostor).sum() + impostorAbove;
  }

  private static int binCount(double width, double upper) {
    checkArgument(width > 0 && upper > 0 && Double.isFinite(upper), "need width > 0 and a finite upper > 0");
    double bins = upper / width;
    long rounded = Math.round(bins);
    checkArgument(rounded >= 1 && rounded <= 100_000 && Math.abs(bins - rounded) < 1e-6,
        "the range [0, %s] is not a whole number (at most 100000) of bins of %s", upper, width);
    return (int) rounded;
  }

  /** Edge {@code i} of {@code n} bins: computed as a product, not a running sum, so edges do not drift. */
  private static double edge(int i, double width, double upper, int n) {
    return i == n ? upper : i * width;
  }

  private static int index(double d, double width, double upper, int n) {
    checkArgument(d >= 0, "a distance must be 0 or more, got %s", d);
    if (d > upper) {
      return n;
    }
    if (d == upper) {
      return n - 1;
    }
    // d / width can round across an edge (0.06 / 0.02 = 2.9999999999999996); correct against the
    // edges themselves so a value equal to an edge always opens its bin.
    int i = (int) Math.min(n - 1, Math.floor(d / width));
    if (d < edge(i, width, upper, n)) {
      i--;
    } else if (i + 1 < n && d >= edge(i + 1, width, upper, n)) {
      i++;
    }
    return i;
  }
}
