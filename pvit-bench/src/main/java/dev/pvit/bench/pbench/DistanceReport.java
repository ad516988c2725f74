package dev.pvit.bench.pbench;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.face.GalleryCalibration;
import java.util.List;
import java.util.Locale;

/**
 * The recognition section of a pbench report: the face distances behind the gallery's decisions
 * and the error rates at its operating point, on two sets.
 *
 * <ul>
 *   <li><b>Calibration</b>: the gallery's own genuine and impostor distances, exactly those its
 *       decision rule was derived from ({@link GalleryCalibration#genuineDistances()}, {@link
 *       GalleryCalibration#impostorDistances()}; the stranger cohort's, if one was used, are among
 *       the impostors).
 *   <li><b>Evaluation</b>: the distances of the faces detected in the benchmark's scenes, labelled
 *       by the face set's ground truth ({@link SceneDistances}).
 * </ul>
 *
 * <p>Rates are given at the gallery-wide threshold, the one the histograms mark. Calibrated people
 * with several reference photos may have a looser threshold of their own; the evaluation set is
 * also scored at each person's threshold. Neither rate models the margin test, the stricter rule
 * for small faces or the one-to-one assignment in a scene: these are the distance rule's rates.
 *
 * <pre>{@code
 * DistanceReport r = new DistanceReport(gallery.calibration(), sceneDistances);
 * ErrorRates eval = r.evaluationRates();   // FAR and FRR at r.threshold()
 * }</pre>
 *
 * @param gallery the gallery's operating point and calibration distances
 * @param scenes the labelled distances of the scenes' faces
 */
public record DistanceReport(GalleryCalibration gallery, SceneDistances scenes) {
  /** Checks the parts. */
  public DistanceReport {
    checkNotNull(gallery, "gallery");
    checkNotNull(scenes, "scenes");
  }

  /**
   * The gallery-wide threshold.
   *
   * @return the distance below which a face is accepted
   */
  public double threshold() {
    return gallery.threshold();
  }

  /**
   * Rates on the gallery's own distances at the gallery-wide threshold.
   *
   * @return the rates
   */
  public ErrorRates calibrationRates() {
    return ErrorRates.at(threshold(), gallery.genuineDistances(), gallery.impostorDistances());
  }

  /**
   * Rates on the scenes' labelled distances at the gallery-wide threshold.
   *
   * @return the rates
   */
  public ErrorRates evaluationRates() {
    return ErrorRates.at(threshold(), scenes.genuineDistances(), scenes.impostorDistances());
  }

  /**
   * Rates on the scenes' labelled distances, each comparison at its person's threshold.
   *
   * @return the rates
   */
  public ErrorRates evaluationRatesPerPerson() {
    return ErrorRates.of(perPerson(scenes.genuine()), perPerson(scenes.impostor()));
  }

  /**
   * Whether some person's threshold differs from the gallery-wide one.
   *
   * @return true if thresholds differ
   */
  public boolean personThresholdsDiffer() {
    return gallery.thresholds().values().stream().anyMatch(t -> Math.abs(t - threshold()) > 1e-9);
  }

  /**
   * Histogram of the calibration distances.
   *
   * @return bins of {@value DistanceHistogram#DEFAULT_WIDTH}
   */
  public DistanceHistogram calibrationHistogram() {
    return DistanceHistogram.of(gallery.genuineDistances(), gallery.impostorDistances());
  }

  /**
   * Histogram of the evaluation distances.
   *
   * @return bins of {@value DistanceHistogram#DEFAULT_WIDTH}
   */
  public DistanceHistogram evaluationHistogram() {
    return DistanceHistogram.of(scenes.genuineDistances(), scenes.impostorDistances());
  }

  /**
   * One line for the console, e.g. {@code recognition at the gallery-wide threshold 0.556:
   * calibration FAR 0/1554 FRR 5/74 margin 0.043; scenes FAR 0/1235 FRR 0/28 margin 0.032}.
   *
   * @return the line, without a line break
   */
  public String summaryLine() {
    return String.format(Locale.ROOT, "recognition at the gallery-wide threshold %.3f: calibration %s; scenes %s",
        threshold(), brief(calibrationRates()), brief(evaluationRates()));
  }

  private static String brief(ErrorRates e) {
    return "FAR " + e.falseAccepts().correct() + "/" + e.falseAccepts().total() + " FRR " + e.falseRejects().correct()
        + "/" + e.falseRejects().total() + " margin "
        + (e.margin().isPresent() ? String.format(Locale.ROOT, "%.3f", e.margin().getAsDouble()) : "n/a");
  }

  private List<ErrorRates.Comparison> perPerson(List<SceneDistances.Entry> entries) {
    return entries.stream()
        .map(e -> new ErrorRates.Comparison(e.distance(), gallery.thresholds().getOrDefault(e.person(), threshold())))
        .toList();
  }
}
