package dev.pvit.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceGalleryTest {
  @TempDir Path dir;

  static FaceDescriptor at(double... head) {
    float[] v = new float[128];
    for (int i = 0; i < head.length; i++) {
      v[i] = (float) head[i];
    }
    return FaceDescriptor.of(v);
  }

  @Test
  void matches_by_mean_distance_to_each_person() {
    FaceGallery g = FaceGallery.builder().build();
    // Alice: one reference at 0.1 and one at 0.9 -> mean 0.5; Bob: one at 0.45.
    g.add("Alice", List.of(at(0.1), at(0.9)));
    g.add("Bob", List.of(at(0.45)));
    FaceMatch m = g.match(at(0));
    assertThat(m.name()).contains("Bob");
    assertThat(m.distance()).isCloseTo(0.45, within(1e-6));
    assertThat(m.candidates()).extracting(FaceMatch.Candidate::name).containsExactly("Bob", "Alice");
    assertThat(m.candidates().get(1).distance()).isCloseTo(0.5, within(1e-6));
  }

  @Test
  void above_the_threshold_is_unknown_with_candidates() {
    FaceGallery g = FaceGallery.builder().threshold(0.4).candidates(1).build();
    g.add("Alice", List.of(at(0.5)));
    g.add("Bob", List.of(at(0.7)));
    FaceMatch m = g.match(at(0));
    assertThat(m.isKnown()).isFalse();
    assertThat(m.distance()).isCloseTo(0.5, within(1e-6));
    assertThat(m.candidates()).extracting(FaceMatch.Candidate::name).containsExactly("Alice");
  }

  @Test
  void threshold_is_exclusive_like_face_api() {
    FaceGallery g = FaceGallery.builder().threshold(0.5).build();
    g.add("Alice", List.of(at(0.5)));
    assertThat(g.match(at(0)).isKnown()).isFalse();
  }

  @Test
  void empty_gallery_matches_nobody() {
    FaceMatch m = FaceGallery.builder().build().match(at(0));
    assertThat(m.isKnown()).isFalse();
    assertThat(m.distance()).isInfinite();
    assertThat(m.candidates()).isEmpty();
  }

  @Test
  void names_are_case_and_diacritic_insensitive_and_re_adding_replaces() {
    FaceGallery g = FaceGallery.builder().build();
    g.add("Zoë", List.of(at(0.1)));
    g.add("ZOE", List.of(at(0.2), at(0.3)));
    assertThat(g.names()).containsExactly("ZOE");
    assertThat(g.descriptors("zoë")).hasSize(2);
    assertThat(g.contains("zoe")).isTrue();
    assertThat(g.remove("Zoe")).isTrue();
    assertThat(g.remove("Zoe")).isFalse();
    assertThat(g.size()).isZero();
  }

  @Test
  void rejects_invalid_settings_and_names() {
    assertThatThrownBy(() -> FaceGallery.builder().threshold(0).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaceGallery.builder().candidates(0).build()).isInstanceOf(IllegalArgumentException.class);
    FaceGallery g = FaceGallery.builder().build();
    assertThatThrownBy(() -> g.add(" ", List.of(at(0)))).isInstanceOf(dev.pvit.person.InvalidPersonException.class);
    assertThatThrownBy(() -> g.add("A", List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void enroll_without_engine_says_how_to_fix() {
    FaceGallery g = FaceGallery.builder().build();
    assertThatThrownBy(() -> g.enroll(dev.pvit.person.Person.of("A",
            dev.pvit.image.ImageInput.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}, "a.jpg"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("engine(engine)");
  }

  @Test
  void saves_and_loads_with_owner_only_permissions() throws Exception {
    FaceGallery g = FaceGallery.builder().build();
    g.add("Alice", List.of(at(1.4, -0.2), at(1.3)));
    g.add("李雷", List.of(at(1.5)));
    Path file = dir.resolve("g.json");
    g.save(file);
    FaceGallery back = FaceGallery.builder().threshold(0.5).load(file);
    assertThat(back.names()).containsExactly("Alice", "李雷");
    assertThat(back.descriptors("alice")).containsExactlyElementsOf(g.descriptors("Alice"));
    assertThat(back.threshold()).isEqualTo(0.5);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
    // Overwriting replaces the content.
    back.remove("Alice");
    back.save(file);
    assertThat(FaceGallery.builder().load(file).names()).containsExactly("李雷");
  }

  @Test
  void corrupt_foreign_and_newer_files_are_clear_errors_and_left_untouched() throws Exception {
    String newer = "{\"format\":\"pvit-face-gallery\",\"version\":99,\"people\":[]}";
    String foreign = "{\"name\":\"something else\"}";
    String truncated = "{\"format\":\"pvit-face-gallery\",\"version\":1,\"peo";
    String shortDescriptor = "{\"format\":\"pvit-face-gallery\",\"version\":1,\"descriptorModel\":\""
        + FaceGallery.DESCRIPTOR_MODEL + "\",\"people\":[{\"name\":\"A\",\"descriptors\":[[1,2,3]]}]}";
    String[][] cases = {{newer, "newer version"}, {foreign, "not a PVIT face gallery"}, {truncated, "not valid JSON"},
        {shortDescriptor, "128"}};
    for (String[] c : cases) {
      Path file = dir.resolve("bad.json");
      Files.writeString(file, c[0]);
      assertThatThrownBy(() -> FaceGallery.builder().load(file))
          .isInstanceOf(GalleryFormatException.class)
          .hasMessageContaining("bad.json")
          .hasMessageContaining(c[1]);
      assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(c[0]);
    }
    assertThatThrownBy(() -> FaceGallery.builder().load(dir.resolve("missing.json")))
        .isInstanceOf(GalleryFileException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void saving_into_a_missing_unwritable_place_is_a_clear_error() throws Exception {
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "x");
    FaceGallery g = FaceGallery.builder().build();
    assertThatThrownBy(() -> g.save(blocker.resolve("g.json")))
        .isInstanceOf(GalleryFileException.class)
        .hasMessageContaining("g.json");
  }

  @Test
  void concurrent_matching_and_changes_are_safe() throws Exception {
    FaceGallery g = FaceGallery.builder().build();
    g.add("Base", List.of(at(0.1)));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      int id = t;
      pool.submit(() -> {
        for (int i = 0; i < 200; i++) {
          g.add("P" + id + "x" + i, List.of(at(1 + i)));
          assertThat(g.match(at(0.1)).name()).contains("Base");
          g.remove("P" + id + "x" + i);
        }
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(g.names()).containsExactly("Base");
  }

  @Test
  void descriptor_is_an_immutable_value_that_never_prints_its_values() {
    float[] v = new float[128];
    v[0] = 0.25f;
    FaceDescriptor d = FaceDescriptor.of(v);
    v[0] = 9;
    assertThat(d.get(0)).isEqualTo(0.25f);
    d.toArray()[0] = 7;
    assertThat(d.get(0)).isEqualTo(0.25f);
    assertThat(d).isEqualTo(at(0.25)).hasSameHashCodeAs(at(0.25));
    assertThat(d.toString()).doesNotContain("0.25");
    assertThat(d.distance(at(0.25, 0.0, 3, 4))).isCloseTo(5, within(1e-6));
    assertThatThrownBy(() -> FaceDescriptor.of(new float[3])).isInstanceOf(IllegalArgumentException.class);
    float[] nan = new float[128];
    nan[5] = Float.NaN;
    assertThatThrownBy(() -> FaceDescriptor.of(nan)).isInstanceOf(IllegalArgumentException.class);
  }
}
