package dev.pvit.spark.internal;

import java.util.Locale;

/** Names in a Spark dataset folder. */
public final class Layout {
  /** Seed, fingerprint, input digest and partition count of the run that started the folder. */
  public static final String RUN = "run.json";
  /** Totals over all partitions, as the local {@code stats.json}. */
  public static final String STATS = "stats.json";
  /** The record files with their counts, written when every partition is committed. */
  public static final String MANIFEST = "manifest.json";
  /** All rejected photos with their reasons. */
  public static final String REJECTS = "rejects.jsonl";
  /** Folder of the per-partition record files. */
  public static final String DATA_DIR = "data";

  private Layout() {}

  /**
   * The record file of a partition: one JSON array.
   *
   * @param partition the partition
   * @return the relative path
   */
  public static String dataArray(int partition) {
    return String.format(Locale.ROOT, "%s/part-%05d.json", DATA_DIR, partition);
  }

  /**
   * The JSON-lines record file of a partition.
   *
   * @param partition the partition
   * @return the relative path
   */
  public static String dataLines(int partition) {
    return String.format(Locale.ROOT, "%s/part-%05d.jsonl", DATA_DIR, partition);
  }

  /**
   * The commit marker of a partition, written last.
   *
   * @param partition the partition
   * @return the relative path
   */
  public static String marker(int partition) {
    return String.format(Locale.ROOT, "_partitions/part-%05d.json", partition);
  }
}
