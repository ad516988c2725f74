package dev.pvit.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SceneRecognitionTest {
  static DetectedFace face(double x, FaceDescriptor d) {
    List<Point> pts = new ArrayList<>();
    for (int i = 0; i < 68; i++) {
      pts.add(new Point(x, 0));
    }
    return new DetectedFace(new Box(x, 10, 50, 50), 0.9, pts, d, Optional.empty());
  }

  @Test
  void a_person_is_given_to_the_closest_face_only() {
    FaceGallery g = FaceGallery.builder().build();
    g.add("Alice", List.of(FaceGalleryTest.at(0)));
    g.add("Bob", List.of(FaceGalleryTest.at(0, 1)));
    // Both faces are within 0.6 of Alice; the right one is closer, so the left one stays unknown.
    List<RecognizedFace> r = SceneMatcher.assign(
        List.of(face(0, FaceGalleryTest.at(0.5)), face(200, FaceGalleryTest.at(0.3))), g);
    assertThat(r.get(0).name()).isEmpty();
    assertThat(r.get(0).distance()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(r.get(0).candidates().get(0).name()).isEqualTo("Alice");
    assertThat(r.get(1).name()).contains("Alice");
  }

  @Test
  void a_face_that_loses_its_best_match_may_take_its_second_if_close_enough() {
    FaceGallery g = FaceGallery.builder().build();
    g.add("Alice", List.of(FaceGalleryTest.at(0)));
    g.add("Bob", List.of(FaceGalleryTest.at(0.55)));
    List<RecognizedFace> r = SceneMatcher.assign(
        List.of(face(0, FaceGalleryTest.at(0.2)), face(200, FaceGalleryTest.at(0.1))), g);
    assertThat(r.get(1).name()).contains("Alice");
    assertThat(r.get(0).name()).contains("Bob");
  }

  @Test
  void small_faces_need_a_stricter_distance() {
    FaceGallery g = FaceGallery.builder().build();
    g.add("Alice", List.of(FaceGalleryTest.at(0)));
    List<Point> pts = new ArrayList<>();
    for (int i = 0; i < 68; i++) {
      pts.add(new Point(0, 0));
    }
    DetectedFace small = new DetectedFace(new Box(0, 0, 40, 40), 0.9, pts, FaceGalleryTest.at(0.55), Optional.empty());
    DetectedFace smallClose = new DetectedFace(new Box(0, 0, 40, 40), 0.9, pts, FaceGalleryTest.at(0.45), Optional.empty());
    DetectedFace large = new DetectedFace(new Box(0, 0, 80, 80), 0.9, pts, FaceGalleryTest.at(0.55), Optional.empty());
    assertThat(SceneMatcher.assign(List.of(small), g).get(0).name()).isEmpty();
    assertThat(SceneMatcher.assign(List.of(smallClose), g).get(0).name()).contains("Alice");
    assertThat(SceneMatcher.assign(List.of(large), g).get(0).name()).contains("Alice");
  }

  @Test
  void scene_orders_faces_left_to_right_and_lists_people_once() {
    FaceDescriptor d = FaceGalleryTest.at(0);
    RecognizedFace right = new RecognizedFace(face(300, d), Optional.of("Bob"), 0.3, List.of());
    RecognizedFace left = new RecognizedFace(face(10, d), Optional.of("Alice"), 0.4, List.of());
    RecognizedFace mid = new RecognizedFace(face(100, d), Optional.empty(), 0.8, List.of());
    SceneRecognition s = new SceneRecognition(640, 480, List.of(right, mid, left));
    assertThat(s.faces()).containsExactly(left, mid, right);
    assertThat(s.recognizedPeople()).containsExactly("Alice", "Bob");
    assertThat(s.unknownFaces()).containsExactly(mid);
    assertThat(s.find("alice")).contains(left);
    assertThat(s.find("Carol")).isEmpty();
  }

  @Test
  void a_face_just_beyond_the_threshold_is_a_lookalike_that_rules_nothing_out() {
    FaceGallery g = FaceGallery.builder().build();
    g.add("Alice", List.of(FaceGalleryTest.at(0)));
    g.add("Bob", List.of(FaceGalleryTest.at(0, 1)));
    g.add("Carol", List.of(FaceGalleryTest.at(0, 0, 1)));
    // 0.65 from Alice: beyond her threshold, within the lookalike distance; Bob and Carol are far.
    SceneRecognition s = new SceneRecognition(1000, 500,
        SceneMatcher.assign(List.of(face(0, FaceGalleryTest.at(0.65)), face(300, FaceGalleryTest.at(0, 0, 0.98))), g));
    assertThat(s.faces().get(0).name()).isEmpty();
    assertThat(s.lookalikes("alice")).containsExactly(s.faces().get(0));
    assertThat(s.lookalikes("Bob")).isEmpty();
    // Carol is recognised on the right, so nothing else can be her.
    assertThat(s.find("Carol")).isPresent();
    assertThat(s.lookalikes("Carol")).isEmpty();
  }

  @Test
  void a_face_at_or_beyond_the_lookalike_distance_rules_the_person_out() {
    FaceGallery g = FaceGallery.builder().build();
    g.add("Alice", List.of(FaceGalleryTest.at(0)));
    g.add("Bob", List.of(FaceGalleryTest.at(0, 1)));
    SceneRecognition s = new SceneRecognition(1000, 500,
        SceneMatcher.assign(List.of(face(0, FaceGalleryTest.at(SceneRecognition.LOOKALIKE_DISTANCE + 0.01))), g));
    assertThat(s.faces().get(0).name()).isEmpty();
    assertThat(s.lookalikes("Alice")).isEmpty();
  }
}
