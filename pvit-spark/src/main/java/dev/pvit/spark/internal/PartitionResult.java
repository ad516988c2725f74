package dev.pvit.spark.internal;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What one partition produced; also the content of its commit marker
 * ({@code _partitions/part-NNNNN.json}), so a re-run can skip the partition and still report it.
 *
 * @param partition the partition number
 * @param inputs photos in the partition
 * @param rejected photos rejected (listed in {@code rejects})
 * @param records records written
 * @param counts counters by group, as in the local {@code stats.json}
 * @param rejects one JSON line per rejected photo (key, stage, stageName, error, reason)
 * @param skipped true when an earlier run had already committed the partition
 * @param millis wall-clock time of the attempt that committed it
 */
public record PartitionResult(
    int partition,
    long inputs,
    long rejected,
    long records,
    Map<String, Map<String, Long>> counts,
    List<String> rejects,
    boolean skipped,
    long millis)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The same result, marked as found committed.
   *
   * @return the copy
   */
  public PartitionResult asSkipped() {
    return new PartitionResult(partition, inputs, rejected, records, counts, rejects, true, millis);
  }
}
