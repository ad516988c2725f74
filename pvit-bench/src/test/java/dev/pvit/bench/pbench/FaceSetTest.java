package dev.pvit.bench.pbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.bench.BenchInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceSetTest {
  @TempDir Path dir;

  @Test
  void loads_identities_scenes_positions_and_holding() throws Exception {
    FaceSet set = Fixtures.writeSet(dir);
    assertThat(set.identities()).extracting(FaceSet.Identity::id).containsExactly("ann", "bob", "cyd", "dan", "eve");
    assertThat(set.identities().get(0).references()).containsExactly("people/ann/1.jpg", "people/ann/2.jpg");
    assertThat(set.scenes()).hasSize(3);
    FaceSet.Scene group = set.scenes().get(0);
    assertThat(group.identities()).containsExactly("bob", "ann", "cyd", "dan");
    assertThat(group.people().get(1).holding()).contains("a red umbrella");
    assertThat(group.people().get(0).holding()).isEmpty();
    assertThat(set.scenes().get(2).hasNobodyRegistered()).isTrue();
  }

  @Test
  void reads_the_labelled_count_of_other_faces_and_null_as_not_counted() throws Exception {
    FaceSet set = Fixtures.writeSet(dir);
    assertThat(set.scenes()).extracting(FaceSet.Scene::unregisteredFaces)
        .containsExactly(OptionalInt.of(0), OptionalInt.empty(), OptionalInt.of(3));
  }

  @Test
  void ranks_positions_left_to_right_ignoring_the_row() {
    assertThat(rank("far-left")).contains(0);
    assertThat(rank("center-left")).contains(2);
    assertThat(rank("top-center")).contains(3);
    assertThat(rank("bottom-far-right")).contains(6);
    assertThat(rank("somewhere")).isEmpty();
  }

  private static Optional<Integer> rank(String position) {
    return new FaceSet.LabelledPerson("x", position, Optional.empty()).horizontalRank();
  }

  @Test
  void rejects_a_folder_without_labels() {
    assertThatThrownBy(() -> FaceSet.load(dir))
        .isInstanceOf(BenchInputException.class)
        .hasMessageContaining("no scenes.json");
  }

  @Test
  void rejects_a_missing_photo() throws Exception {
    Fixtures.writeSet(dir);
    Files.delete(dir.resolve("scenes/solo.jpg"));
    assertThatThrownBy(() -> FaceSet.load(dir))
        .isInstanceOf(BenchInputException.class)
        .hasMessageContaining("solo.jpg");
  }

  @Test
  void rejects_a_scene_naming_an_unknown_identity() throws Exception {
    Fixtures.writeSet(dir);
    Files.writeString(dir.resolve("scenes.json"), Fixtures.SCENES_JSON.replace("\"identity\": \"eve\"", "\"identity\": \"zed\""));
    assertThatThrownBy(() -> FaceSet.load(dir))
        .isInstanceOf(BenchInputException.class)
        .hasMessageContaining("zed");
  }
}
