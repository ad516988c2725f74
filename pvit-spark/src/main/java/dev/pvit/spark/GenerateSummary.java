package dev.pvit.spark;

import java.time.Duration;
import java.util.Map;

/**
 * The result of {@link PvitSpark#generate}: this run's counts next to the folder's totals.
 *
 * @param inputs photos in the input folder
 * @param skipped photos in partitions committed by an earlier run (not processed again)
 * @param processed photos processed by this run, including rejected ones
 * @param rejected photos rejected by this run
 * @param records records written by this run
 * @param totalRecords records in the output folder
 * @param partitions the number of partitions
 * @param skippedPartitions partitions committed by an earlier run
 * @param elapsed wall-clock time of this run, listing and bookkeeping included
 * @param groups counters over the whole folder ({@code category}, {@code kind}, {@code scenes},
 *     {@code names}, {@code people}, {@code rejects}), as in {@code stats.json}
 * @param output the qualified output folder
 */
public record GenerateSummary(
    long inputs,
    long skipped,
    long processed,
    long rejected,
    long records,
    long totalRecords,
    int partitions,
    int skippedPartitions,
    Duration elapsed,
    Map<String, Map<String, Long>> groups,
    String output) {

  /** Copies the counters. */
  public GenerateSummary {
    groups = Map.copyOf(groups);
  }

  /**
   * Photos per second processed by this run.
   *
   * @return the rate
   */
  public double imagesPerSecond() {
    return processed / Math.max(1e-3, elapsed.toMillis() / 1000.0);
  }
}
