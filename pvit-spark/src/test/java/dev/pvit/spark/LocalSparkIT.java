package dev.pvit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.pipeline.PipelineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark in local mode with two task slots (and one retry allowed) on the shared dev scenes: the
 * records and images equal the local pipeline's for the same seed (3 and 2 partitions) although one
 * partition's first attempt fails (injected) and is retried, a re-run skips committed
 * partitions, other settings are refused, and an unreadable photo is rejected while the job goes on.
 */
class LocalSparkIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SEED = 7;

  @TempDir static Path tmp;
  private static final AtomicInteger FAILED_TASKS = new AtomicInteger();
  private static SparkSession spark;
  private static Path scenes;
  private static Path local;

  @BeforeAll
  static void start() {
    scenes = SparkOutputs.sharedScenes();
    local = SparkOutputs.local(scenes, tmp.resolve("local"), SEED);
    spark = SparkSession.builder().master("local[2,2]").appName("pvit-spark-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.taskInfo().failed()) {
          FAILED_TASKS.incrementAndGet();
        }
      }
    });
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void records_and_images_equal_the_local_pipeline_despite_a_failed_attempt_and_a_rerun_skips_every_partition()
      throws Exception {
    Path out = tmp.resolve("spark3");
    GenerateOptions options = GenerateOptions.builder().input(scenes.toString()).output(out.toString())
        .seed(SEED).partitions(3).jsonl(true).failFirstAttempts(List.of(1)).build();

    GenerateSummary first = PvitSpark.generate(spark, options);
    // Listener events arrive asynchronously.
    for (int i = 0; i < 100 && FAILED_TASKS.get() == 0; i++) {
      Thread.sleep(50);
    }
    assertThat(FAILED_TASKS.get()).as("failed task attempts").isEqualTo(1);

    List<String> expected = SparkOutputs.localRecords(local);
    assertThat(expected).isNotEmpty();
    assertThat(SparkOutputs.sparkRecords(out)).containsExactlyElementsOf(expected);
    assertThat(SparkOutputs.images(out)).isEqualTo(SparkOutputs.images(local));
    JsonNode localStats = JSON.readTree(local.resolve("stats.json").toFile());
    JsonNode sparkStats = JSON.readTree(out.resolve("stats.json").toFile());
    assertThat(sparkStats.get("groups")).isEqualTo(localStats.get("groups"));
    assertThat(sparkStats.get("outputs")).isEqualTo(localStats.get("outputs"));
    assertThat(first.records()).isEqualTo(expected.size());
    assertThat(first.inputs()).isEqualTo(localStats.get("inputs").asLong());
    assertThat(first.processed()).isEqualTo(first.inputs());
    StringBuilder jsonl = new StringBuilder();
    for (int p = 0; p < 3; p++) {
      jsonl.append(Files.readString(out.resolve(String.format("data/part-%05d.jsonl", p))));
    }
    assertThat(jsonl.toString()).isEqualTo(Files.readString(local.resolve("data.jsonl")));
    assertThat(JSON.readTree(out.resolve("manifest.json").toFile()).get("records").asLong()).isEqualTo(expected.size());
    assertThat(dev.pvit.spark.internal.ExecutorEngine.created()).as("engines in this JVM").isEqualTo(1);
    assertThat(SparkOutputs.leftovers(out)).isEmpty();

    GenerateSummary again = PvitSpark.generate(spark, options);
    assertThat(again.skippedPartitions()).isEqualTo(3);
    assertThat(again.processed()).isZero();
    assertThat(again.skipped()).isEqualTo(first.inputs());
    assertThat(again.totalRecords()).isEqualTo(expected.size());
    assertThat(SparkOutputs.sparkRecords(out)).containsExactlyElementsOf(expected);

    GenerateOptions otherSeed = GenerateOptions.builder().input(scenes.toString()).output(out.toString())
        .seed(SEED + 1).build();
    assertThatThrownBy(() -> PvitSpark.generate(spark, otherSeed))
        .isInstanceOf(PipelineException.class).hasMessageContaining("other settings");
    GenerateOptions otherPartitions = GenerateOptions.builder().input(scenes.toString()).output(out.toString())
        .seed(SEED).partitions(4).build();
    assertThatThrownBy(() -> PvitSpark.generate(spark, otherPartitions))
        .isInstanceOf(PipelineException.class).hasMessageContaining("3 partitions");
  }

  @Test
  void an_unreadable_photo_is_rejected_with_its_reason_and_the_rest_is_generated() throws Exception {
    Path in = SparkOutputs.subset(scenes, tmp.resolve("bad-input"), 4);
    Files.write(in.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4});
    Path localOut = SparkOutputs.local(in, tmp.resolve("bad-local"), SEED);
    Path out = tmp.resolve("bad-spark");

    GenerateSummary s = PvitSpark.generate(spark, GenerateOptions.builder().input(in.toString())
        .output(out.toString()).seed(SEED).partitions(2).build());

    assertThat(s.inputs()).isEqualTo(5);
    assertThat(s.rejected()).isEqualTo(1);
    List<String> rejects = Files.readAllLines(out.resolve("rejects.jsonl"));
    assertThat(rejects).hasSize(1);
    JsonNode reject = JSON.readTree(rejects.get(0));
    assertThat(reject.get("key").asText()).isEqualTo("broken.jpg");
    assertThat(reject.get("reason").asText()).isNotBlank();
    assertThat(reject.get("stageName").asText()).isEqualTo(
        JSON.readTree(Files.readAllLines(localOut.resolve("rejects.jsonl")).get(0)).get("stageName").asText());
    assertThat(SparkOutputs.sparkRecords(out)).containsExactlyElementsOf(SparkOutputs.localRecords(localOut));
  }
}
