package dev.pvit.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.face.internal.FacePipeline;
import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognition accuracy on the labelled photo set in {@code <shared.dir>/data/faces}: every
 * identity's reference photos are enrolled, every scene is recognised, and identity presence is
 * scored per scene (precision, recall, false accepts on the {@code negative_*} scenes).
 *
 * <p>Set {@code -Dpvit.accuracy.variants=true} to also log the table for the alternative
 * pipelines that were compared when choosing the shipped one (enrollment there takes the largest
 * face of every photo without the ambiguity check; scenes are always matched one-to-one with the
 * small-face margin). "Smallest stranger distance" is the best-candidate distance of any face whose
 * best candidate is not in the scene, before the small-face margin.
 */
class FaceRecognitionAccuracyIT {
  private static final Logger LOG = LoggerFactory.getLogger(FaceRecognitionAccuracyIT.class);
  private static final String HEADER = "| variant | precision | recall | exact scenes | false accepts (negative scenes)"
      + " | reference photos without a face | largest accepted true distance | smallest stranger distance |\n"
      + "|---|---|---|---|---|---|---|---|\n";
  private static Path faces;
  private static FaceEngine engine;
  private static JsonNode index;

  @BeforeAll
  static void setUp() throws Exception {
    String shared = System.getProperty("shared.dir");
    assumeTrue(shared != null, "shared.dir not set");
    faces = Path.of(shared, "data", "faces");
    assumeTrue(Files.isRegularFile(faces.resolve("scenes.json")), "no labelled face set at " + faces);
    index = new ObjectMapper().readTree(faces.resolve("scenes.json").toFile());
    engine = FaceEngine.builder().build();
  }

  @AfterAll
  static void tearDown() {
    if (engine != null) {
      engine.close();
    }
  }

  record Score(String variant, int tp, int fp, int fn, int exact, int scenes, int falseAccepts, int failedPhotos,
      double maxTrueDistance, double minStrangerDistance) {
    Score withFailed(int failed) {
      return new Score(variant, tp, fp, fn, exact, scenes, falseAccepts, failed, maxTrueDistance, minStrangerDistance);
    }

    double precision() {
      return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
    }

    String row() {
      return String.format("| %-44s | %.3f | %.3f | %2d/%2d | %d | %d | %.3f | %.3f |",
          variant, precision(), recall(), exact, scenes, falseAccepts, failedPhotos, maxTrueDistance, minStrangerDistance);
    }
  }

  /** The shipped pipeline, through the public API only. */
  @Test
  void recognises_registered_people_in_scenes() {
    FaceGallery gallery = FaceGallery.builder().engine(engine).build();
    int failed = enrollAll(gallery);
    Score s = evaluate("shipped (public API)", gallery, scene -> engine.recognize(scene, gallery));
    s = s.withFailed(failed);
    GalleryCalibration c = gallery.calibration();
    LOG.info("\n{}{}\nOperating point: target FAR {} per comparison, gallery-wide threshold {}, modelled FAR {},"
            + " estimated FRR {} ({} genuine / {} impostor distances)\nMargin: farthest accepted genuine {},"
            + " closest stranger {}, margin {}",
        HEADER, s.row(), c.targetFalseAcceptRate(), String.format("%.3f", c.threshold()),
        String.format("%.1e", c.modelledFalseAcceptRate()), String.format("%.3f", c.estimatedFalseRejectRate()),
        c.genuineDistances().size(), c.impostorDistances().size(), String.format("%.3f", s.maxTrueDistance()),
        String.format("%.3f", s.minStrangerDistance()), String.format("%.3f", s.minStrangerDistance() - s.maxTrueDistance()));
    assertThat(c.calibrated()).as("calibrated from the gallery").isTrue();
    assertThat(s.falseAccepts()).as("false accepts on negative scenes").isZero();
    assertThat(s.precision()).as("precision").isEqualTo(1.0);
    assertThat(s.recall()).as("recall").isEqualTo(1.0);
  }

  @Test
  void compares_pipeline_variants() {
    assumeTrue(Boolean.getBoolean("pvit.accuracy.variants"), "set -Dpvit.accuracy.variants=true to compare variants");
    double t = FaceEngine.DEFAULT_SCORE_THRESHOLD;
    double iou = FaceEngine.DEFAULT_NMS_IOU;
    Map<String, FacePipeline.Options[]> variants = new LinkedHashMap<>();
    FacePipeline.Options ref608 = FacePipeline.Options.reference(608, t, iou, false);
    FacePipeline.Options ref416 = FacePipeline.Options.reference(416, t, iou, false);
    int[] sizes = {608, 416, 320, 224};
    FacePipeline.Options multiNoFix = new FacePipeline.Options(sizes, t, iou, false, false, false, false);
    FacePipeline.Options multi = new FacePipeline.Options(sizes, t, iou, false, true, false, false);
    FacePipeline.Options multiZoom = new FacePipeline.Options(sizes, t, iou, false, true, false, true);
    FacePipeline.Options twoScale = new FacePipeline.Options(new int[] {608, 320}, t, iou, false, true, false, true);
    FacePipeline.Options shipped = engine.accurateOptions();
    FacePipeline.Options shippedFlip = new FacePipeline.Options(shipped.detectorSizes(), t, iou, false, true, true, true);
    variants.put("reference 608 everywhere", new FacePipeline.Options[] {ref608, ref608});
    variants.put("reference 416 everywhere", new FacePipeline.Options[] {ref416, ref416});
    variants.put("608/416/320/224 refs, 608 scenes", new FacePipeline.Options[] {multi, ref608});
    variants.put("608/416/320/224, face-api landmark shift", new FacePipeline.Options[] {multiNoFix, multiNoFix});
    variants.put("608/416/320/224", new FacePipeline.Options[] {multi, multi});
    variants.put("608/416/320/224 + zoom-out", new FacePipeline.Options[] {multiZoom, multiZoom});
    variants.put("608/320 + zoom-out", new FacePipeline.Options[] {twoScale, twoScale});
    variants.put("608/1024/416/320/224 + zoom-out (shipped)", new FacePipeline.Options[] {shipped, shipped});
    variants.put("shipped + flip-averaged descriptors", new FacePipeline.Options[] {shippedFlip, shippedFlip});
    StringBuilder table = new StringBuilder("\n").append(HEADER);
    for (Map.Entry<String, FacePipeline.Options[]> v : variants.entrySet()) {
      FacePipeline.Options refs = v.getValue()[0];
      FacePipeline.Options scenes = v.getValue()[1];
      FaceGallery gallery = FaceGallery.builder().build();
      int failed = enrollWith(gallery, refs);
      Score s = evaluate(v.getKey(), gallery, scene -> engine.recognize(scene, gallery, scenes));
      s = s.withFailed(failed);
      table.append(s.row()).append('\n');
      LOG.info("{}", s.row());
    }
    LOG.info("{}", table);
  }

  private int enrollAll(FaceGallery gallery) {
    int failed = 0;
    for (Map.Entry<String, JsonNode> id : index.get("identities").properties()) {
      List<Path> refs = new ArrayList<>();
      id.getValue().get("references").forEach(r -> refs.add(faces.resolve(r.asText())));
      try {
        gallery.enroll(Person.of(id.getKey(), refs.toArray(Path[]::new)));
      } catch (EnrollmentException e) {
        LOG.warn("{}", e.getMessage());
        failed += e.failures().size();
        Set<String> bad = new HashSet<>();
        e.failures().forEach(f -> bad.add(f.image()));
        List<Path> good = refs.stream().filter(p -> !bad.contains(p.toString())).toList();
        if (!good.isEmpty()) {
          gallery.enroll(Person.of(id.getKey(), good.toArray(Path[]::new)));
        }
      }
    }
    return failed;
  }

  /** Enrollment with given pipeline options (largest face per photo, no ambiguity check). */
  private int enrollWith(FaceGallery gallery, FacePipeline.Options options) {
    int failed = 0;
    for (Map.Entry<String, JsonNode> id : index.get("identities").properties()) {
      List<FaceDescriptor> ds = new ArrayList<>();
      for (JsonNode r : id.getValue().get("references")) {
        List<DetectedFace> found = engine.referenceFaces(ImageInput.of(faces.resolve(r.asText())), options);
        if (found.isEmpty()) {
          failed++;
        } else {
          ds.add(found.get(0).descriptor());
        }
      }
      if (!ds.isEmpty()) {
        gallery.add(id.getKey(), ds);
      }
    }
    return failed;
  }

  interface Recognizer {
    SceneRecognition recognize(ImageInput scene);
  }

  private Score evaluate(String variant, FaceGallery gallery, Recognizer recognizer) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int exact = 0;
    int scenes = 0;
    int falseAccepts = 0;
    double maxTrue = 0;
    double minStranger = Double.POSITIVE_INFINITY;
    int absentPairs = 0;
    int uncertainAbsent = 0;
    for (JsonNode scene : index.get("scenes")) {
      String file = scene.get("file").asText();
      Set<String> truth = new HashSet<>();
      scene.get("identities").forEach(i -> truth.add(i.asText()));
      SceneRecognition r = recognizer.recognize(ImageInput.of(faces.resolve(file)));
      Set<String> predicted = new HashSet<>(r.recognizedPeople());
      for (RecognizedFace f : r.faces()) {
        if (f.name().isPresent() && truth.contains(f.name().get())) {
          maxTrue = Math.max(maxTrue, f.distance());
        } else if (!f.candidates().isEmpty() && !truth.contains(f.candidates().get(0).name())) {
          minStranger = Math.min(minStranger, f.candidates().get(0).distance());
        }
      }
      Set<String> hit = new HashSet<>(predicted);
      hit.retainAll(truth);
      tp += hit.size();
      fp += predicted.size() - hit.size();
      fn += truth.size() - hit.size();
      if (predicted.equals(truth)) {
        exact++;
      }
      if (file.contains("negative_")) {
        falseAccepts += predicted.size();
      }
      for (Map.Entry<String, JsonNode> id : index.get("identities").properties()) {
        if (!truth.contains(id.getKey())) {
          absentPairs++;
          if (!r.lookalikes(id.getKey()).isEmpty()) {
            uncertainAbsent++;
          }
        }
      }
      scenes++;
      if (!predicted.equals(truth)) {
        StringBuilder sb = new StringBuilder();
        for (RecognizedFace f : r.faces()) {
          sb.append(String.format(" [%s %.3f best=%s %s t=%.3f ratio=%.3f]", f.name().orElse("?"), f.distance(),
              f.candidates().isEmpty() ? "-" : f.candidates().get(0).name(), f.decision().outcome(),
              f.decision().threshold(), f.decision().ratio()));
        }
        LOG.info("{}: {} truth={} predicted={} faces:{}", variant, file, truth, predicted, sb);
      }
    }
    LOG.info("{}: absent people with a lookalike face (presence cannot be ruled out): {} of {} person-scene pairs",
        variant, uncertainAbsent, absentPairs);
    return new Score(variant, tp, fp, fn, exact, scenes, falseAccepts, 0, maxTrue, minStranger);
  }
}
