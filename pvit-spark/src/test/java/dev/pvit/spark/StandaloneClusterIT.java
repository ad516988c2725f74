package dev.pvit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Spark standalone cluster on this machine (a master and two one-core workers, separate
 * JVMs on 127.0.0.1) running {@link PvitSpark#generate} on a subset of the shared dev scenes: the
 * records equal the local pipeline's, and when one worker (with its executor) is killed mid-job the
 * job still finishes with complete, duplicate-free output.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class StandaloneClusterIT {
  private static final Logger LOG = LoggerFactory.getLogger(StandaloneClusterIT.class);
  private static final long SEED = 11;
  private static final int PHOTOS = 8;
  /** Every executor curates the pool's photos once; few keep the cluster test short. */
  private static final int POOL = 3;
  private static final AtomicInteger REMOVED_EXECUTORS = new AtomicInteger();
  private static final Set<String> EXECUTORS_WITH_TASKS = ConcurrentHashMap.newKeySet();

  @TempDir static Path tmp;
  private static StandaloneCluster cluster;
  private static SparkSession spark;
  private static Path input;
  private static List<String> expected;
  private static Path local;

  @BeforeAll
  static void start() throws Exception {
    input = SparkOutputs.subset(SparkOutputs.sharedScenes(), tmp.resolve("input"), PHOTOS);
    local = SparkOutputs.local(input, tmp.resolve("local"), SEED, POOL);
    expected = SparkOutputs.localRecords(local);
    long t0 = System.nanoTime();
    // Under target/, not the temporary folder, so that the master's, workers' and executors' logs
    // stay for a look after a failure.
    Path clusterDir = Path.of("target", "standalone-cluster-it").toAbsolutePath();
    deleteRecursively(clusterDir);
    cluster = StandaloneCluster.start(clusterDir, 2, "1g");
    spark = SparkSession.builder().master(cluster.masterUrl()).appName("pvit-spark-cluster-it")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.executor.memory", "768m")
        .config("spark.executor.cores", "1")
        .config("spark.cores.max", "2")
        .config("spark.executor.extraClassPath", StandaloneCluster.executorClassPath())
        .config("spark.executor.extraJavaOptions", "-Dai.djl.offline=true")
        .config("spark.executorEnv.OMP_NUM_THREADS", "1")
        .config("spark.executorEnv.OPT_OUT_TRACKING", "true")
        .getOrCreate();
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override
      public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        REMOVED_EXECUTORS.incrementAndGet();
      }

      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        EXECUTORS_WITH_TASKS.add(end.taskInfo().executorId());
      }
    });
    LOG.info("Standalone cluster with 2 workers up in {} ms", (System.nanoTime() - t0) / 1_000_000);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (spark != null) {
        spark.stop();
      }
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
  }

  @Test
  @Order(1)
  void a_job_on_two_workers_writes_the_local_pipelines_records() throws Exception {
    Path out = tmp.resolve("out");
    long t0 = System.nanoTime();
    GenerateSummary s = PvitSpark.generate(spark, GenerateOptions.builder().input(input.toString())
        .output(out.toString()).seed(SEED).referenceImages(POOL).partitions(4).build());
    LOG.info("Cluster job on {} photos took {} ms", PHOTOS, (System.nanoTime() - t0) / 1_000_000);

    assertThat(s.inputs()).isEqualTo(PHOTOS);
    assertThat(expected).isNotEmpty();
    assertThat(SparkOutputs.sparkRecords(out)).containsExactlyElementsOf(expected);
    assertThat(SparkOutputs.images(out)).isEqualTo(SparkOutputs.images(local));
    // Listener events arrive asynchronously.
    for (int i = 0; i < 100 && EXECUTORS_WITH_TASKS.size() < 2; i++) {
      Thread.sleep(50);
    }
    assertThat(EXECUTORS_WITH_TASKS).as("executors that ran tasks").hasSize(2);
  }

  @Test
  @Order(2)
  void killing_a_worker_mid_job_still_gives_complete_duplicate_free_output() throws Exception {
    Path out = tmp.resolve("out-killed");
    CompletableFuture<GenerateSummary> job = CompletableFuture.supplyAsync(() -> PvitSpark.generate(spark,
        GenerateOptions.builder().input(input.toString()).output(out.toString()).seed(SEED).referenceImages(POOL)
            .partitions(PHOTOS).build()));
    Path markers = out.resolve("_partitions");
    long committedAtKill = 0;
    for (int i = 0; i < 1200 && committedAtKill == 0; i++) {
      Thread.sleep(50);
      committedAtKill = count(markers);
    }
    assertThat(committedAtKill).as("partitions committed before the kill").isPositive();
    int removedBefore = REMOVED_EXECUTORS.get();
    cluster.killWorker(1);
    LOG.info("Killed worker 1 with {} of {} partitions committed", committedAtKill, PHOTOS);

    GenerateSummary s = job.get(4, TimeUnit.MINUTES);

    assertThat(committedAtKill).as("work left when the worker died").isLessThan(PHOTOS);
    assertThat(REMOVED_EXECUTORS.get()).as("executors lost").isGreaterThan(removedBefore);
    assertThat(s.processed()).isEqualTo(PHOTOS);
    assertThat(count(markers)).isEqualTo(PHOTOS);
    assertThat(SparkOutputs.sparkRecords(out)).containsExactlyElementsOf(expected);
    assertThat(SparkOutputs.images(out)).isEqualTo(SparkOutputs.images(local));
    assertThat(SparkOutputs.leftovers(out)).isEmpty();
  }

  private static void deleteRecursively(Path dir) throws Exception {
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static long count(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("part-")).count();
    }
  }
}
