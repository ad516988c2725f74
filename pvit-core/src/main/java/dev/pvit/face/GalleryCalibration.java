package dev.pvit.face;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Map;

/**
 * The operating point of a {@link FaceGallery} and the statistics it was derived from, for reports
 * (distance histograms, FAR/FRR at the operating point). All distances are the gallery's own: its
 * references against each other and against the optional stranger cohort. See {@code
 * docs/recognition.md} for the method.
 *
 * <pre>{@code
 * GalleryCalibration c = gallery.calibration();
 * System.out.printf("threshold %.3f, modelled FAR %.1e, estimated FRR %.3f%n",
 *     c.threshold(), c.modelledFalseAcceptRate(), c.estimatedFalseRejectRate());
 * }</pre>
 *
 * @param targetFalseAcceptRate the false-accept rate per comparison the app asked for, NaN for a
 *     fixed threshold
 * @param calibrated whether the thresholds come from the target (false: fixed threshold, or too few
 *     people and cohort faces to estimate impostor distances, in which case the default applies)
 * @param threshold the gallery-wide threshold
 * @param marginCap the distance below which the margin test may accept a face above its person's
 *     threshold; NaN when the margin test is off
 * @param thresholds each person's threshold, by display name in enrollment order
 * @param genuineDistances each sampled reference's mean distance to the same person's other
 *     references (leave-one-out)
 * @param impostorDistances each sampled reference's (and cohort face's) mean distance to another
 *     person's references
 * @param cohortSize number of stranger descriptors in the cohort
 * @param modelledFalseAcceptRate false-accept rate per comparison at {@code threshold} under the
 *     fitted impostor model (NaN with too few impostors)
 * @param estimatedFalseRejectRate share of genuine distances at or above their person's threshold
 *     (NaN without a person with two references)
 */
public record GalleryCalibration(
    double targetFalseAcceptRate, boolean calibrated, double threshold, double marginCap, Map<String, Double> thresholds,
    List<Double> genuineDistances, List<Double> impostorDistances, int cohortSize, double modelledFalseAcceptRate,
    double estimatedFalseRejectRate) {
  /** Copies the collections. */
  public GalleryCalibration {
    checkNotNull(thresholds, "thresholds");
    thresholds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(thresholds));
    genuineDistances = List.copyOf(genuineDistances);
    impostorDistances = List.copyOf(impostorDistances);
  }
}
