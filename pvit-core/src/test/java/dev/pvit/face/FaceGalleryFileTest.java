package dev.pvit.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every structural and numeric problem of a gallery file is a {@link GalleryFormatException}. */
class FaceGalleryFileTest {
  private static final ObjectMapper M = new ObjectMapper();

  @TempDir Path dir;

  /** A descriptor shaped like a real one: random direction, norm 1.45 (the dev set's mean). */
  static FaceDescriptor realistic(Random random) {
    float[] v = new float[FaceDescriptor.LENGTH];
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
      sum += v[i] * v[i];
    }
    double scale = 1.45 / Math.sqrt(sum);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (v[i] * scale);
    }
    return FaceDescriptor.of(v);
  }

  static FaceGallery sample(long seed) {
    Random r = new Random(seed);
    FaceGallery g = FaceGallery.builder().build();
    g.add("Alice", List.of(realistic(r), realistic(r)));
    g.add("Bob", List.of(realistic(r)));
    return g;
  }

  private ObjectNode savedTree() throws Exception {
    Path file = dir.resolve("valid.json");
    sample(1).save(file);
    return (ObjectNode) M.readTree(file.toFile());
  }

  private void assertRefused(String content, String reason) throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    FileTime mtime = FileTime.fromMillis(1_600_000_000_000L);
    Files.setLastModifiedTime(file, mtime);
    assertThatThrownBy(() -> FaceGallery.builder().load(file))
        .isInstanceOf(GalleryFormatException.class)
        .hasMessageContaining("bad.json")
        .hasMessageContaining(reason);
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(content);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(mtime);
  }

  private void assertRefused(Consumer<ObjectNode> mutation, String reason) throws Exception {
    ObjectNode tree = savedTree();
    mutation.accept(tree);
    assertRefused(M.writeValueAsString(tree), reason);
  }

  private static ArrayNode firstDescriptor(ObjectNode tree) {
    return (ArrayNode) tree.get("people").get(0).get("descriptors").get(0);
  }

  @Test
  void a_saved_gallery_loads_back_equal_and_carries_a_digest() throws Exception {
    FaceGallery g = sample(7);
    Path file = dir.resolve("g.json");
    g.save(file);
    FaceGallery back = FaceGallery.builder().load(file);
    assertThat(back.names()).containsExactly("Alice", "Bob");
    assertThat(back.descriptors("Alice")).isEqualTo(g.descriptors("Alice"));
    assertThat(M.readTree(file.toFile()).get("sha256").asText()).hasSize(64);
  }

  @Test
  void a_file_without_digest_from_an_earlier_release_still_loads() throws Exception {
    ObjectNode tree = savedTree();
    tree.remove("sha256");
    Path file = dir.resolve("old.json");
    Files.writeString(file, M.writeValueAsString(tree));
    assertThat(FaceGallery.builder().load(file).names()).containsExactly("Alice", "Bob");
  }

  @Test
  void a_value_that_overflows_a_float_is_a_format_error() throws Exception {
    assertRefused(t -> firstDescriptor(t).set(5, M.getNodeFactory().numberNode(new java.math.BigDecimal("1e39"))),
        "value #6 (1E+39) is not a finite 32-bit float");
  }

  @Test
  void huge_and_tiny_norms_and_zero_vectors_are_format_errors() throws Exception {
    assertRefused(t -> firstDescriptor(t).set(0, M.getNodeFactory().numberNode(1e30)), "has norm 1.00e+30, outside");
    assertRefused(t -> {
      ArrayNode d = firstDescriptor(t);
      for (int i = 0; i < d.size(); i++) {
        d.set(i, M.getNodeFactory().numberNode(0));
      }
    }, "descriptor #1 is all zeros");
    assertRefused(t -> {
      ArrayNode d = firstDescriptor(t);
      for (int i = 0; i < d.size(); i++) {
        d.set(i, M.getNodeFactory().numberNode(d.get(i).floatValue() / 10));
      }
    }, "outside the range [0.75, 2.5]");
  }

  @Test
  void trailing_content_after_the_json_is_a_format_error() throws Exception {
    String valid = M.writeValueAsString(savedTree());
    assertRefused(valid + "\ngarbage", "not valid JSON");
    assertRefused(valid + "{}", "not valid JSON");
  }

  @Test
  void wrong_lengths_wrong_types_and_missing_fields_are_format_errors() throws Exception {
    assertRefused(t -> firstDescriptor(t).remove(127), "is not an array of 128 numbers (it has 127)");
    assertRefused(t -> firstDescriptor(t).set(3, M.getNodeFactory().textNode("0.1")), "value #4 is not a number");
    assertRefused(t -> firstDescriptor(t).set(3, M.getNodeFactory().nullNode()), "value #4 is not a number");
    assertRefused(t -> ((ObjectNode) t.get("people").get(1)).put("name", 5), "person #2 has no \"name\" string");
    assertRefused(t -> ((ArrayNode) t.get("people")).set(0, M.getNodeFactory().textNode("Alice")), "is not an object");
    assertRefused(t -> ((ObjectNode) t.get("people").get(0)).remove("descriptors"), "has no \"descriptors\"");
    assertRefused(t -> ((ObjectNode) t.get("people").get(0)).putArray("descriptors"), "has no \"descriptors\"");
    assertRefused(t -> t.put("people", "none"), "has no \"people\" array");
    assertRefused(t -> t.put("version", "1"), "no valid format version");
    assertRefused(t -> t.put("version", 1.5), "no valid format version");
    assertRefused(t -> t.put("sha256", 12), "\"sha256\" that is not a string");
    assertRefused(t -> ((ObjectNode) t.get("people").get(0)).put("nmae", "x"), "unknown field \"nmae\"");
    assertRefused(t -> t.put("extra", true), "unknown field \"extra\"");
  }

  @Test
  void unknown_versions_are_format_errors() throws Exception {
    assertRefused(t -> t.put("version", 0), "no valid format version");
    assertRefused(t -> t.put("version", 99), "newer version (format 99");
    assertRefused(t -> t.put("version", 1L << 40), "no valid format version");
  }

  @Test
  void duplicate_names_and_duplicate_keys_are_format_errors() throws Exception {
    assertRefused(t -> ((ObjectNode) t.get("people").get(1)).put("name", "ALICE"), "repeats the name 'ALICE'");
    String valid = M.writeValueAsString(savedTree());
    assertRefused(valid.replaceFirst("\\{", "{\"version\":1,"), "Duplicate field 'version'");
  }

  @Test
  void a_changed_value_is_caught_by_the_digest() throws Exception {
    assertRefused(t -> firstDescriptor(t).set(0, M.getNodeFactory().numberNode(firstDescriptor(t).get(0).floatValue() + 0.01f)),
        "does not match its \"sha256\" digest");
    assertRefused(t -> ((ObjectNode) t.get("people").get(1)).put("name", "Carol"), "does not match its \"sha256\"");
  }

  @Test
  void saving_a_descriptor_no_file_may_hold_is_refused_and_writes_nothing() throws Exception {
    Path file = dir.resolve("g.json");
    sample(2).save(file);
    byte[] before = Files.readAllBytes(file);
    FaceGallery g = FaceGallery.builder().build();
    g.add("Zero", List.of(FaceDescriptor.of(new float[FaceDescriptor.LENGTH])));
    assertThatThrownBy(() -> g.save(file))
        .isInstanceOf(GalleryFileException.class)
        .hasMessageContaining("'Zero', descriptor #1 is all zeros")
        .hasMessageContaining("nothing was written");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void saving_through_a_symlink_replaces_the_target_and_keeps_the_link() throws Exception {
    assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
    Path realDir = Files.createDirectories(dir.resolve("data"));
    Path target = realDir.resolve("gallery.json");
    sample(3).save(target);
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("data/gallery.json"));
    Path linkToLink = Files.createSymbolicLink(dir.resolve("link2.json"), link.getFileName());

    FaceGallery updated = sample(4);
    updated.remove("Bob");
    updated.save(linkToLink);

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.isSymbolicLink(linkToLink)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("data/gallery.json"));
    assertThat(FaceGallery.builder().load(target).names()).containsExactly("Alice");
    assertThat(FaceGallery.builder().load(target).descriptors("Alice")).isEqualTo(updated.descriptors("Alice"));
    try (var files = Files.list(realDir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void saving_through_a_dangling_symlink_creates_its_target_and_a_loop_is_a_clear_error() throws Exception {
    assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
    Path link = Files.createSymbolicLink(dir.resolve("dangling.json"), dir.resolve("new.json"));
    sample(5).save(link);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(FaceGallery.builder().load(dir.resolve("new.json")).names()).containsExactly("Alice", "Bob");

    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    Files.createSymbolicLink(a, b);
    Files.createSymbolicLink(b, a);
    assertThatThrownBy(() -> sample(6).save(a))
        .isInstanceOf(GalleryFileException.class)
        .hasMessageContaining("a.json")
        .hasMessageContaining("symbolic links");
  }
}
