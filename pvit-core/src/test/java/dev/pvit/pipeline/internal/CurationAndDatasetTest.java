package dev.pvit.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import dev.pvit.pipeline.ItemContext;
import dev.pvit.pipeline.Pipeline;
import dev.pvit.pipeline.RunSummary;
import dev.pvit.pipeline.Source;
import dev.pvit.pipeline.SourceItem;
import dev.pvit.pipeline.Stage;
import dev.pvit.pipeline.curation.Box;
import dev.pvit.pipeline.curation.Detection;
import dev.pvit.pipeline.curation.PersonDetector;
import dev.pvit.pipeline.curation.QualityFilter;
import dev.pvit.pipeline.dataset.NamePool;
import dev.pvit.pipeline.dataset.SampleKind;
import dev.pvit.pipeline.dataset.SampleMix;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phase 1 and phase 3 wired together with a fake face source (faces known per image width) and
 * test-only templates standing in for the prompt package.
 */
class CurationAndDatasetTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** Scene widths identify the scene; each maps to its face boxes. */
  private final Map<Integer, List<Box>> facesByWidth = new HashMap<>();

  private ImageInput scene(int width, Box... faces) {
    BufferedImage img = new BufferedImage(width, 400, BufferedImage.TYPE_INT_RGB);
    Random r = new Random(width);
    for (int y = 0; y < 400; y++) {
      for (int x = 0; x < width; x++) {
        img.setRGB(x, y, 0x202020 + r.nextInt(0x40));
      }
    }
    for (Box f : faces) {
      for (int y = f.y(); y < f.bottom(); y++) {
        for (int x = f.x(); x < f.right(); x++) {
          img.setRGB(x, y, ((x / 3 + y / 3) % 2 == 0) ? 0xf0d0b0 : 0x403020);
        }
      }
    }
    facesByWidth.put(width, List.of(faces));
    return ImageInput.of(img, "scene-" + width + ".png");
  }

  private FaceSource fakeFaces() {
    return image -> facesByWidth.getOrDefault(image.getWidth(), List.of()).stream()
        .map(b -> new Detection(b, 0.95)).toList();
  }

  @Test
  void curation_keeps_scenes_with_enough_people_ordered_left_to_right() {
    CurationStage stage = new CurationStage(fakeFaces(), PersonDetector.fromFaces(), QualityFilter.defaults(), 2);
    ImageInput two = scene(601, new Box(400, 50, 60, 60), new Box(100, 60, 60, 60));
    List<CuratedScene> out = stage.process(two, ItemContext.of(0, 1, "two"));
    assertThat(out).singleElement().satisfies(s -> {
      assertThat(s.people()).extracting(p -> p.face().box().x()).containsExactly(100, 400);
      CuratedPerson first = s.people().get(0);
      assertThat(first.faceCrop().getWidth()).isEqualTo(60 + 30);
      assertThat(first.faceCrop().getHeight()).isEqualTo(60 + 30);
      assertThat(first.usableAsReference()).isTrue();
    });
    assertThat(stage.process(scene(602, new Box(100, 60, 60, 60)), ItemContext.of(0, 1, "one"))).isEmpty();
  }

  @Test
  void curation_drops_people_whose_box_holds_two_faces_and_flags_small_faces() {
    CurationStage stage = new CurationStage(fakeFaces(), PersonDetector.fromFaces(), QualityFilter.defaults(), 1);
    // Two faces 30 px apart share each other's body box; the third stands alone but is tiny.
    ImageInput crowded = scene(603, new Box(100, 50, 50, 50), new Box(140, 60, 50, 50), new Box(450, 50, 30, 30));
    List<CuratedScene> out = stage.process(crowded, ItemContext.of(0, 1, "c"));
    assertThat(out).singleElement().satisfies(s -> {
      assertThat(s.people()).hasSize(1);
      assertThat(s.people().get(0).qualityIssue()).contains("smaller than 40 px");
    });
  }

  @Test
  void corrupt_images_are_rejected_with_the_image_name() {
    CurationStage stage = new CurationStage(fakeFaces(), PersonDetector.fromFaces(), QualityFilter.defaults(), 1);
    byte[] broken = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
    assertThatThrownBy(() -> stage.process(ImageInput.of(broken, "broken.png"), ItemContext.of(0, 1, "b")))
        .hasMessageContaining("broken.png");
  }

  @Test
  void generated_samples_must_ask_about_names_that_fit_their_kind() {
    BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    ImageInput scene = ImageInput.of(img, "scene.png");
    List<GeneratedSample.Reference> refs = List.of(new GeneratedSample.Reference("Ann", img, "This is Ann."));
    assertThatThrownBy(() -> new GeneratedSample("d", SampleKind.UNKNOWN_NAME, 2, refs, scene, "Where is ann?", "ANN", "?"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not");
    assertThatThrownBy(() -> new GeneratedSample("d", SampleKind.ANSWERABLE, 2, refs, scene, "Where is Bo?", "Bo", "?"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must introduce");
  }

  @Test
  void end_to_end_dataset_records_are_consistent_and_counted() throws IOException {
    List<SourceItem<ImageInput>> inputs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      int w = 700 + i;
      ImageInput img = i % 4 == 3
          ? scene(w, new Box(300, 60, 60, 60))
          : scene(w, new Box(80, 60, 60, 60), new Box(300, 70, 64, 64), new Box(520, 50, 56, 56));
      inputs.add(SourceItem.of("scene-" + i + ".png", img));
    }
    inputs.add(SourceItem.lazy("broken.png", "", () -> ImageInput.of(new byte[] {1, 2, 3}, "broken.png")));
    SampleMix mix = SampleMix.defaults();
    Stage<CuratedScene, GeneratedSample> generate = (scene, ctx) -> {
      Random r = ctx.random();
      List<CuratedPerson> usable = scene.people().stream().filter(CuratedPerson::usableAsReference).toList();
      List<GeneratedSample> samples = new ArrayList<>();
      for (int q = 0; q < 4; q++) {
        List<String> names = NamePool.builtIn().sample(usable.size() + 1, r);
        SampleKind kind = mix.draw(r);
        List<GeneratedSample.Reference> refs = new ArrayList<>();
        for (int k = 0; k < usable.size(); k++) {
          refs.add(new GeneratedSample.Reference(names.get(k), usable.get(k).faceCrop(), "This is " + names.get(k) + "."));
        }
        String asked = names.get(kind == SampleKind.UNKNOWN_NAME ? usable.size() : r.nextInt(usable.size()));
        String answer = switch (kind) {
          case ANSWERABLE -> asked + " is the person in the middle.";
          case ABSENT_PERSON -> "Sorry, " + asked + " is not in the image.";
          case UNKNOWN_NAME -> "Sorry, I do not know what " + asked + " looks like.";
        };
        samples.add(new GeneratedSample("location", kind, scene.people().size(), refs, scene.source(),
            "Where is " + asked + "?", asked, answer));
      }
      return samples;
    };
    Path out = tmp.resolve("dataset");
    RunSummary summary = Pipeline.builder().source(Source.of(inputs))
        .then(() -> new CurationStage(fakeFaces(), PersonDetector.fromFaces(), QualityFilter.defaults(), 2))
        .then(generate)
        .sink(new PvitSampleSink())
        .output(out).workers(2).seed(5).build().run();

    assertThat(summary.rejected()).isEqualTo(1);
    List<String> lines = Files.readAllLines(out.resolve(PvitSampleSink.DATA));
    assertThat(lines).hasSize(9 * 4);
    int refusals = 0;
    for (String line : lines) {
      PvitRecord rec = PvitRecord.parse(line);
      String human = rec.conversations().get(0).value();
      String answer = rec.conversations().get(1).value();
      assertThat(human.split("<image>", -1)).hasSize(rec.images().size() + 1);
      assertThat(rec.cnt()).isEqualTo(3);
      rec.images().forEach(p -> assertThat(out.resolve(p)).isRegularFile());
      assertThat(rec.images().get(rec.images().size() - 1)).endsWith("/scene.png");
      String asked = human.substring(human.lastIndexOf("Where is ") + 9, human.length() - 1);
      boolean introduced = human.contains("This is " + asked + ".");
      if (answer.startsWith("Sorry, I do not know")) {
        assertThat(introduced).isFalse();
        refusals++;
      } else {
        assertThat(introduced).isTrue();
        refusals += answer.startsWith("Sorry") ? 1 : 0;
      }
      assertThat(Person.validateName(asked)).isEqualTo(asked);
    }
    assertThat(refusals).isBetween(1, lines.size() / 2);
    JsonNode stats = JSON.readTree(out.resolve("stats.json").toFile());
    assertThat(stats.at("/groups/category/location").asInt()).isEqualTo(36);
    assertThat(stats.at("/groups/people/3").asInt()).isEqualTo(36);
    assertThat(stats.at("/groups/kind/answerable").asInt() + refusals).isEqualTo(36);
    assertThat(stats.at("/groups/names").size()).isGreaterThan(20);
    assertThat(stats.at("/groups/rejects/InvalidImageException").asInt()).isEqualTo(1);
  }

  @Test
  void folder_names_are_readable_and_distinct() {
    assertThat(PvitSampleSink.folderName("sub/a.jpg")).startsWith("sub_a.jpg-");
    assertThat(PvitSampleSink.folderName("sub/a.jpg")).isNotEqualTo(PvitSampleSink.folderName("sub_a.jpg"));
  }
}
