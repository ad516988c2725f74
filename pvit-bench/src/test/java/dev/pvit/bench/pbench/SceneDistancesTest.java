package dev.pvit.bench.pbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pvit.face.Box;
import dev.pvit.face.DetectedFace;
import dev.pvit.face.FaceDescriptor;
import dev.pvit.face.Point;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneDistancesTest {
  @TempDir Path dir;

  /** Person k's references are 0.5 on axis k (Ann also 0.3 on axis 0); their faces add 0.1 on axis 100. */
  private static final Map<String, List<FaceDescriptor>> REFERENCES = new LinkedHashMap<>();
  private static final Map<String, String> NAMES = new LinkedHashMap<>();

  static {
    String[] ids = {"ann", "bob", "cyd", "dan", "eve"};
    for (int k = 0; k < ids.length; k++) {
      String name = Character.toUpperCase(ids[k].charAt(0)) + ids[k].substring(1);
      NAMES.put(ids[k], name);
      REFERENCES.put(name, k == 0 ? List.of(axis(0, 0.5f), axis(0, 0.3f)) : List.of(axis(k, 0.5f)));
    }
  }

  private static FaceDescriptor axis(int k, float v) {
    float[] d = new float[FaceDescriptor.LENGTH];
    d[k] = v;
    return FaceDescriptor.of(d);
  }

  private static DetectedFace faceOf(int person, double x) {
    float[] d = new float[FaceDescriptor.LENGTH];
    d[person] = 0.5f;
    d[100] = 0.1f;
    return new DetectedFace(new Box(x, 10, 40, 40), 0.9, Collections.nCopies(DetectedFace.LANDMARK_COUNT, new Point(0, 0)),
        FaceDescriptor.of(d), Optional.empty());
  }

  private static DetectedFace stranger(double x) {
    return faceOf(50, x);
  }

  /** Group faces in detector order, not left to right: Dan, Bob, Cyd, Ann. */
  private static List<DetectedFace> faces(FaceSet.Scene s) {
    return switch (s.file()) {
      case "scenes/group.jpg" -> List.of(faceOf(3, 400), faceOf(1, 10), faceOf(2, 300), faceOf(0, 100));
      case "scenes/solo.jpg" -> List.of(faceOf(4, 100), stranger(300));
      default -> List.of(stranger(50));
    };
  }

  @Test
  void ties_faces_to_labelled_people_left_to_right_and_labels_every_comparison() throws Exception {
    FaceSet set = Fixtures.writeSet(dir);
    SceneDistances d = SceneDistances.of(set, NAMES, REFERENCES, SceneDistancesTest::faces);

    assertThat(d.genuine()).extracting(SceneDistances.Entry::face, SceneDistances.Entry::person)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(0, "Dan"), org.assertj.core.groups.Tuple.tuple(1, "Bob"),
            org.assertj.core.groups.Tuple.tuple(2, "Cyd"), org.assertj.core.groups.Tuple.tuple(3, "Ann"));
    assertThat(d.genuine()).allMatch(e -> e.scene().equals("scenes/group.jpg"));
    // Ann: mean of 0.1 (to 0.5 on axis 0) and sqrt(0.2² + 0.1²) (to 0.3 on axis 0).
    double ann = (0.1 + Math.sqrt(0.05)) / 2;
    assertThat(d.genuine().stream().filter(e -> e.person().equals("Ann")).findFirst().orElseThrow().distance())
        .isCloseTo(ann, within(1e-6));
    assertThat(d.genuineDistances()).allSatisfy(g -> assertThat(g).isLessThan(0.2));

    // Group: 4 faces x 4 other people; solo (untied): 2 faces x the 4 people not labelled there; negative: 1 x 5.
    assertThat(d.impostor()).hasSize(16 + 8 + 5);
    assertThat(d.impostorDistances()).allSatisfy(i -> assertThat(i).isGreaterThan(0.6));
    assertThat(d.impostor()).noneMatch(e -> e.scene().equals("scenes/solo.jpg") && e.person().equals("Eve"));
    assertThat(d.faces()).isEqualTo(7);
    assertThat(d.tiedFaces()).isEqualTo(4);
    assertThat(d.tiedScenes()).containsExactly("scenes/group.jpg");
    assertThat(d.untiedScenes()).containsExactly(Map.entry("scenes/solo.jpg", "2 face(s) detected, 1 labelled"));
    assertThat(d.farthestGenuine(2)).extracting(SceneDistances.Entry::person).containsExactly("Ann", "Dan");
    assertThat(d.closestImpostors(3)).extracting(SceneDistances.Entry::distance).isSorted().hasSize(3);
    assertThat(d.closestImpostors(100)).hasSize(29);
    assertThat(d.genuine()).allMatch(e -> e.faceWidth() == 40 && e.labelledAs().orElseThrow().equals(e.person()));
    assertThat(d.impostor()).filteredOn(e -> e.scene().equals("scenes/group.jpg") && e.face() == 0)
        .allMatch(e -> e.labelledAs().orElseThrow().equals("Dan"));
    assertThat(d.impostor()).filteredOn(e -> !e.scene().equals("scenes/group.jpg")).allMatch(e -> e.labelledAs().isEmpty());
  }

  @Test
  void a_tied_face_of_someone_not_registered_is_an_impostor_for_everyone() throws Exception {
    FaceSet set = Fixtures.writeSet(dir);
    Map<String, String> names = new LinkedHashMap<>(NAMES);
    names.remove("dan");
    SceneDistances d = SceneDistances.of(set, names, REFERENCES, SceneDistancesTest::faces);
    assertThat(d.genuine()).extracting(SceneDistances.Entry::person).containsExactlyInAnyOrder("Bob", "Cyd", "Ann");
    assertThat(d.impostor()).filteredOn(e -> e.scene().equals("scenes/group.jpg") && e.face() == 0)
        .extracting(SceneDistances.Entry::person).containsExactlyInAnyOrder("Ann", "Bob", "Cyd", "Eve");
    assertThat(d.impostor()).noneMatch(e -> e.person().equals("Dan"));
    // Dan could not be registered: his tied face is labelled with his identity id.
    assertThat(d.impostor()).filteredOn(e -> e.scene().equals("scenes/group.jpg") && e.face() == 0)
        .allMatch(e -> e.labelledAs().orElseThrow().equals("dan"));
  }

  @Test
  void does_not_tie_when_the_labels_count_other_faces_or_positions_do_not_order_people() {
    FaceSet.LabelledPerson ann = new FaceSet.LabelledPerson("ann", "left", Optional.empty());
    FaceSet.LabelledPerson bob = new FaceSet.LabelledPerson("bob", "top-left", Optional.empty());
    FaceSet.LabelledPerson bobRight = new FaceSet.LabelledPerson("bob", "right", Optional.empty());
    FaceSet set = new FaceSet(dir, List.of(), List.of(
        new FaceSet.Scene("crowd.jpg", List.of(ann), "", OptionalInt.of(2)),
        new FaceSet.Scene("rows.jpg", List.of(ann, bob), "", OptionalInt.of(0)),
        new FaceSet.Scene("pair.jpg", List.of(ann, bobRight), "", OptionalInt.empty())));
    SceneDistances d = SceneDistances.of(set, NAMES, REFERENCES, s -> switch (s.file()) {
      case "crowd.jpg" -> List.of(faceOf(0, 10));
      case "rows.jpg" -> List.of(faceOf(1, 10), faceOf(0, 200));
      default -> List.of(faceOf(1, 300), faceOf(0, 20));
    });
    assertThat(d.untiedScenes()).containsOnlyKeys("crowd.jpg", "rows.jpg");
    assertThat(d.untiedScenes().get("crowd.jpg")).contains("count 2 other visible");
    assertThat(d.untiedScenes().get("rows.jpg")).contains("do not order");
    assertThat(d.tiedScenes()).containsExactly("pair.jpg");
    assertThat(d.genuine()).extracting(SceneDistances.Entry::face, SceneDistances.Entry::person)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1, "Ann"), org.assertj.core.groups.Tuple.tuple(0, "Bob"));
    // Untied faces are never compared with the people labelled in their scene.
    assertThat(d.impostor()).noneMatch(e -> e.scene().equals("rows.jpg") && (e.person().equals("Ann") || e.person().equals("Bob")));
  }
}
