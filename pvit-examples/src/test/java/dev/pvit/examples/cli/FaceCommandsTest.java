package dev.pvit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pvit embed} and {@code pvit recognize} on the face-api demo photos (MIT). */
class FaceCommandsTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path sample1;
  private Path sample3;

  @BeforeEach
  void copyDemoPhotos() throws Exception {
    sample1 = copy("sample1.jpg", dir.resolve("photos/sample1.jpg"));
    sample3 = copy("sample3.jpg", dir.resolve("photos/more/sample3.jpg"));
  }

  private static Path copy(String resource, Path to) throws Exception {
    Files.createDirectories(to.getParent());
    try (InputStream in = FaceCommandsTest.class.getResourceAsStream("demo/" + resource)) {
      Files.copy(in, to);
    }
    return to;
  }

  private int run(String... args) {
    CommandLine cl = PvitCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private List<JsonNode> lines() throws Exception {
    ObjectMapper json = new ObjectMapper();
    return Arrays.stream(out.toString().split("\n")).filter(l -> !l.isBlank()).map(l -> {
      try {
        return json.readTree(l);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + l, e);
      }
    }).toList();
  }

  @Test
  void embed_prints_one_json_line_per_image_with_boxes_and_descriptors() throws Exception {
    assertThat(run("embed", sample1.toString())).isZero();
    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(1);
    JsonNode l = lines.get(0);
    assertThat(l.get("image").asText()).isEqualTo(sample1.toString());
    BufferedImage img = ImageIO.read(sample1.toFile());
    assertThat(l.get("width").asInt()).isEqualTo(img.getWidth());
    assertThat(l.get("height").asInt()).isEqualTo(img.getHeight());
    assertThat(l.get("faces").size()).isGreaterThanOrEqualTo(3);
    JsonNode face = l.get("faces").get(0);
    assertThat(face.get("box").size()).isEqualTo(4);
    assertThat(face.get("score").asDouble()).isBetween(0.5, 1.0);
    assertThat(face.get("descriptor").size()).isEqualTo(128);
    assertThat(out.toString()).startsWith("{\"image\": ");
  }

  @Test
  void embed_walks_folders_reports_bad_images_and_exits_3() throws Exception {
    Files.writeString(dir.resolve("photos/notes.jpg"), "not an image", StandardCharsets.UTF_8);
    Files.write(dir.resolve("photos/more/empty.jpg"), new byte[0]);
    Files.writeString(dir.resolve("photos/readme.txt"), "skipped: not an image name");
    assertThat(run("embed", "--detector-size", "416", dir.resolve("photos").toString())).isEqualTo(3);
    List<JsonNode> lines = lines();
    assertThat(lines).extracting(n -> n.get("image").asText())
        .containsExactly("more/empty.jpg", "more/sample3.jpg", "notes.jpg", "sample1.jpg");
    assertThat(lines.get(0).get("error").asText()).contains("empty");
    assertThat(lines.get(2).get("error").asText()).contains("notes.jpg");
    assertThat(lines.get(1).get("faces").size()).isPositive();
    assertThat(lines.get(3).get("faces").size()).isPositive();
    assertThat(err.toString()).startsWith("error: ");
  }

  @Test
  void embed_finds_the_face_of_every_bundled_sample_crop_as_enrollment_does() throws Exception {
    Path people = Path.of("..", "samples", "people");
    assertThat(run("embed", people.toString())).isZero();
    List<JsonNode> lines = lines();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
    for (JsonNode l : lines) {
      assertThat(l.get("faces")).as(l.get("image").asText()).hasSize(1);
    }
  }

  @Test
  void embed_rejects_a_bad_detector_size_as_usage_error() {
    assertThat(run("embed", "--detector-size", "600", sample1.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: ").contains("multiple of 32");
  }

  @Test
  void recognize_prints_who_is_where() throws Exception {
    // Register the largest face of sample1 as "Ada" from a crop, then look for her in the full photo.
    assertThat(run("embed", sample1.toString())).isZero();
    JsonNode faces = lines().get(0).get("faces");
    JsonNode best = faces.get(0);
    for (JsonNode f : faces) {
      if (f.get("box").get(2).asDouble() > best.get("box").get(2).asDouble()) {
        best = f;
      }
    }
    BufferedImage img = ImageIO.read(sample1.toFile());
    double[] b = {best.get("box").get(0).asDouble(), best.get("box").get(1).asDouble(),
        best.get("box").get(2).asDouble(), best.get("box").get(3).asDouble()};
    int x = (int) Math.max(0, b[0] - b[2] * 0.5);
    int y = (int) Math.max(0, b[1] - b[3] * 0.5);
    int w = (int) Math.min(img.getWidth() - x, b[2] * 2);
    int h = (int) Math.min(img.getHeight() - y, b[3] * 2);
    Path ada = dir.resolve("people/Ada/1.jpg");
    Files.createDirectories(ada.getParent());
    ImageIO.write(img.getSubimage(x, y, w, h), "jpg", ada.toFile());
    Path blank = dir.resolve("people/Ada/blank.png");
    ImageIO.write(new BufferedImage(150, 150, BufferedImage.TYPE_BYTE_GRAY), "png", blank.toFile());
    out.getBuffer().setLength(0);

    assertThat(run("recognize", "--people", dir.resolve("people").toString(), "--scene", sample1.toString())).isZero();
    String text = out.toString();
    assertThat(text).contains("sample1.jpg: " + img.getWidth() + "x" + img.getHeight());
    assertThat(text).containsPattern("\\d\\. Ada +box \\[");
    assertThat(text).contains("unknown");
    assertThat(err.toString()).contains("warning: skipped " + blank).contains("no face");
  }

  @Test
  void recognize_without_a_people_folder_is_invalid_input() {
    assertThat(run("recognize", "--people", dir.resolve("nobody").toString(), "--scene", sample1.toString())).isEqualTo(3);
    assertThat(err.toString()).startsWith("error: ").contains("nobody");
  }

  @Test
  void recognize_requires_both_options() {
    assertThat(run("recognize", "--scene", sample1.toString())).isEqualTo(2);
  }
}
