package dev.pvit.pipeline.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.face.FaceEngine;
import dev.pvit.pipeline.RunSummary;
import dev.pvit.prompt.RefusalKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All three phases with the embedded defaults (face engine, face-derived person boxes, structured
 * descriptions, template QA) on the real photos in {@code <shared.dir>/data/faces/scenes}: the
 * dataset follows the rules, the stats add up, two workers give the same bytes as one, and a re-run
 * resumes without duplicates.
 */
class DatasetGeneratorIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void generates_a_consistent_dataset_from_the_shared_scenes() throws Exception {
    String shared = System.getProperty("shared.dir");
    assumeTrue(shared != null, "shared.dir not set");
    Path scenes = Path.of(shared, "data", "faces", "scenes");
    assumeTrue(Files.isDirectory(scenes), "no scenes at " + scenes);
    long photos;
    try (var files = Files.list(scenes)) {
      photos = files.filter(p -> p.toString().endsWith(".jpg")).count();
    }
    try (FaceEngine engine = FaceEngine.builder().attributes(true).build()) {
      Path one = tmp.resolve("one");
      RunSummary first = DatasetGenerator.builder().input(scenes).output(one).engine(engine).seed(7).fsync(false)
          .build().run();
      assertThat(first.inputs()).isEqualTo(photos);
      assertThat(first.rejected()).isZero();

      JsonNode stats = JSON.readTree(one.resolve("stats.json").toFile());
      long records = Files.readAllLines(one.resolve(DatasetSink.DATA)).size();
      assertThat(stats.get("outputs").asLong()).isEqualTo(records).isEqualTo(first.outputs());
      long scenesKept = sum(stats.at("/groups/scenes"));
      assertThat(scenesKept).as("kept scenes").isGreaterThanOrEqualTo(4);
      assertThat(records).isEqualTo(scenesKept * SampleGenerator.DEFAULT_SAMPLES_PER_SCENE);
      assertThat(sum(stats.at("/groups/category"))).isEqualTo(records);
      assertThat(sum(stats.at("/groups/kind"))).isEqualTo(records);
      assertThat(sum(stats.at("/groups/people"))).isEqualTo(records);
      stats.at("/groups/people").properties().forEach(e -> assertThat(Integer.parseInt(e.getKey())).isGreaterThanOrEqualTo(2));
      assertThat(stats.at("/groups/names").size()).isGreaterThan(20);

      Map<RefusalKind, Integer> kinds = DatasetChecks.verify(one, NamePool.builtIn());
      assertThat(kinds.getOrDefault(RefusalKind.ABSENT, 0) + kinds.getOrDefault(RefusalKind.UNKNOWN, 0))
          .isEqualTo(stats.at("/groups/kind/absent_person").asInt() + stats.at("/groups/kind/unknown_name").asInt())
          .isPositive();

      Path two = tmp.resolve("two");
      DatasetGenerator.builder().input(scenes).output(two).engine(engine).seed(7).workers(2).fsync(false).build().run();
      assertThat(Files.readString(two.resolve(DatasetSink.DATA))).isEqualTo(Files.readString(one.resolve(DatasetSink.DATA)));

      // data.json: the journal's records as one array; a crash while finalising (a stray temporary
      // file, no data.json) is repaired by the next run
      List<String> fromArray = new java.util.ArrayList<>();
      dev.pvit.prompt.LlavaDataset.read(one.resolve(DatasetSink.ARRAY),
          (i, r) -> fromArray.add(dev.pvit.prompt.LlavaDataset.toJson(r, dev.pvit.prompt.LlavaDataset.Style.COMPACT)));
      assertThat(fromArray).isEqualTo(Files.readAllLines(one.resolve(DatasetSink.DATA)));
      Files.delete(one.resolve(DatasetSink.ARRAY));
      Files.writeString(one.resolve(DatasetSink.ARRAY + ".tmp"), "[{\"half");

      RunSummary again = DatasetGenerator.builder().input(scenes).output(one).engine(engine).seed(7).fsync(false)
          .build().run();
      assertThat(again.skipped()).isEqualTo(photos);
      assertThat(again.processed()).isZero();
      assertThat(Files.readAllLines(one.resolve(DatasetSink.DATA))).hasSize((int) records);
      assertThat(Files.readString(one.resolve(DatasetSink.ARRAY)))
          .isEqualTo("[\n" + String.join(",\n", Files.readAllLines(one.resolve(DatasetSink.DATA))) + "\n]\n");
    }
  }

  private static long sum(JsonNode group) {
    long total = 0;
    for (JsonNode v : group) {
      total += v.asLong();
    }
    return total;
  }
}
