package dev.pvit.spark.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.pipeline.dataset.DatasetSink;
import dev.pvit.spark.GenerateOptions;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of one partition: skip it if an earlier attempt or run committed it; otherwise run
 * every photo through the chain, then commit: the record file(s) first, the marker last, each
 * written to an attempt-named temporary file and renamed. A partition is done exactly when its
 * marker exists, so a failed or killed attempt leaves nothing a reader counts, and a retry or a
 * speculative twin writes the same bytes under the same names.
 */
public final class PartitionTask implements Function2<Integer, Iterator<InputItem>, Iterator<PartitionResult>> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PartitionTask.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GenerateOptions options;
  private final Broadcast<HadoopConf> conf;
  private final List<InputItem> poolInputs;
  private final String runId;
  private final int partitions;

  /**
   * Creates the task function.
   *
   * @param options the run's options
   * @param conf the driver's Hadoop configuration
   * @param poolInputs the photos of the reference pool
   * @param runId identifies the run (for per-JVM caches)
   * @param partitions the number of partitions
   */
  public PartitionTask(GenerateOptions options, Broadcast<HadoopConf> conf, List<InputItem> poolInputs, String runId,
      int partitions) {
    this.options = options;
    this.conf = conf;
    this.poolInputs = List.copyOf(poolInputs);
    this.runId = runId;
    this.partitions = partitions;
  }

  @Override
  public Iterator<PartitionResult> call(Integer partition, Iterator<InputItem> items) throws Exception {
    HadoopFiles out = HadoopFiles.open(options.output(), conf.value().get());
    Optional<PartitionResult> done = readMarker(out, partition);
    if (done.isPresent()) {
      LOG.info("Partition {} was committed earlier; skipping it", partition);
      return List.of(done.get().asSkipped()).iterator();
    }
    TaskContext task = TaskContext.get();
    String writer = "attempt-" + (task == null ? "driver" : Long.toString(task.taskAttemptId()));
    long start = System.nanoTime();
    List<String> records = new ArrayList<>();
    List<String> rejects = new ArrayList<>();
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    long inputs = 0;
    try (ItemChain chain = ItemChain.generation(options, poolInputs, runId, conf.value().get(), partition,
        partitions)) {
      while (items.hasNext()) {
        InputItem item = items.next();
        inputs++;
        CapturedOutput captured = new CapturedOutput(out, item.key(), writer);
        ItemChain.Outcome outcome = chain.process(item, captured);
        if (outcome.reject() != null) {
          rejects.add(outcome.reject());
          add(counts, Map.of("rejects", Map.of(String.valueOf(outcome.errorType()), 1L)));
          continue;
        }
        for (Map.Entry<String, List<String>> e : captured.lines().entrySet()) {
          if (!e.getKey().equals(DatasetSink.DATA)) {
            throw new IllegalStateException("The sink wrote lines to '" + e.getKey() + "'; only "
                + DatasetSink.DATA + " is collected into partitions.");
          }
          records.addAll(e.getValue());
        }
        add(counts, captured.counts());
      }
    }
    if (task != null && task.attemptNumber() == 0 && options.failFirstAttempts().contains(partition)) {
      throw new IllegalStateException("Injected failure of the first attempt of partition " + partition
          + " (GenerateOptions.failFirstAttempts test hook)");
    }
    PartitionResult result = new PartitionResult(partition, inputs, rejects.size(), records.size(), counts, rejects,
        false, (System.nanoTime() - start) / 1_000_000);
    commit(out, result, records, writer);
    return List.of(result).iterator();
  }

  private void commit(HadoopFiles out, PartitionResult result, List<String> records, String writer)
      throws JsonProcessingException {
    out.write(Layout.dataArray(result.partition()), jsonArray(records), writer);
    if (options.jsonl()) {
      StringBuilder sb = new StringBuilder();
      records.forEach(r -> sb.append(r).append('\n'));
      out.write(Layout.dataLines(result.partition()), sb.toString(), writer);
    }
    out.write(Layout.marker(result.partition()), JSON.writeValueAsString(result), writer);
  }

  /**
   * A JSON array with one record per line, each record exactly the line the local runner writes
   * to {@code data.jsonl}.
   *
   * @param records the records
   * @return the array text
   */
  static String jsonArray(List<String> records) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < records.size(); i++) {
      sb.append(i == 0 ? "\n" : ",\n").append(records.get(i));
    }
    return sb.append("\n]\n").toString();
  }

  /**
   * The committed result of a partition, if any.
   *
   * @param out the output folder
   * @param partition the partition
   * @return the result
   */
  public static Optional<PartitionResult> readMarker(HadoopFiles out, int partition) {
    return out.readString(Layout.marker(partition)).map(text -> {
      try {
        return JSON.readValue(text, PartitionResult.class);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException("Commit marker of partition " + partition + " is unreadable: "
            + e.getOriginalMessage(), e);
      }
    });
  }

  private static void add(Map<String, Map<String, Long>> into, Map<String, Map<String, Long>> counts) {
    counts.forEach((group, byKey) -> byKey.forEach(
        (k, v) -> into.computeIfAbsent(group, g -> new TreeMap<>()).merge(k, v, Long::sum)));
  }
}
