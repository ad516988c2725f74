package dev.pvit.face.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Open-set decision statistics of a gallery, estimated from the gallery's own descriptors (and an
 * optional cohort of stranger descriptors), never from labelled test data.
 *
 * <ul>
 *   <li><b>Impostor distances</b>: for each person, the mean distance from other people's
 *       references (and the cohort's faces) to that person's references, the very statistic a
 *       stranger's face produces at recognition time. Its lower tail is modelled as a half-normal
 *       around the median ({@code sigma} from the values below the median), which is the part that
 *       decides false accepts and, on face descriptors, over-estimates rather than under-estimates
 *       the tail mass.
 *   <li><b>Per-person thresholds</b>: the person's impostor median and lower spread are shrunk
 *       towards the gallery-wide ones with {@value #PRIOR_IDENTITIES} pseudo-identities (the
 *       effective sample size of a person's impostor distribution is the number of distinct other
 *       identities, not the number of photos), and the threshold is the quantile at the target
 *       false-accept rate. Per-person statistics may loosen a threshold above the gallery-wide one
 *       (a person far from everyone else), never tighten it below: a gallery's references often
 *       share a capture domain (all greyscale crops, all studio portraits), which makes them look
 *       closer to each other than strangers in scenes do. People with one reference photo keep the
 *       gallery-wide threshold. Every threshold lies between {@value #STRICT_FLOOR} and {@value
 *       #STRICT_CAP}.
 *   <li><b>Margin test</b>: a face between its person's threshold and {@value #MARGIN_CAP} is
 *       accepted when the runner-up person is much farther (distance ratio {@code d1/d2} small).
 *       Strangers are about equally far from everybody, so their ratio is close to 1. The ratio of
 *       strangers is modelled from leave-one-person-out probes (each sampled reference against the
 *       gallery without its own person, plus the cohort) as a linear function of {@code d1} with a
 *       normal residual; the limit is the quantile that keeps this zone's false accepts within its
 *       share ({@value #MARGIN_SHARE}) of the target rate.
 * </ul>
 *
 * <p>The work is bounded (about {@value #WORK_BUDGET} descriptor distances per stage, by sampling), so it stays
 * cheap at enrollment and on load for galleries of any size. Holds no descriptors.
 */
public final class OpenSetCalibration {
  /** No threshold is ever above this distance (the descriptor's published verification cut). */
  public static final double STRICT_CAP = 0.6;
  /**
   * No threshold is ever below this distance: below it, impostors are so close that the gallery
   * holds near-duplicates or descriptors of another scale, and the model says nothing useful.
   */
  public static final double STRICT_FLOOR = 0.4;
  /** The margin test never accepts a face at or beyond this distance. */
  public static final double MARGIN_CAP = 0.7;
  /** Share of the false-accept budget given to the margin test; the threshold gets the rest. */
  static final double MARGIN_SHARE = 0.5;
  /** Strength of the gallery-wide prior on a person's impostor statistics, in identities. */
  static final int PRIOR_IDENTITIES = 20;
  /** Fewer distinct impostor identities than this: no calibration, the fixed default applies. */
  static final int MIN_IMPOSTOR_IDENTITIES = 3;
  /** Fewer stranger probes than this: no margin test. */
  static final int MIN_MARGIN_PROBES = 20;
  /** About the most descriptor distances one stage of a calibration computes (impostors, cohort, probes). */
  static final long WORK_BUDGET = 2_000_000L;
  /** At most this many genuine and impostor distances are kept for reports. */
  static final int MAX_KEPT = 20_000;

  private final boolean calibrated;
  private final double globalThreshold;
  private final double[] thresholds;
  private final double[] zLimit;
  private final boolean marginTest;
  private final double ratioMean;
  private final double ratioSlope;
  private final double d1Mean;
  private final double ratioResidual;
  private final double impostorMedian;
  private final double impostorSigma;
  private final double[] genuine;
  private final double[] impostor;
  private final int cohortSize;
  private final double falseRejectRate;

  private OpenSetCalibration(Builder b) {
    this.calibrated = b.calibrated;
    this.globalThreshold = b.globalThreshold;
    this.thresholds = b.thresholds;
    this.zLimit = b.zLimit;
    this.marginTest = b.marginTest;
    this.ratioMean = b.ratioMean;
    this.ratioSlope = b.ratioSlope;
    this.d1Mean = b.d1Mean;
    this.ratioResidual = b.ratioResidual;
    this.impostorMedian = b.impostorMedian;
    this.impostorSigma = b.impostorSigma;
    this.genuine = b.genuine;
    this.impostor = b.impostor;
    this.cohortSize = b.cohortSize;
    int rejected = 0;
    for (int i = 0; i < genuine.length; i++) {
      if (genuine[i] >= thresholds[b.genuineOwner[i]]) {
        rejected++;
      }
    }
    this.falseRejectRate = genuine.length == 0 ? Double.NaN : rejected / (double) genuine.length;
  }

  private static final class Builder {
    boolean calibrated;
    double globalThreshold;
    double[] thresholds = new double[0];
    double[] zLimit = new double[0];
    boolean marginTest;
    double ratioMean = Double.NaN;
    double ratioSlope = Double.NaN;
    double d1Mean = Double.NaN;
    double ratioResidual = Double.NaN;
    double impostorMedian = Double.NaN;
    double impostorSigma = Double.NaN;
    double[] genuine = new double[0];
    int[] genuineOwner = new int[0];
    double[] impostor = new double[0];
    int cohortSize;
  }

  /**
   * Calibrates a gallery.
   *
   * @param m the gallery's descriptors
   * @param cohort stranger descriptors (none of them a registered person)
   * @param falseAcceptRate target false-accept rate per comparison, or NaN for a fixed threshold
   * @param fixedThreshold the fixed threshold (used when {@code falseAcceptRate} is NaN, and as the
   *     fallback when the gallery is too small to calibrate)
   * @return the calibration
   */
  public static OpenSetCalibration compute(
      DescriptorMatrix m, List<float[]> cohort, double falseAcceptRate, double fixedThreshold) {
    int people = m.people();
    int rows = m.size();
    SplittableRandom rnd = new SplittableRandom(0x5EEDL);
    Builder b = new Builder();
    b.cohortSize = cohort.size();
    b.thresholds = new double[people];
    b.zLimit = new double[people];
    Arrays.fill(b.thresholds, fixedThreshold);
    b.globalThreshold = fixedThreshold;
    if (people == 0) {
      return new OpenSetCalibration(b);
    }
    long perRowBudget = Math.max(4, WORK_BUDGET / Math.max(1, rows));
    List<float[]> usedCohort = sample(cohort, (int) Math.min(512, perRowBudget), rnd);

    // Impostor distances per person: other people's references and the cohort against the person.
    double[][] imp = new double[people][];
    int[] identities = new int[people];
    DoubleList all = new DoubleList();
    for (int p = 0; p < people; p++) {
      int others = rows - m.count(p);
      DoubleList mine = new DoubleList();
      Set<Integer> owners = new HashSet<>();
      if (others <= perRowBudget) {
        for (int r = 0; r < rows; r++) {
          if (m.owner(r) != p) {
            mine.add(m.meanDistance(m.row(r), p, -1));
            owners.add(m.owner(r));
          }
        }
      } else {
        for (int k = 0; k < perRowBudget; k++) {
          int r = rnd.nextInt(rows);
          if (m.owner(r) != p) {
            mine.add(m.meanDistance(m.row(r), p, -1));
            owners.add(m.owner(r));
          }
        }
      }
      for (float[] c : usedCohort) {
        mine.add(m.meanDistance(c, p, -1));
      }
      imp[p] = mine.toArray();
      identities[p] = owners.size() + usedCohort.size();
      all.addAll(imp[p]);
    }
    int totalIdentities = people + usedCohort.size();
    b.impostor = all.sampleOf(MAX_KEPT, rnd);
    genuine(m, rnd, b);
    if (all.size() == 0 || totalIdentities < MIN_IMPOSTOR_IDENTITIES) {
      return new OpenSetCalibration(b);
    }
    double[] globalFit = lowerTail(all.toArray());
    b.impostorMedian = globalFit[0];
    b.impostorSigma = globalFit[1];
    if (Double.isNaN(falseAcceptRate)) {
      return new OpenSetCalibration(b);
    }
    b.calibrated = true;
    double z = Normal.quantile(falseAcceptRate * (1 - MARGIN_SHARE));
    double tg = clamp(globalFit[0] + z * globalFit[1]);
    b.globalThreshold = tg;
    double[] mu = new double[people];
    double[] sigma = new double[people];
    for (int p = 0; p < people; p++) {
      double[] own = imp[p].length >= 2 ? lowerTail(imp[p]) : new double[] {globalFit[0], globalFit[1]};
      double w = identities[p];
      mu[p] = (w * own[0] + PRIOR_IDENTITIES * globalFit[0]) / (w + PRIOR_IDENTITIES);
      sigma[p] = Math.sqrt((w * own[1] * own[1] + PRIOR_IDENTITIES * globalFit[1] * globalFit[1]) / (w + PRIOR_IDENTITIES));
      double t = m.count(p) >= 2 ? Math.max(tg, mu[p] + z * sigma[p]) : tg;
      b.thresholds[p] = clamp(t);
    }
    fitMargin(b, m, usedCohort, rnd, (int) Math.min(512, perRowBudget));
    if (b.marginTest) {
      for (int p = 0; p < people; p++) {
        double pZone = Normal.cdf((MARGIN_CAP - mu[p]) / sigma[p]);
        double q = Math.min(0.5, falseAcceptRate * MARGIN_SHARE / Math.max(pZone, 1e-12));
        b.zLimit[p] = Normal.quantile(q);
      }
    }
    return new OpenSetCalibration(b);
  }

  private static double clamp(double t) {
    return Math.max(STRICT_FLOOR, Math.min(STRICT_CAP, t));
  }

  /** Leave-one-person-out stranger probes: (d1, d1/d2) regression. */
  private static void fitMargin(Builder b, DescriptorMatrix m, List<float[]> cohort, SplittableRandom rnd, int maxProbes) {
    if (m.people() < 3 && (m.people() < 2 || cohort.isEmpty())) {
      return;
    }
    DoubleList xs = new DoubleList();
    DoubleList ys = new DoubleList();
    int rows = m.size();
    int probes = Math.min(rows, maxProbes);
    for (int k = 0; k < probes; k++) {
      int r = probes == rows ? k : rnd.nextInt(rows);
      if (m.people() >= 3) {
        addProbe(m.meanDistances(m.row(r)), m.owner(r), xs, ys);
      }
    }
    for (float[] c : cohort) {
      addProbe(m.meanDistances(c), -1, xs, ys);
    }
    if (xs.size() < MIN_MARGIN_PROBES) {
      return;
    }
    double[] x = xs.toArray();
    double[] y = ys.toArray();
    double mx = mean(x);
    double my = mean(y);
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    double slope = sxx > 0 ? sxy / sxx : 0;
    double ss = 0;
    for (int i = 0; i < x.length; i++) {
      double e = y[i] - (my + slope * (x[i] - mx));
      ss += e * e;
    }
    double resid = Math.sqrt(ss / Math.max(1, x.length - 2));
    if (!(resid > 0)) {
      return;
    }
    b.marginTest = true;
    b.d1Mean = mx;
    b.ratioMean = my;
    b.ratioSlope = slope;
    b.ratioResidual = resid;
  }

  private static void addProbe(double[] d, int exclude, DoubleList xs, DoubleList ys) {
    double d1 = Double.POSITIVE_INFINITY;
    double d2 = Double.POSITIVE_INFINITY;
    for (int p = 0; p < d.length; p++) {
      if (p == exclude) {
        continue;
      }
      if (d[p] < d1) {
        d2 = d1;
        d1 = d[p];
      } else if (d[p] < d2) {
        d2 = d[p];
      }
    }
    if (Double.isFinite(d2) && d2 > 0) {
      xs.add(d1);
      ys.add(d1 / d2);
    }
  }

  /** Leave-one-out distances of each person's references to the person's other references. */
  private static void genuine(DescriptorMatrix m, SplittableRandom rnd, Builder b) {
    DoubleList out = new DoubleList();
    List<Integer> owners = new ArrayList<>();
    int row = 0;
    for (int p = 0; p < m.people(); p++) {
      int n = m.count(p);
      if (n >= 2) {
        int take = Math.min(n, 32);
        for (int k = 0; k < take; k++) {
          int r = row + (take == n ? k : rnd.nextInt(n));
          out.add(m.meanDistance(m.row(r), p, r));
          owners.add(p);
        }
      }
      row += n;
      if (out.size() >= MAX_KEPT) {
        break;
      }
    }
    b.genuine = out.toArray();
    b.genuineOwner = owners.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Median and lower spread (root mean square below the median) of a sample. */
  static double[] lowerTail(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    double ss = 0;
    int below = 0;
    for (double x : s) {
      if (x < median) {
        ss += (x - median) * (x - median);
        below++;
      }
    }
    double sigma = below == 0 ? 0 : Math.sqrt(ss / below);
    return new double[] {median, sigma};
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static List<float[]> sample(List<float[]> list, int max, SplittableRandom rnd) {
    if (list.size() <= max) {
      return list;
    }
    List<float[]> copy = new ArrayList<>(list);
    for (int i = 0; i < max; i++) {
      int j = i + rnd.nextInt(copy.size() - i);
      float[] t = copy.get(i);
      copy.set(i, copy.get(j));
      copy.set(j, t);
    }
    return copy.subList(0, max);
  }

  /**
   * Whether the thresholds come from a target false-accept rate (false: a fixed threshold, or too
   * few impostor identities to calibrate).
   *
   * @return true if calibrated
   */
  public boolean calibrated() {
    return calibrated;
  }

  /**
   * Whether faces above their person's threshold may pass the margin test.
   *
   * @return true if calibrated with enough stranger probes
   */
  public boolean marginTest() {
    return marginTest;
  }

  /**
   * The gallery-wide threshold.
   *
   * @return a distance
   */
  public double globalThreshold() {
    return globalThreshold;
  }

  /**
   * One person's threshold.
   *
   * @param person person index
   * @return a distance
   */
  public double threshold(int person) {
    return thresholds[person];
  }

  /**
   * The largest distance ratio to the runner-up with which a face at {@code d1} from a person, above
   * that person's threshold and below {@link #MARGIN_CAP}, is accepted; NaN when the margin test is
   * off (fixed threshold, or too few probes).
   *
   * @param person person index
   * @param d1 distance to the person
   * @return the ratio limit, or NaN
   */
  public double ratioLimit(int person, double d1) {
    if (!marginTest) {
      return Double.NaN;
    }
    return ratioMean + ratioSlope * (d1 - d1Mean) + zLimit[person] * ratioResidual;
  }

  /**
   * The modelled false-accept rate per comparison at a distance (the lower-tail model of the
   * gallery's impostor distances), NaN if there are too few impostors.
   *
   * @param threshold a distance
   * @return a probability, or NaN
   */
  public double modelledFalseAcceptRate(double threshold) {
    if (Double.isNaN(impostorMedian) || !(impostorSigma > 0)) {
      return Double.NaN;
    }
    return Normal.cdf((threshold - impostorMedian) / impostorSigma);
  }

  /**
   * Genuine distances (leave-one-out, sampled).
   *
   * @return distances, a copy
   */
  public double[] genuineDistances() {
    return genuine.clone();
  }

  /**
   * Impostor distances (sampled).
   *
   * @return distances, a copy
   */
  public double[] impostorDistances() {
    return impostor.clone();
  }

  /**
   * Share of genuine distances at or above their person's threshold.
   *
   * @return 0..1, or NaN without genuine distances
   */
  public double falseRejectRate() {
    return falseRejectRate;
  }

  /**
   * Number of cohort descriptors given.
   *
   * @return the count
   */
  public int cohortSize() {
    return cohortSize;
  }

  /** A growable list of doubles. */
  private static final class DoubleList {
    private double[] a = new double[64];
    private int n;

    void add(double v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, 2 * n);
      }
      a[n++] = v;
    }

    void addAll(double[] v) {
      for (double x : v) {
        add(x);
      }
    }

    int size() {
      return n;
    }

    double[] toArray() {
      return Arrays.copyOf(a, n);
    }

    double[] sampleOf(int max, SplittableRandom rnd) {
      if (n <= max) {
        return toArray();
      }
      double[] c = toArray();
      for (int i = 0; i < max; i++) {
        int j = i + rnd.nextInt(n - i);
        double t = c[i];
        c[i] = c[j];
        c[j] = t;
      }
      return Arrays.copyOf(c, max);
    }
  }
}
