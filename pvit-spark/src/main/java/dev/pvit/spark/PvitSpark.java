package dev.pvit.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.pvit.pipeline.PipelineException;
import dev.pvit.spark.internal.CurateTask;
import dev.pvit.spark.internal.HadoopConf;
import dev.pvit.spark.internal.HadoopFiles;
import dev.pvit.spark.internal.InputItem;
import dev.pvit.spark.internal.ItemChain;
import dev.pvit.spark.internal.Layout;
import dev.pvit.spark.internal.PartitionResult;
import dev.pvit.spark.internal.PartitionTask;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PVIT data generation on Apache Spark: the stages of {@code pvit generate} (embedded face engine,
 * structured descriptions, template QA) run by Spark tasks, with records byte-identical to the local
 * runner's for the same seed and input, whatever the partitioning or the number of executors.
 *
 * <pre>{@code
 * SparkSession spark = SparkSession.builder().appName("pvit").getOrCreate();
 * GenerateSummary s = PvitSpark.generate(spark, GenerateOptions.builder()
 *     .input("s3a://bucket/photos").output("s3a://bucket/pvit-dataset").seed(7).partitions(400).build());
 * }</pre>
 *
 * <h2>Output folder</h2>
 * <ul>
 *   <li>{@code data/part-NNNNN.json}: one JSON array per partition, one record per line, each
 *       record exactly a line of the local {@code data.jsonl}; concatenating the partitions in
 *       order gives the local file ({@code data/part-NNNNN.jsonl} too with {@code jsonl(true)});
 *   <li>{@code images/...}: the scene and reference images, named as locally;
 *   <li>{@code _partitions/part-NNNNN.json}: a partition's commit marker (its counts and rejects);
 *   <li>{@code manifest.json}, {@code stats.json}, {@code rejects.jsonl}: written by the driver when
 *       every partition is committed; {@code run.json}: the settings the folder was started with.
 * </ul>
 *
 * <h2>Faults and re-runs</h2>
 * A task that fails is retried by Spark ({@code spark.task.maxFailures}); a partition becomes visible
 * only when its marker is renamed into place after its records, so retried, speculative or killed
 * attempts leave no duplicates and no gaps. A photo that cannot be read or processed goes to
 * {@code rejects.jsonl} with its reason and the job goes on; a {@link dev.pvit.RetriableException}
 * fails the task so that Spark retries it. Running again into the same output with the same input
 * and settings skips committed partitions; other settings or changed inputs are refused with a
 * {@link PipelineException}.
 */
public final class PvitSpark {
  private static final Logger LOG = LoggerFactory.getLogger(PvitSpark.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private PvitSpark() {}

  /**
   * Generates (or resumes) a PVIT dataset.
   *
   * @param spark the session; its Hadoop configuration reaches the input and output
   * @param options what to read and write
   * @return this run's counts and the folder's totals
   * @throws PipelineException if the input cannot be listed or the output was started with other
   *     settings or inputs
   * @throws RuntimeException Spark's {@code org.apache.spark.SparkException} (thrown unchecked from Scala) if a task keeps failing
   */
  public static GenerateSummary generate(SparkSession spark, GenerateOptions options) {
    long start = System.nanoTime();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = jsc.hadoopConfiguration();
    List<InputItem> items = HadoopFiles.open(options.input(), conf).listImages();
    HadoopFiles out = HadoopFiles.open(options.output(), conf);
    String digest = digest(items);
    int partitions = startOrResume(out, options, digest, items.size(), jsc.defaultParallelism());
    List<InputItem> pool = ItemChain.poolInputs(items, options.seed(), options.referenceImages());
    Broadcast<HadoopConf> hadoop = jsc.broadcast(new HadoopConf(conf));
    String runId = out.uri() + " " + options.fingerprint() + " " + digest;
    LOG.info("pvit-spark generate: {} photos in {} partitions into {}", items.size(), partitions, out.uri());
    jsc.setJobDescription("pvit-spark generate " + items.size() + " photos into " + out.uri());
    List<PartitionResult> results = new ArrayList<>(jsc.parallelize(items, partitions)
        .mapPartitionsWithIndex(new PartitionTask(options, hadoop, pool, runId, partitions), false)
        .collect());
    results.sort(Comparator.comparingInt(PartitionResult::partition));
    hadoop.destroy();
    return finish(out, results, items.size(), partitions, Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * PVIT phase 1 (curation) as an RDD, for jobs of your own: one {@link CuratedPhoto} per photo
   * with at least {@code minPeople} kept people, and one (with its reason) per photo that failed.
   * Lazy: nothing runs until an action; persist it if you use it more than once. Uses
   * {@code input}, {@code partitions}, {@code minPeople}, {@code seed} and {@code torchThreads} of
   * the options and writes nothing.
   *
   * <pre>{@code
   * JavaRDD<CuratedPhoto> photos = PvitSpark.curate(spark, options);
   * long people = photos.mapToDouble(p -> p.people().size()).sum();
   * }</pre>
   *
   * @param spark the session
   * @param options the input and curation settings
   * @return the curated photos, in input order within and across partitions
   * @throws PipelineException if the input cannot be listed
   */
  public static JavaRDD<CuratedPhoto> curate(SparkSession spark, GenerateOptions options) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = jsc.hadoopConfiguration();
    List<InputItem> items = HadoopFiles.open(options.input(), conf).listImages();
    int partitions = options.partitions() > 0 ? options.partitions()
        : defaultPartitions(items.size(), jsc.defaultParallelism());
    return jsc.parallelize(items, partitions).mapPartitions(new CurateTask(options, jsc.broadcast(new HadoopConf(conf))));
  }

  /** Checks {@code run.json} against this run, or writes it; returns the partition count. */
  private static int startOrResume(HadoopFiles out, GenerateOptions options, String digest, int inputs,
      int parallelism) {
    Optional<String> existing = out.readString(Layout.RUN);
    if (existing.isEmpty()) {
      int partitions = options.partitions() > 0 ? options.partitions() : defaultPartitions(inputs, parallelism);
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("fingerprint", options.fingerprint());
      run.put("inputs", inputs);
      run.put("inputsDigest", digest);
      run.put("partitions", partitions);
      out.write(Layout.RUN, json(run), "driver");
      return partitions;
    }
    JsonNode run;
    try {
      run = JSON.readTree(existing.get());
    } catch (JsonProcessingException e) {
      throw new PipelineException("'" + out.uri() + "/" + Layout.RUN + "' is unreadable (" + e.getOriginalMessage()
          + "); use a new output folder.", e);
    }
    String was = run.path("fingerprint").asText();
    if (!was.equals(options.fingerprint())) {
      throw new PipelineException("Output '" + out.uri() + "' was started with other settings (" + was
          + "); this run has (" + options.fingerprint() + "). Use the same seed and settings to resume, or a new"
          + " output folder.");
    }
    if (!run.path("inputsDigest").asText().equals(digest)) {
      throw new PipelineException("The photos under the input changed since output '" + out.uri() + "' was started ("
          + run.path("inputs").asLong() + " then, " + inputs + " now, or other files or versions); partitions would"
          + " no longer hold the same photos. Use a new output folder.");
    }
    int partitions = run.path("partitions").asInt();
    if (options.partitions() > 0 && options.partitions() != partitions) {
      throw new PipelineException("Output '" + out.uri() + "' was started with " + partitions + " partitions; resume"
          + " it with the same number (or leave partitions at 0), or use a new output folder.");
    }
    return partitions;
  }

  /** Four partitions per task slot, so a slow partition does not hold a slot idle; at most one per photo. */
  private static int defaultPartitions(int inputs, int parallelism) {
    return Math.max(1, Math.min(inputs, 4 * parallelism));
  }

  private static GenerateSummary finish(HadoopFiles out, List<PartitionResult> results, int inputs, int partitions,
      Duration elapsed) {
    StringBuilder rejects = new StringBuilder();
    Map<String, Map<String, Long>> groups = new TreeMap<>();
    List<Map<String, Object>> files = new ArrayList<>();
    long skipped = 0;
    long processed = 0;
    long rejected = 0;
    long records = 0;
    long totalRecords = 0;
    long totalRejected = 0;
    int skippedPartitions = 0;
    for (PartitionResult r : results) {
      r.rejects().forEach(line -> rejects.append(line).append('\n'));
      r.counts().forEach((g, byKey) -> byKey.forEach(
          (k, v) -> groups.computeIfAbsent(g, x -> new TreeMap<>()).merge(k, v, Long::sum)));
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("file", Layout.dataArray(r.partition()));
      file.put("inputs", r.inputs());
      file.put("records", r.records());
      file.put("rejected", r.rejected());
      files.add(file);
      totalRecords += r.records();
      totalRejected += r.rejected();
      if (r.skipped()) {
        skipped += r.inputs();
        skippedPartitions++;
      } else {
        processed += r.inputs();
        rejected += r.rejected();
        records += r.records();
      }
    }
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("inputs", (long) inputs);
    stats.put("ok", inputs - totalRejected);
    stats.put("rejected", totalRejected);
    stats.put("outputs", totalRecords);
    stats.put("groups", groups);
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", "pvit-3m llava records, one JSON array per partition");
    manifest.put("partitions", partitions);
    manifest.put("records", totalRecords);
    manifest.put("files", files);
    // Every partition has committed, so a temporary file left now belongs to an attempt that died
    // mid-write (its executor was lost) and will never be renamed.
    int abandoned = out.deleteAbandonedTemporaries();
    if (abandoned > 0) {
      LOG.info("pvit-spark generate: removed {} temporary files of attempts that died mid-write", abandoned);
    }
    out.write(Layout.REJECTS, rejects.toString(), "driver");
    out.write(Layout.STATS, json(stats), "driver");
    out.write(Layout.MANIFEST, json(manifest), "driver");
    GenerateSummary summary = new GenerateSummary(inputs, skipped, processed, rejected, records, totalRecords,
        partitions, skippedPartitions, elapsed, groups, out.uri().toString());
    LOG.info("pvit-spark generate finished: {} photos ({} done earlier), {} rejected, {} records in total, {} s",
        inputs, skipped, rejected, totalRecords, elapsed.toSeconds());
    return summary;
  }

  private static String digest(List<InputItem> items) {
    Hasher h = Hashing.murmur3_128().newHasher();
    items.forEach(i -> h.putString(i.key(), StandardCharsets.UTF_8).putChar('\n')
        .putString(i.version(), StandardCharsets.UTF_8).putChar('\n'));
    return h.hash().toString();
  }

  private static String json(Object value) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
