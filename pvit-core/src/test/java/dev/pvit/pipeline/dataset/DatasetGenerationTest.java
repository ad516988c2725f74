package dev.pvit.pipeline.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.client.FinishReason;
import dev.pvit.client.VisionChatModel;
import dev.pvit.client.VisionChatResponse;
import dev.pvit.face.Expression;
import dev.pvit.image.ImageInput;
import dev.pvit.pipeline.ItemContext;
import dev.pvit.pipeline.Pipeline;
import dev.pvit.pipeline.RunSummary;
import dev.pvit.pipeline.Source;
import dev.pvit.pipeline.SourceItem;
import dev.pvit.pipeline.curation.Box;
import dev.pvit.pipeline.curation.CuratedScene;
import dev.pvit.pipeline.curation.CurationStage;
import dev.pvit.pipeline.curation.Detection;
import dev.pvit.pipeline.curation.PersonDetector;
import dev.pvit.pipeline.text.DescribedScene;
import dev.pvit.pipeline.text.DescriptionStage;
import dev.pvit.pipeline.text.PipelinePrompts;
import dev.pvit.prompt.RefusalKind;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Phases 1–3 wired together with a fake face source and, for phase 2/3 with a model, a fake model. */
class DatasetGenerationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private final FakeScenes scenes = new FakeScenes();

  private CurationStage curation(int minPeople) {
    return CurationStage.builder().faces(scenes.faces()).minPeople(minPeople).build();
  }

  private static FakeScenes.Face face(int x, int y, int size, int identity) {
    return FakeScenes.Face.of(new Box(x, y, size, size), identity);
  }

  @Test
  void curation_keeps_scenes_with_enough_people_ordered_left_to_right() {
    ImageInput two = scenes.scene(601, face(400, 50, 60, 1), face(100, 60, 60, 2));
    List<CuratedScene> out = curation(2).process(two, ItemContext.of(0, 1, "two"));
    assertThat(out).singleElement().satisfies(s -> {
      assertThat(s.people()).extracting(p -> p.face().box().x()).containsExactly(100, 400);
      assertThat(s.people().get(0).faceCrop().getWidth()).isEqualTo(60 + 30);
      assertThat(s.people().get(0).faceCrop().getHeight()).isEqualTo(60 + 30);
      assertThat(s.people().get(0).usableAsReference()).isTrue();
      assertThat(s.people().get(0).face().attributes()).isPresent();
      assertThat(s.peopleCount()).isEqualTo(2);
    });
    assertThat(curation(2).process(scenes.scene(602, face(100, 60, 60, 3)), ItemContext.of(0, 1, "one"))).isEmpty();
  }

  @Test
  void curation_drops_people_whose_box_holds_two_faces_and_flags_small_faces() {
    ImageInput crowded = scenes.scene(603, face(100, 50, 50, 1), face(140, 60, 50, 2), face(450, 50, 30, 3));
    // A detector that sees the two overlapping faces as one person.
    PersonDetector merged = (image, faces) -> List.of(
        new Detection(Box.fromEdges(60, 0, 240, 400), 0.9), new Detection(Box.fromEdges(400, 0, 520, 400), 0.9));
    CurationStage stage = CurationStage.builder().faces(scenes.faces()).personDetector(merged).minPeople(1).build();
    List<CuratedScene> out = stage.process(crowded, ItemContext.of(0, 1, "c"));
    assertThat(out).singleElement().satisfies(s -> {
      assertThat(s.people()).hasSize(1);
      assertThat(s.people().get(0).qualityIssue()).hasValueSatisfying(v -> assertThat(v).contains("smaller than 40 px"));
      assertThat(s.peopleCount()).isEqualTo(3);
      assertThat(s.position(s.people().get(0))).isEqualTo(2);
    });
  }

  @Test
  void default_person_boxes_of_neighbours_stop_halfway_so_both_are_kept() {
    ImageInput close = scenes.scene(605, face(100, 50, 50, 1), face(170, 60, 50, 2));
    List<CuratedScene> out = curation(2).process(close, ItemContext.of(0, 1, "n"));
    assertThat(out).singleElement().satisfies(s -> {
      assertThat(s.people()).hasSize(2);
      assertThat(s.people().get(0).body().box().right()).isEqualTo(160);
      assertThat(s.people().get(1).body().box().x()).isEqualTo(160);
    });
  }

  @Test
  void corrupt_images_are_rejected_with_the_image_name() {
    byte[] broken = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0, 0, 0, 0, 0};
    assertThatThrownBy(() -> curation(1).process(ImageInput.of(broken, "broken.png"), ItemContext.of(0, 1, "b")))
        .hasMessageContaining("broken.png");
  }

  @Test
  void curation_requires_a_face_source() {
    assertThatThrownBy(() -> CurationStage.builder().build()).hasMessageContaining("faces(");
  }

  @Test
  void generated_samples_must_ask_about_names_that_fit_their_kind() {
    BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    ImageInput scene = ImageInput.of(img, "scene.png");
    List<GeneratedSample.Reference> refs = List.of(new GeneratedSample.Reference("Ann", img, "This is Ann."));
    assertThatThrownBy(() -> new GeneratedSample("d", SampleKind.UNKNOWN_NAME, 2, refs, scene, "Where is ann?", List.of("ANN"), "?"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not");
    assertThatThrownBy(() -> new GeneratedSample("d", SampleKind.ANSWERABLE, 2, refs, scene, "Where is Bo?", List.of("Bo"), "?"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must introduce");
    assertThatThrownBy(() -> new GeneratedSample("d", SampleKind.ABSENT_PERSON, 2, refs, scene, "Where?", List.of(), "?"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one name");
  }

  @Test
  void structured_description_states_only_measured_facts() {
    ImageInput img = scenes.scene(604, face(80, 60, 60, 1),
        new FakeScenes.Face(new Box(300, 60, 60, 60), 2, 71, Expression.SURPRISED, true),
        face(520, 60, 60, 3).bare());
    CuratedScene scene = curation(2).process(img, ItemContext.of(0, 1, "s")).get(0);
    DescribedScene d = DescriptionStage.structured().process(scene, ItemContext.of(0, 2, "s")).get(0);
    assertThat(d.description().fromModel()).isFalse();
    assertThat(d.description().holistic()).isEqualTo("A photo of 3 people.");
    assertThat(d.description().people()).containsExactly(
        "<name> is the person on the far left of the 3 people in the image. <name> looks happy and appears to be in their thirties.",
        "<name> is the person in the middle of the 3 people in the image. <name> looks surprised and appears to be over seventy.",
        "<name> is the person on the far right of the 3 people in the image.");
    assertThat(d.description().fused()).startsWith("A photo of 3 people. <name1> is the person on the far left")
        .contains("<name3> is the person on the far right").doesNotContain("<name>");
    assertThat(DescriptionStage.positionPhrase(1, 5)).isEqualTo("the second person from the left of the 5 people in the image");
    assertThat(DescriptionStage.positionPhrase(0, 1)).isEqualTo("the only person in the image");
  }

  @Test
  void reference_pool_never_offers_someone_from_the_scene_or_resembling_them() {
    ImageInput a = scenes.scene(610, face(80, 60, 60, 1), face(300, 60, 60, 2));
    ImageInput b = scenes.scene(611, face(80, 60, 60, 2), face(300, 60, 60, 3));
    ImageInput c = scenes.scene(612, face(80, 60, 60, 4), face(300, 60, 60, 5));
    Source<ImageInput> source = Source.of(List.of(SourceItem.of("a", a), SourceItem.of("b", b), SourceItem.of("c", c)));
    ReferencePool pool = ReferencePool.build(source, curation(2), 3, 3);
    assertThat(pool.entries()).hasSize(6);
    CuratedScene sceneA = curation(2).process(a, ItemContext.of(3, 1, "a")).get(0);
    java.util.Set<Object> offered = new java.util.HashSet<>();
    for (int i = 0; i < 50; i++) {
      ReferencePool.Entry e = pool.pickAbsent(sceneA, "a", new java.util.Random(i)).orElseThrow();
      assertThat(e.sourceKey()).isNotEqualTo("a");
      offered.add(e.descriptor().orElseThrow());
    }
    // b's person 2 is also in a: never offered; b's person 3 and c's 4 and 5 are.
    assertThat(offered).containsExactlyInAnyOrder(
        FakeScenes.descriptor(3), FakeScenes.descriptor(4), FakeScenes.descriptor(5));
    assertThat(ReferencePool.build(source, curation(2), 3, 3).entries())
        .extracting(ReferencePool.Entry::sourceKey).isEqualTo(pool.entries().stream().map(ReferencePool.Entry::sourceKey).toList());
    assertThat(ReferencePool.empty().pickAbsent(sceneA, "a", new java.util.Random(1))).isEmpty();
  }

  private List<SourceItem<ImageInput>> inputs() {
    List<SourceItem<ImageInput>> inputs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      int w = 700 + i;
      ImageInput img = i % 4 == 3
          ? scenes.scene(w, face(300, 60, 60, 100 + i))
          : scenes.scene(w, face(80, 60, 60, 3 * i), face(300, 70, 64, 3 * i + 1), face(520, 50, 56, 3 * i + 2));
      inputs.add(SourceItem.of("scene-" + i + ".png", img));
    }
    inputs.add(SourceItem.lazy("broken.png", "", () -> ImageInput.of(new byte[] {1, 2, 3}, "broken.png")));
    return inputs;
  }

  private RunSummary run(Path out, int workers, VisionChatModel model) {
    Source<ImageInput> source = Source.of(inputs());
    ReferencePool pool = ReferencePool.build(source, curation(2), 5, 4);
    SampleGenerator.Builder generator = SampleGenerator.builder().referencePool(pool).samplesPerScene(10);
    DescriptionStage describe = DescriptionStage.structured();
    if (model != null) {
      generator.model(model, PipelinePrompts.defaults());
      describe = DescriptionStage.withModel(model, PipelinePrompts.defaults());
    }
    return Pipeline.builder().source(source)
        .then(() -> curation(2))
        .then(describe)
        .then(generator.build())
        .sink(new DatasetSink())
        .output(out).workers(workers).seed(5).fsync(false).build().run();
  }

  @Test
  void template_dataset_follows_the_rules_and_does_not_depend_on_workers() throws IOException {
    Path one = tmp.resolve("one");
    RunSummary summary = run(one, 1, null);
    assertThat(summary.rejected()).isEqualTo(1);
    assertThat(summary.outputs()).isEqualTo(9 * 10);
    Map<RefusalKind, Integer> kinds = DatasetChecks.verify(one, NamePool.builtIn());
    assertThat(kinds.getOrDefault(RefusalKind.ABSENT, 0)).isPositive();
    assertThat(kinds.getOrDefault(RefusalKind.UNKNOWN, 0)).isPositive();
    assertThat(kinds.get(RefusalKind.NOT_A_REFUSAL)).isBetween(50, 85);

    JsonNode stats = JSON.readTree(one.resolve("stats.json").toFile());
    assertThat(stats.at("/groups/people/3").asInt()).isEqualTo(90);
    assertThat(stats.at("/groups/scenes/3").asInt()).isEqualTo(9);
    assertThat(stats.at("/groups/kind/absent_person").asInt()).isEqualTo(kinds.get(RefusalKind.ABSENT));
    assertThat(stats.at("/groups/kind/unknown_name").asInt()).isEqualTo(kinds.get(RefusalKind.UNKNOWN));
    assertThat(stats.at("/groups/category")).hasSizeGreaterThanOrEqualTo(6);
    assertThat(stats.at("/groups/names").size()).isGreaterThan(50);
    assertThat(stats.at("/groups/rejects/InvalidImageException").asInt()).isEqualTo(1);

    Path two = tmp.resolve("two");
    run(two, 2, null);
    assertThat(Files.readString(two.resolve(DatasetSink.DATA))).isEqualTo(Files.readString(one.resolve(DatasetSink.DATA)));
  }

  /** Answers by prompt: holistic, person, fusion, QA (with one valid and two invalid pairs). */
  private static VisionChatModel fakeModel(AtomicInteger calls) {
    return request -> {
      calls.incrementAndGet();
      String text = request.messages().get(request.messages().size() - 1).text();
      String reply;
      if (text.contains("cropped from a larger photo")) {
        reply = "<name> wears a red jacket\nand smiles.";
      } else if (text.startsWith("Describe this photo")) {
        reply = "Three people stand in a garden; the one in the middle holds a cup.";
      } else if (text.contains("merge two kinds")) {
        assertThat(text).contains("<name1>: <name1> wears a red jacket and smiles.");
        reply = "Three people stand in a garden. <name1> wears a red jacket; <name2> holds a cup.";
      } else {
        assertThat(text).contains("<name2> holds a cup");
        reply = "```json\n[{\"type\": \"choice\", \"question\": \"What is <name2> holding?\", "
            + "\"options\": [\"A cup\", \"A phone\", \"A book\", \"Nothing\"], \"answer\": \"A\"},"
            + " {\"type\": \"free\", \"question\": \"What does <name1> wear?\", \"answer\": \"<name1> wears a red jacket.\"},"
            + " {\"type\": \"reasoning\", \"question\": \"Is <name1> cold?\", \"answer\": \"<name1> wears a jacket, so maybe.\"},"
            + " {\"type\": \"free\", \"question\": \"Who is <name9>?\", \"answer\": \"Nobody.\"},"
            + " {\"type\": \"witty\", \"question\": \"Joke about <name1>\", \"answer\": \"No.\"}]\n```";
      }
      return new VisionChatResponse(reply, FinishReason.STOP, null, "fake");
    };
  }

  @Test
  void with_a_model_descriptions_are_fused_and_model_qa_is_added() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    Path out = tmp.resolve("model");
    RunSummary summary = run(out, 2, fakeModel(calls));
    assertThat(summary.rejected()).isEqualTo(1);
    assertThat(summary.outputs()).isEqualTo(9 * (10 + 3));
    // Per scene: holistic + 3 people + fusion + QA.
    assertThat(calls.get()).isEqualTo(9 * 6);
    DatasetChecks.verify(out, NamePool.builtIn());
    JsonNode stats = JSON.readTree(out.resolve("stats.json").toFile());
    assertThat(stats.at("/groups/category/llm_choice").asInt()).isEqualTo(9);
    assertThat(stats.at("/groups/category/llm_free").asInt()).isEqualTo(9);
    assertThat(stats.at("/groups/category/llm_reasoning").asInt()).isEqualTo(9);
    List<String> lines = Files.readAllLines(out.resolve(DatasetSink.DATA));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("\\nA. A cup\\nB. A phone").contains("\"A. A cup\""));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("wears a red jacket and smiles."));
  }

  @Test
  void model_replies_without_the_placeholder_reject_the_scene() {
    VisionChatModel lazy = request -> new VisionChatResponse("A person.", FinishReason.STOP, null, "fake");
    Path out = tmp.resolve("lazy");
    RunSummary summary = run(out, 1, lazy);
    assertThat(summary.rejected()).isEqualTo(10);
    assertThat(out.resolve("rejects.jsonl")).content().contains("UnusableModelOutputException").contains("<name>");
  }

  @Test
  void image_generator_and_augmentation_change_reference_crops_deterministically() {
    ImageInput img = scenes.scene(620, face(80, 60, 60, 1), face(300, 60, 60, 2));
    CuratedScene scene = curation(2).process(img, ItemContext.of(0, 1, "g")).get(0);
    DescribedScene d = DescriptionStage.structured().process(scene, ItemContext.of(0, 2, "g")).get(0);
    BufferedImage generated = new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB);
    SampleGenerator generator = SampleGenerator.builder().samplesPerScene(20)
        .imageGenerator((face, count, seed) -> List.of(generated)).build();
    List<GeneratedSample> samples = generator.process(d, ItemContext.of(9, 3, "g"));
    List<BufferedImage> refs = samples.stream().flatMap(x -> x.references().stream()).map(GeneratedSample.Reference::image).toList();
    assertThat(refs).contains(generated).anySatisfy(r -> assertThat(r).isNotSameAs(generated));

    SampleGenerator augmented = SampleGenerator.builder().samplesPerScene(3)
        .augmentation(dev.pvit.pipeline.curation.Augmentation.defaults()).build();
    List<GeneratedSample> a1 = augmented.process(d, ItemContext.of(9, 3, "g"));
    List<GeneratedSample> a2 = augmented.process(d, ItemContext.of(9, 3, "g"));
    assertThat(a1.get(0).references().get(0).image()).isNotSameAs(scene.people().get(0).faceCrop());
    assertThat(pixels(a1.get(0).references().get(0).image())).isEqualTo(pixels(a2.get(0).references().get(0).image()));
  }

  private static int[] pixels(BufferedImage img) {
    return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
  }

  @Test
  void prompts_load_overrides_and_require_their_slots() throws IOException {
    Files.writeString(tmp.resolve("person.txt"), "Describe <name> briefly.");
    PipelinePrompts p = PipelinePrompts.load(tmp);
    assertThat(p.person()).isEqualTo("Describe <name> briefly.");
    assertThat(p.holistic()).isEqualTo(PipelinePrompts.defaults().holistic());
    assertThatThrownBy(() -> p.withPerson("Describe the person.")).hasMessageContaining("<name>");
    assertThatThrownBy(() -> p.withQa("Write QA.")).hasMessageContaining("{description}");
  }
}
