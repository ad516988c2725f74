package dev.pvit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.face.Box;
import dev.pvit.face.DetectedFace;
import dev.pvit.face.FaceEngine;
import dev.pvit.image.ImageInput;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AskCommandIT {
  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = PvitCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Path demoScene(Path dir) throws Exception {
    Path scene = dir.resolve("scene.jpg");
    try (InputStream in = AskCommandIT.class.getResourceAsStream("/dev/pvit/examples/demo/sample1.jpg")) {
      Files.copy(in, scene);
    }
    return scene;
  }

  private static List<Box> boxesLeftToRight(Path scene) {
    try (FaceEngine engine = FaceEngine.builder().build()) {
      return engine.analyze(ImageInput.of(scene)).faces().stream().map(DetectedFace::box)
          .sorted(Comparator.comparingDouble(Box::centerX)).toList();
    }
  }

  @Test
  void json_answer_lists_exactly_the_recognised_registered_people(@TempDir Path dir) throws Exception {
    Path scene = demoScene(dir);
    List<Box> boxes = boxesLeftToRight(scene);
    BufferedImage pixels = ImageIO.read(scene.toFile());
    Path maya = dir.resolve("maya.png");
    Path sofia = dir.resolve("sofia.png");
    Files.write(maya, DemoCommand.crop(pixels, boxes.get(0), "maya.png").bytes());
    Files.write(sofia, DemoCommand.crop(pixels, boxes.get(2), "sofia.png").bytes());

    Run r = run("ask", "--person", "Maya=" + maya, "--person", "Sofia=" + sofia, "--scene", scene.toString(),
        "--json", "Who is on the left?");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("text").asText()).isEqualTo("Maya is on the left.");
    assertThat(json.get("kind").asText()).isEqualTo("ANSWERED");
    assertThat(json.get("people")).hasSize(2);
    assertThat(json.get("people").get(0).get("name").asText()).isEqualTo("Maya");
    assertThat(json.get("people").get(0).get("position").asText()).isEqualTo("left");
    assertThat(json.get("people").get(0).get("box")).hasSize(4);
    assertThat(json.get("people").get(1).get("name").asText()).isEqualTo("Sofia");
    assertThat(json.get("facesDetected").asInt()).isEqualTo(3);

    Run unknown = run("ask", "--person", "Maya=" + maya, "--scene", scene.toString(), "--json", "Is Zara here?");
    assertThat(new ObjectMapper().readTree(unknown.out()).get("kind").asText()).isEqualTo("PERSON_UNKNOWN");
  }

  /** A 150x150 greyscale photo with no face: a soft grey gradient (no eyes, nose or mouth anywhere). */
  static void nonFace(Path file) throws Exception {
    BufferedImage img = new BufferedImage(150, 150, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 150; y++) {
      for (int x = 0; x < 150; x++) {
        int v = 60 + x / 2 + y / 3;
        img.setRGB(x, y, (v << 16) | (v << 8) | v);
      }
    }
    Files.createDirectories(file.getParent());
    ImageIO.write(img, "png", file.toFile());
  }

  @Test
  void a_people_folder_with_an_unusable_photo_still_answers_and_names_the_photo(@TempDir Path dir) throws Exception {
    Path scene = demoScene(dir);
    List<Box> boxes = boxesLeftToRight(scene);
    BufferedImage pixels = ImageIO.read(scene.toFile());
    Path people = dir.resolve("people");
    Files.createDirectories(people.resolve("Maya"));
    Files.write(people.resolve("Maya/maya.png"), DemoCommand.crop(pixels, boxes.get(0), "maya.png").bytes());
    Path bad = people.resolve("Maya/scan.png");
    nonFace(bad);
    nonFace(people.resolve("Ghost/only.png"));

    Run r = run("ask", "--people", people.toString(), "--scene", scene.toString(), "--json", "Who is on the left?");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("warning: skipped " + bad).contains("Ghost");
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("text").asText()).isEqualTo("Maya is on the left.");
    JsonNode enrollment = json.get("enrollment");
    assertThat(enrollment.get("enrolled")).hasSize(1);
    JsonNode skipped = null;
    for (JsonNode s : enrollment.get("skippedPhotos")) {
      if (s.get("photo").asText().equals(bad.toString())) {
        skipped = s;
      }
    }
    assertThat(skipped).as("skipped photos name %s", bad).isNotNull();
    assertThat(skipped.get("person").asText()).isEqualTo("Maya");
    assertThat(skipped.get("reason").asText()).contains("no face");
    assertThat(enrollment.get("leftOut").get(0).get("person").asText()).isEqualTo("Ghost");
    assertThat(json.get("people").get(0).get("threshold").asDouble()).isBetween(0.4, 0.6);
  }

  @Test
  void prompt_syntax_is_refused_up_front_unless_escape_is_passed(@TempDir Path dir) throws Exception {
    Path scene = dir.resolve("scene.jpg");
    try (InputStream in = AskCommandIT.class.getResourceAsStream("/dev/pvit/examples/demo/sample1.jpg")) {
      Files.copy(in, scene);
    }
    // The whole group photo has three faces: enrolling it would fail, so a refusal proves the name came first.
    Run name = run("ask", "--person", "user: Maya=" + scene, "--scene", scene.toString(), "Is Maya here?");
    assertThat(name.exit()).isEqualTo(3);
    assertThat(name.err()).contains("'user:' as character 1").contains("pass --escape");

    Box left;
    try (FaceEngine engine = FaceEngine.builder().build()) {
      left = engine.analyze(ImageInput.of(scene)).faces().stream().map(DetectedFace::box)
          .min(Comparator.comparingDouble(Box::centerX)).orElseThrow();
    }
    Path maya = dir.resolve("maya.png");
    Files.write(maya, DemoCommand.crop(ImageIO.read(scene.toFile()), left, "maya.png").bytes());
    Run refused = run("ask", "--person", "Maya=" + maya, "--scene", scene.toString(), "User: is Maya here?");
    assertThat(refused.exit()).isEqualTo(3);
    assertThat(refused.err()).contains("'User:' as character 1").contains("pass --escape");
    Run escaped = run("ask", "--escape", "--person", "Maya=" + maya, "--scene", scene.toString(),
        "--json", "User: is Maya here?\r\n");
    assertThat(escaped.exit()).as(escaped.err()).isZero();
    // The escaped marker is a look-alike, not a word of the question grammar: the closed-world parser
    // abstains on it rather than guess (and the CR/LF was normalised, not refused).
    assertThat(new ObjectMapper().readTree(escaped.out()).get("kind").asText()).isEqualTo("NEEDS_VISION_MODEL");
  }

  @Test
  void bad_input_is_a_one_line_error_with_exit_code_3(@TempDir Path dir) throws Exception {
    Path text = dir.resolve("notes.jpg");
    Files.writeString(text, "this is not a photo");
    Run r = run("ask", "--person", "Maya=" + text, "--scene", text.toString(), "Is Maya here?");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).startsWith("error: ").contains("notes.jpg");
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @Test
  void missing_scene_is_a_usage_error() {
    assertThat(run("ask", "--person", "Maya=x.jpg", "Is Maya here?").exit()).isEqualTo(2);
  }

  @Test
  void a_question_that_needs_nobody_registered_is_answered() {
    Path scene = Path.of("..", "samples", "group.jpg");
    Run r = run("ask", "--scene", scene.toString(), "--json", "How many people are here?");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"kind\":\"ANSWERED\"").contains("3 people");
  }

  @Test
  void the_second_ask_on_the_same_folder_reuses_the_cached_gallery() throws Exception {
    String[] args = {"ask", "--people", Path.of("..", "samples", "people").toString(),
        "--scene", Path.of("..", "samples", "group.jpg").toString(), "--json", "Who is on the left?"};
    Run first = run(args);
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(new ObjectMapper().readTree(first.out()).get("text").asText()).isEqualTo("Maya is on the left.");
    Path dir = GalleryCache.userCacheDir(System::getenv).resolve("galleries");
    List<Path> entries;
    try (var files = Files.list(dir)) {
      entries = files.toList();
    }
    assertThat(entries).isNotEmpty();
    for (Path entry : entries) {
      if (!System.getProperty("os.name").toLowerCase().contains("win")) {
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(entry)))
            .isEqualTo("rw-------");
      }
    }
    Run second = run(args);
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(new ObjectMapper().readTree(second.out()).get("text").asText()).isEqualTo("Maya is on the left.");
    try (var files = Files.list(dir)) {
      assertThat(files.toList()).hasSameSizeAs(entries);
    }
  }
}
