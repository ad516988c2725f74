package dev.pvit.face;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Why a face was (or was not) given a name: the evidence behind one open-set decision.
 *
 * <pre>{@code
 * MatchDecision d = recognizedFace.decision();
 * System.out.printf("%s: distance %.3f, threshold %.3f, runner-up %.3f%n",
 *     d.outcome(), d.distance(), d.threshold(), d.runnerUpDistance());
 * }</pre>
 *
 * @param outcome what was decided
 * @param distance distance to the person the decision is about (the named person, else the closest
 *     one; infinite for an empty gallery)
 * @param threshold the threshold that applied to that person and face (stricter for small faces),
 *     NaN without a candidate
 * @param runnerUpDistance distance to the closest other registered person (infinite if there is none)
 * @param ratioLimit for {@link Outcome#CLEAR_MARGIN} and {@link Outcome#TOO_FAR}: the largest ratio
 *     {@code distance / runnerUpDistance} the margin test accepts at this distance; NaN when the
 *     margin test did not apply
 */
public record MatchDecision(Outcome outcome, double distance, double threshold, double runnerUpDistance, double ratioLimit) {
  /** Checks the outcome. */
  public MatchDecision {
    checkNotNull(outcome, "outcome");
  }

  /** What was decided for a face. */
  public enum Outcome {
    /** Named: closer than the person's threshold. */
    WITHIN_THRESHOLD,
    /** Named: above the threshold but below the margin cap, with the runner-up much farther. */
    CLEAR_MARGIN,
    /** Unknown: too far from the closest person (or too close to the runner-up). */
    TOO_FAR,
    /** Unknown: the closest acceptable person was given to a closer face in the same scene. */
    ASSIGNED_ELSEWHERE,
    /** Unknown: the gallery is empty. */
    NO_CANDIDATE
  }

  /** The decision for an empty gallery. */
  static MatchDecision noCandidate() {
    return new MatchDecision(Outcome.NO_CANDIDATE, Double.POSITIVE_INFINITY, Double.NaN, Double.POSITIVE_INFINITY, Double.NaN);
  }

  /**
   * Whether a name was given.
   *
   * @return true for {@link Outcome#WITHIN_THRESHOLD} and {@link Outcome#CLEAR_MARGIN}
   */
  public boolean accepted() {
    return outcome == Outcome.WITHIN_THRESHOLD || outcome == Outcome.CLEAR_MARGIN;
  }

  /**
   * How much farther the runner-up is: {@code runnerUpDistance - distance}.
   *
   * @return a distance difference (infinite without a runner-up)
   */
  public double margin() {
    return runnerUpDistance - distance;
  }

  /**
   * The distance ratio to the runner-up, {@code distance / runnerUpDistance}: near 1 for strangers,
   * who are about equally far from everybody.
   *
   * @return 0 to 1 (0 without a runner-up)
   */
  public double ratio() {
    return Double.isInfinite(runnerUpDistance) ? 0 : distance / runnerUpDistance;
  }

  MatchDecision withOutcome(Outcome o) {
    return new MatchDecision(o, distance, threshold, runnerUpDistance, ratioLimit);
  }
}
