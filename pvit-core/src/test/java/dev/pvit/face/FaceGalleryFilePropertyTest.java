package dev.pvit.face;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Any mutation of a valid gallery file (byte flips, truncation, insertion, number replacement)
 * either loads to an equal gallery or fails with {@link GalleryFormatException}; a load never
 * changes the file (bytes and modification time). A file without its digest (an earlier release's)
 * can be changed undetectably, but whatever loads still satisfies every rule of the format.
 */
class FaceGalleryFilePropertyTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
  private static final FaceGallery ORIGINAL = FaceGalleryFileTest.sample(11);
  private static Path dir;
  private static byte[] withDigest;
  private static byte[] withoutDigest;

  /** One way to damage a file. */
  sealed interface Mutation {
    byte[] apply(byte[] in);
  }

  record Flip(int at, int mask) implements Mutation {
    public byte[] apply(byte[] in) {
      byte[] out = in.clone();
      out[at % out.length] ^= (byte) mask;
      return out;
    }
  }

  record Truncate(int length) implements Mutation {
    public byte[] apply(byte[] in) {
      return Arrays.copyOf(in, length % in.length);
    }
  }

  record Insert(int at, String text) implements Mutation {
    public byte[] apply(byte[] in) {
      int p = at % (in.length + 1);
      byte[] t = text.getBytes(StandardCharsets.UTF_8);
      byte[] out = new byte[in.length + t.length];
      System.arraycopy(in, 0, out, 0, p);
      System.arraycopy(t, 0, out, p, t.length);
      System.arraycopy(in, p, out, p + t.length, in.length - p);
      return out;
    }
  }

  record ReplaceNumber(int index, String replacement) implements Mutation {
    public byte[] apply(byte[] in) {
      String s = new String(in, StandardCharsets.UTF_8);
      Matcher m = NUMBER.matcher(s);
      List<int[]> spans = new ArrayList<>();
      while (m.find()) {
        spans.add(new int[] {m.start(), m.end()});
      }
      if (spans.isEmpty()) {
        return in;
      }
      int[] span = spans.get(index % spans.size());
      return (s.substring(0, span[0]) + replacement + s.substring(span[1])).getBytes(StandardCharsets.UTF_8);
    }
  }

  @BeforeContainer
  static void writeValidFiles() throws IOException {
    dir = Files.createTempDirectory("gallery-property");
    Path file = dir.resolve("valid.json");
    ORIGINAL.save(file);
    withDigest = Files.readAllBytes(file);
    ObjectNode tree = (ObjectNode) M.readTree(withDigest);
    tree.remove("sha256");
    withoutDigest = M.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Integer> pos = Arbitraries.integers().between(0, 1 << 20);
    Arbitrary<Mutation> flip = net.jqwik.api.Combinators.combine(pos, Arbitraries.integers().between(1, 255)).as(Flip::new);
    Arbitrary<Mutation> truncate = pos.map(Truncate::new);
    Arbitrary<String> inserted = Arbitraries.oneOf(
        Arbitraries.of(" ", "\n", "0", "9", "-", ".", "e5", "1e39", ",", "[", "]", "{", "}", "\"", "\\", "null", "true",
            ",0.1", "\"x\":1,", "\u0000", "\uFEFF", "é"),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(4));
    Arbitrary<Mutation> insert = net.jqwik.api.Combinators.combine(pos, inserted).as(Insert::new);
    Arbitrary<String> number = Arbitraries.oneOf(
        Arbitraries.of("0", "-0", "0.0", "1", "2", "1e39", "-1e39", "1e30", "1e-50", "3.4028236e38", "NaN", "Infinity",
            "1" + "0".repeat(400), "0.00000000000000000000001", "99", "1.5", "-1.5"),
        Arbitraries.doubles().between(-3, 3).map(d -> Double.toString(d)),
        Arbitraries.floats().map(f -> Float.toString(f)));
    Arbitrary<Mutation> replace = net.jqwik.api.Combinators.combine(pos, number).as(ReplaceNumber::new);
    return Arbitraries.oneOf(flip, truncate, insert, replace).list().ofMinSize(1).ofMaxSize(3);
  }

  @Property(tries = 300)
  void a_mutated_file_loads_equal_or_fails_with_a_format_error_and_is_never_changed(
      @ForAll("mutations") List<Mutation> mutations) throws IOException {
    FaceGallery loaded = load(mutate(withDigest, mutations));
    if (loaded != null) {
      assertThat(loaded.names()).isEqualTo(ORIGINAL.names());
      for (String name : ORIGINAL.names()) {
        assertThat(loaded.descriptors(name)).isEqualTo(ORIGINAL.descriptors(name));
      }
    }
  }

  @Property(tries = 150)
  void a_mutated_file_without_digest_loads_only_valid_content_or_fails_with_a_format_error(
      @ForAll("mutations") List<Mutation> mutations) throws IOException {
    FaceGallery loaded = load(mutate(withoutDigest, mutations));
    if (loaded != null) {
      for (String name : loaded.names()) {
        for (FaceDescriptor d : loaded.descriptors(name)) {
          double norm = d.distance(FaceDescriptor.of(new float[FaceDescriptor.LENGTH]));
          assertThat(norm).isBetween(0.75, 2.5);
        }
      }
      // Whatever loads can be saved and loaded again.
      Path again = dir.resolve("again.json");
      loaded.save(again);
      assertThat(FaceGallery.builder().load(again).names()).isEqualTo(loaded.names());
    }
  }

  private static byte[] mutate(byte[] valid, List<Mutation> mutations) {
    byte[] bytes = valid;
    for (Mutation m : mutations) {
      bytes = bytes.length == 0 ? bytes : m.apply(bytes);
    }
    return bytes;
  }

  /** Loads the bytes from a file; null if refused with a GalleryFormatException. */
  private static FaceGallery load(byte[] bytes) throws IOException {
    Path file = dir.resolve("mutated.json");
    Files.write(file, bytes);
    FileTime mtime = FileTime.fromMillis(1_500_000_000_000L);
    Files.setLastModifiedTime(file, mtime);
    FaceGallery loaded;
    try {
      loaded = FaceGallery.builder().load(file);
    } catch (GalleryFormatException e) {
      assertThat(e.getMessage()).contains("mutated.json");
      loaded = null;
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(mtime);
    return loaded;
  }
}
