package dev.pvit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.RetriableException;
import dev.pvit.image.ImageInput;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void writes_outputs_in_source_order_with_rejects_and_stats() throws IOException {
    Path out = tmp.resolve("out");
    RunSummary s = SyntheticPipeline.builder(out, 120, 3, 2).build().run();

    assertThat(s.inputs()).isEqualTo(120);
    assertThat(s.skipped()).isZero();
    assertThat(s.processed()).isEqualTo(120);
    List<String> rejects = OutputFolders.lines(out.resolve("rejects.jsonl"));
    // 5, 42, 79, 116 fail to load; 7, 60, 113 fail in the caption stage.
    assertThat(rejects).hasSize(7);
    assertThat(s.rejected()).isEqualTo(7);
    JsonNode first = JSON.readTree(rejects.get(0));
    assertThat(first.get("key").asText()).isEqualTo("item-0005");
    assertThat(first.get("stage").asInt()).isZero();
    assertThat(first.get("error").asText()).isEqualTo("InvalidImageException");
    assertThat(first.get("reason").asText()).isEqualTo("Synthetic input 5 is unreadable.");
    JsonNode second = JSON.readTree(rejects.get(1));
    assertThat(second.get("stage").asInt()).isEqualTo(2);
    assertThat(second.get("stageName").asText()).isEqualTo("Caption");

    List<String> keys = new ArrayList<>();
    for (String line : OutputFolders.lines(out.resolve("records.jsonl"))) {
      JsonNode n = JSON.readTree(line);
      keys.add(n.get("line").get("key").asText());
      assertThat(out.resolve(n.get("image").asText())).exists();
    }
    assertThat(keys).isSorted().hasSize((int) s.outputs());

    JsonNode stats = JSON.readTree(out.resolve("stats.json").toFile());
    assertThat(stats.get("inputs").asLong()).isEqualTo(120);
    assertThat(stats.get("rejected").asLong()).isEqualTo(7);
    assertThat(stats.get("outputs").asLong()).isEqualTo(s.outputs());
    assertThat(stats.at("/groups/rejects/InvalidImageException").asLong()).isEqualTo(4);
    assertThat(stats.at("/groups/shade/dark").asLong() + stats.at("/groups/shade/light").asLong())
        .isEqualTo(s.outputs());
  }

  @Test
  void output_is_identical_for_one_and_four_workers() {
    Path one = tmp.resolve("one");
    Path four = tmp.resolve("four");
    SyntheticPipeline.builder(one, 80, 1, 0).build().run();
    SyntheticPipeline.builder(four, 80, 4, 6).window(5).build().run();
    OutputFolders.assertSameOutput(four, one);
  }

  @Test
  void another_seed_gives_another_output() {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    SyntheticPipeline.builder(a, 30, 2, 0).build().run();
    SyntheticPipeline.builder(b, 30, 2, 0).seed(99).build().run();
    assertThat(OutputFolders.lines(b.resolve("records.jsonl")))
        .isNotEqualTo(OutputFolders.lines(a.resolve("records.jsonl")));
  }

  @Test
  void rerun_on_a_finished_folder_skips_every_input_and_changes_nothing() {
    Path out = tmp.resolve("out");
    Path ref = tmp.resolve("ref");
    SyntheticPipeline.builder(ref, 40, 2, 0).build().run();
    SyntheticPipeline.builder(out, 40, 2, 0).build().run();
    RunSummary again = SyntheticPipeline.builder(out, 40, 3, 0).build().run();
    assertThat(again.skipped()).isEqualTo(40);
    assertThat(again.processed()).isZero();
    OutputFolders.assertSameOutput(out, ref);
  }

  @Test
  void run_stopped_by_a_persistent_retriable_failure_resumes_to_the_same_output() {
    Path ref = tmp.resolve("ref");
    Path out = tmp.resolve("out");
    SyntheticPipeline.builder(ref, 60, 2, 0).build().run();

    Pipeline failing = SyntheticPipeline.builder(out, 60, 2, 1, "item-0033")
        .retries(1).retryBackoff(Duration.ZERO).build();
    assertThatThrownBy(failing::run)
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("item-0033")
        .hasMessageContaining("run again to resume");
    List<JsonNode> committed = OutputFolders.checkpointEntries(out);
    assertThat(committed).isNotEmpty().hasSizeLessThanOrEqualTo(33)
        .allSatisfy(n -> assertThat(n.get("key").asText()).isLessThan("item-0033"));
    assertThat(out.resolve("stats.json")).doesNotExist();

    RunSummary resumed = SyntheticPipeline.builder(out, 60, 2, 0).build().run();
    assertThat(resumed.skipped()).isEqualTo(committed.size());
    OutputFolders.assertSameOutput(out, ref);
  }

  @Test
  void fatal_error_mid_run_then_resume_equals_uninterrupted_run() {
    Path ref = tmp.resolve("ref");
    Path out = tmp.resolve("out");
    SyntheticPipeline.builder(ref, 70, 1, 0).build().run();

    AtomicInteger calls = new AtomicInteger();
    Pipeline crashing = SyntheticPipeline.builder(out, 70, 3, 1)
        .progress(p -> {
          if (calls.incrementAndGet() == 10) {
            throw new IllegalStateException("simulated crash after 10 commits");
          }
        })
        .build();
    assertThatThrownBy(crashing::run).hasMessageContaining("simulated crash");
    assertThat(OutputFolders.checkpointEntries(out)).hasSizeLessThan(70);

    RunSummary resumed = SyntheticPipeline.builder(out, 70, 2, 0).build().run();
    assertThat(resumed.skipped()).isPositive();
    OutputFolders.assertSameOutput(out, ref);
  }

  @Test
  void a_torn_last_checkpoint_line_is_dropped_but_a_corrupt_earlier_line_stops_the_run() throws IOException {
    Path ref = tmp.resolve("ref");
    SyntheticPipeline.builder(ref, 30, 1, 0).build().run();
    Path out = tmp.resolve("out");
    SyntheticPipeline.builder(out, 30, 1, 0).build().run();
    Path cp = out.resolve("checkpoint.jsonl");
    List<String> lines = Files.readAllLines(cp);
    Files.write(cp, lines.subList(0, 20));
    Files.write(cp, new byte[] {0, 0, 0, '\n'}, java.nio.file.StandardOpenOption.APPEND);
    SyntheticPipeline.builder(out, 30, 2, 0).build().run();
    OutputFolders.assertSameOutput(out, ref);

    List<String> broken = new ArrayList<>(Files.readAllLines(cp));
    broken.set(3, "{\"key\":");
    Files.write(cp, broken);
    assertThatThrownBy(() -> SyntheticPipeline.builder(out, 30, 1, 0).build().run())
        .isInstanceOf(PipelineException.class).hasMessageContaining("Line 4").hasMessageContaining("corrupt");
  }

  @Test
  void retriable_failures_are_retried_with_a_fresh_random() {
    AtomicInteger attempts = new AtomicInteger();
    Stage<Integer, Integer> flaky = (n, ctx) -> {
      int draw = ctx.random().nextInt(1000);
      if (attempts.incrementAndGet() < 3) {
        throw new RetriableException("try later");
      }
      return List.of(draw);
    };
    List<Integer> got = new ArrayList<>();
    Pipeline.builder().source(Source.of(List.of(SourceItem.of("k", 1)))).then(flaky)
        .sink((Integer v, SinkOutput o) -> got.add(v))
        .output(tmp.resolve("out")).retries(2).retryBackoff(Duration.ZERO).build().run();
    assertThat(attempts).hasValue(3);
    assertThat(got).containsExactly(ItemContext.of(0, 1, "k").random().nextInt(1000));
  }

  @Test
  void window_bounds_the_inputs_in_flight() {
    AtomicInteger live = new AtomicInteger();
    AtomicInteger max = new AtomicInteger();
    List<SourceItem<byte[]>> items = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      items.add(SourceItem.lazy("k" + i, "", () -> {
        max.accumulateAndGet(live.incrementAndGet(), Math::max);
        return new byte[64 * 1024];
      }));
    }
    Stage<byte[], Integer> size = (b, ctx) -> List.of(b.length);
    Pipeline.builder().source(Source.of(items)).then(size)
        .sink((Integer v, SinkOutput o) -> {
          if (o.index() == 0) {
            live.decrementAndGet();
          }
        })
        .output(tmp.resolve("out")).workers(4).window(6).fsync(false).build().run();
    assertThat(max.get()).isBetween(1, 6);
  }

  @Test
  void each_worker_gets_its_own_stage_instance_and_a_shared_stage_opens_once() {
    List<StageContext> opened = new ArrayList<>();
    class Counting implements Stage<Integer, Integer> {
      @Override
      public void open(StageContext context) {
        opened.add(context);
      }

      @Override
      public List<Integer> process(Integer item, ItemContext context) {
        return List.of(item);
      }
    }
    Counting shared = new Counting();
    Pipeline.builder().source(Source.of(List.of(SourceItem.of("a", 1)))).then(Counting::new).then(shared)
        .sink((Integer v, SinkOutput o) -> { }).output(tmp.resolve("out")).workers(3).build().run();
    assertThat(opened).extracting(StageContext::stageIndex).containsExactly(1, 2, 1, 1);
    assertThat(opened).extracting(StageContext::worker).containsExactly(0, 0, 1, 2);
  }

  @Test
  void refuses_to_resume_with_another_seed_or_configuration() {
    Path out = tmp.resolve("out");
    SyntheticPipeline.builder(out, 5, 1, 0).build().run();
    assertThatThrownBy(() -> SyntheticPipeline.builder(out, 5, 1, 0).seed(7).build().run())
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("seed 1234")
        .hasMessageContaining("new output folder");
    assertThatThrownBy(() -> SyntheticPipeline.builder(out, 5, 1, 0).fingerprint("v2").build().run())
        .isInstanceOf(PipelineException.class);
  }

  @Test
  void sink_may_not_write_reserved_or_escaping_paths() {
    Path out = tmp.resolve("out");
    List<SourceItem<String>> items = List.of(
        SourceItem.of("a", "../escape.jsonl"), SourceItem.of("b", "checkpoint.jsonl"), SourceItem.of("c", "ok.jsonl"));
    RunSummary s = Pipeline.builder().source(Source.of(items)).then(Stage.<String>filter(x -> true))
        .sink((String file, SinkOutput o) -> o.appendLine(file, "x")).output(out).build().run();
    assertThat(s.rejected()).isEqualTo(2);
    assertThat(OutputFolders.lines(out.resolve("ok.jsonl"))).containsExactly("x");
    assertThat(tmp.resolve("escape.jsonl")).doesNotExist();
    assertThat(OutputFolders.lines(out.resolve("rejects.jsonl"))).allMatch(l -> l.contains("\"stageName\":\"sink\""));
  }

  @Test
  void a_second_run_on_a_folder_in_use_is_refused() {
    Path out = tmp.resolve("out");
    Stage<Integer, Integer> nested = (n, ctx) -> {
      assertThatThrownBy(() -> SyntheticPipeline.builder(out, 3, 1, 0).build().run())
          .isInstanceOf(PipelineException.class).hasMessageContaining("in use");
      return List.of(n);
    };
    RunSummary s = Pipeline.builder().source(Source.of(List.of(SourceItem.of("x", 1)))).then(nested)
        .sink((Integer v, SinkOutput o) -> { }).output(out).build().run();
    assertThat(s.processed()).isEqualTo(1);
    assertThat(s.rejected()).isZero();
  }

  @Test
  void folder_source_lists_images_sorted_with_relative_keys_and_rejects_corrupt_files() throws IOException {
    Path in = tmp.resolve("in");
    Files.createDirectories(in.resolve("sub"));
    BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
    ImageIO.write(img, "png", in.resolve("b.png").toFile());
    ImageIO.write(img, "png", in.resolve("sub/a.PNG").toFile());
    Files.writeString(in.resolve("a.jpg"), "not a jpeg");
    Files.writeString(in.resolve("notes.txt"), "ignored");

    List<String> keys = new ArrayList<>();
    Stage<ImageInput, String> size = (image, ctx) -> List.of(ctx.key() + "=" + image.width() + "x" + image.height());
    RunSummary s = Pipeline.builder().source(Source.folder(in)).then(size)
        .sink((String v, SinkOutput o) -> keys.add(v)).output(tmp.resolve("out")).build().run();
    assertThat(s.inputs()).isEqualTo(3);
    assertThat(keys).containsExactly("b.png=4x3", "sub/a.PNG=4x3");
    assertThat(OutputFolders.lines(tmp.resolve("out/rejects.jsonl"))).singleElement()
        .satisfies(l -> assertThat(l).contains("\"key\":\"a.jpg\"").contains("not a supported image"));
  }

  @Test
  void implicit_lambdas_infer_the_chain_types() {
    List<String> got = new ArrayList<>();
    Pipeline.builder().source(Source.of(List.of(SourceItem.of("a", 20), SourceItem.of("b", 1))))
        .then((n, ctx) -> List.of(n + 1, n * 2))
        .then(() -> (m, ctx) -> List.of("v" + m))
        .sink((v, out) -> got.add(out.inputKey() + ":" + out.index() + "=" + v))
        .output(tmp.resolve("out")).build().run();
    assertThat(got).containsExactly("a:0=v21", "a:1=v40", "b:0=v2", "b:1=v2");
  }

  @Test
  void duplicate_keys_stop_the_run() {
    List<SourceItem<Integer>> items = List.of(SourceItem.of("a", 1), SourceItem.of("a", 2));
    assertThatThrownBy(() -> Pipeline.builder().source(Source.of(items)).then(Stage.map((Integer x) -> x))
        .sink((Integer v, SinkOutput o) -> { }).output(tmp.resolve("out")).build().run())
        .isInstanceOf(PipelineException.class).hasMessageContaining("'a' appears twice");
  }

  @Test
  void build_requires_an_output_folder() {
    assertThatThrownBy(() -> Pipeline.builder().source(Source.of(List.<SourceItem<Integer>>of()))
        .sink((Integer v, SinkOutput o) -> { }).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("output(Path)");
  }
}
