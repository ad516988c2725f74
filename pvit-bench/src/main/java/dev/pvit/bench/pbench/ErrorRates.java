package dev.pvit.bench.pbench;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.OptionalDouble;

/**
 * False-accept and false-reject rates of a distance rule on labelled comparisons: a comparison is
 * accepted when its distance is strictly below its threshold (the gallery's rule), a genuine one
 * rejected otherwise.
 *
 * <pre>{@code
 * ErrorRates r = ErrorRates.at(0.556, genuine, impostor);
 * System.out.println(r.falseAccepts().correct() + " of " + r.falseAccepts().total() + " impostors accepted");
 * }</pre>
 *
 * @param falseAccepts impostor comparisons accepted, of all impostor comparisons
 * @param falseRejects genuine comparisons rejected, of all genuine comparisons
 * @param farthestAcceptedGenuine the largest accepted genuine distance, if any genuine was accepted
 * @param closestImpostor the smallest impostor distance, if there are impostors
 */
public record ErrorRates(
    Tally falseAccepts, Tally falseRejects, OptionalDouble farthestAcceptedGenuine, OptionalDouble closestImpostor) {
  /** Checks the parts. */
  public ErrorRates {
    checkNotNull(falseAccepts, "falseAccepts");
    checkNotNull(falseRejects, "falseRejects");
    checkNotNull(farthestAcceptedGenuine, "farthestAcceptedGenuine");
    checkNotNull(closestImpostor, "closestImpostor");
  }

  /**
   * One labelled comparison: a distance and the threshold that applied to it.
   *
   * @param distance the distance, 0 or more
   * @param threshold accepted when {@code distance < threshold}
   */
  public record Comparison(double distance, double threshold) {
    /** Checks the distance. */
    public Comparison {
      checkArgument(distance >= 0, "a distance must be 0 or more, got %s", distance);
    }

    /**
     * Whether the rule accepts it.
     *
     * @return {@code distance < threshold}
     */
    public boolean accepted() {
      return distance < threshold;
    }
  }

  /**
   * The rates at one threshold for every comparison.
   *
   * @param threshold accepted when a distance is below it
   * @param genuine genuine distances
   * @param impostor impostor distances
   * @return the rates
   */
  public static ErrorRates at(double threshold, List<Double> genuine, List<Double> impostor) {
    return of(genuine.stream().map(d -> new Comparison(d, threshold)).toList(),
        impostor.stream().map(d -> new Comparison(d, threshold)).toList());
  }

  /**
   * The rates when every comparison has its own threshold (e.g. its person's).
   *
   * @param genuine genuine comparisons
   * @param impostor impostor comparisons
   * @return the rates
   */
  public static ErrorRates of(List<Comparison> genuine, List<Comparison> impostor) {
    Tally fa = Tally.EMPTY;
    OptionalDouble closest = OptionalDouble.empty();
    for (Comparison c : impostor) {
      fa = fa.add(c.accepted());
      if (closest.isEmpty() || c.distance() < closest.getAsDouble()) {
        closest = OptionalDouble.of(c.distance());
      }
    }
    Tally fr = Tally.EMPTY;
    OptionalDouble farthest = OptionalDouble.empty();
    for (Comparison c : genuine) {
      fr = fr.add(!c.accepted());
      if (c.accepted() && (farthest.isEmpty() || c.distance() > farthest.getAsDouble())) {
        farthest = OptionalDouble.of(c.distance());
      }
    }
    return new ErrorRates(fa, fr, farthest, closest);
  }

  /**
   * How much farther the closest impostor is than the farthest accepted genuine comparison:
   * positive when the two are separated, negative when they overlap.
   *
   * @return {@code closestImpostor - farthestAcceptedGenuine}, empty when either is missing
   */
  public OptionalDouble margin() {
    return farthestAcceptedGenuine.isPresent() && closestImpostor.isPresent()
        ? OptionalDouble.of(closestImpostor.getAsDouble() - farthestAcceptedGenuine.getAsDouble())
        : OptionalDouble.empty();
  }
}
