package dev.pvit.bench.perf;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * One benchmark result.
 *
 * @param benchmark the benchmark method's simple name, e.g. {@code descriptorBatch16}
 * @param group the benchmark class's short name, e.g. {@code FaceNets}
 * @param params JMH parameters, e.g. {@code descriptors=1000000}, or empty
 * @param millis mean milliseconds per operation
 * @param error the 99.9% confidence half-width in milliseconds (NaN with too few iterations)
 * @param per what one operation is, for the throughput column: {@code face}, {@code image}, …
 * @param js the JavaScript reference's milliseconds per operation, if measured
 */
public record PerfRow(
    String benchmark, String group, String params, double millis, double error, String per, Optional<Double> js) {
  /** Checks the parts. */
  public PerfRow {
    checkNotNull(benchmark, "benchmark");
    checkNotNull(group, "group");
    checkNotNull(params, "params");
    checkNotNull(per, "per");
    checkNotNull(js, "js");
  }

  /**
   * Operations per second.
   *
   * @return 1000 / millis
   */
  public double perSecond() {
    return millis <= 0 ? Double.POSITIVE_INFINITY : 1000.0 / millis;
  }

  /**
   * How many times faster than the JavaScript reference (above 1: faster).
   *
   * @return js / ours, if the reference was measured
   */
  public Optional<Double> speedup() {
    return js.map(j -> j / millis);
  }
}
