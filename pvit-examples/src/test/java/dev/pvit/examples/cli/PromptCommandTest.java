package dev.pvit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PromptCommandTest {
  @TempDir Path dir;
  private String alice;
  private String bob;
  private String scene;

  private record Run(int exit, String out, String err) {}

  @BeforeEach
  void images() throws IOException {
    alice = png("alice.png", Color.RED);
    bob = png("bob.png", Color.BLUE);
    scene = png("party.png", Color.GREEN);
  }

  private String png(String name, Color color) throws IOException {
    BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    img.setRGB(1, 1, color.getRGB());
    Path p = dir.resolve(name);
    ImageIO.write(img, "png", p.toFile());
    return p.toString();
  }

  private static Run run(String... args) {
    CommandLine cl = PvitCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("prompt"));
    all.addAll(List.of(args));
    int exit = cl.execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void llava_prints_the_released_record_shape() {
    Run r = run("--format", "llava", "--person", "Alice=" + alice, "--scene", scene, "What is Alice holding?");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().strip())
        .isEqualTo(
            "{\"image\":[\"" + alice + "\",\"" + scene + "\"],\"conversations\":[{\"from\":\"human\","
                + "\"value\":\"<image>\\nThis is Alice.\\n<image>\\nWhat is Alice holding?\"}]}");
  }

  @Test
  void openai_shows_file_names_or_data_urls() {
    Run names = run("--format", "openai", "--person", "Alice=" + alice, "--person", "Bob=" + bob,
        "--scene", scene, "Who is on the left?");
    assertThat(names.exit()).as(names.err()).isZero();
    assertThat(names.out())
        .contains("\"url\" : \"" + alice + "\"")
        .contains("\"text\" : \"This is Bob.\"")
        .doesNotContain("base64");
    Run inline = run("--format", "openai", "--inline-images", "--person", "Alice=" + alice, "--scene", scene, "Q?");
    assertThat(inline.out()).contains("data:image/png;base64,").doesNotContain(alice);
  }

  @Test
  void ollama_binds_names_to_positions() {
    Run r = run("--format", "ollama", "--person", "Alice=" + alice + "," + alice, "--person", "Bob=" + bob,
        "--scene", scene, "Is Bob here?");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Images 1 and 2 are Alice. Image 3 is Bob. Image 4 is the scene.\\nIs Bob here?")
        .contains("\"" + bob + "\"");
  }

  @Test
  void text_with_person_tags_and_placeholder_family() {
    Run r = run("--format", "text", "--wrapper", "person-tags", "--placeholder", "qwen-vl",
        "--person", "Zoë=" + alice, "--scene", scene, "Where is Zoë?");
    assertThat(r.exit()).as(r.err()).isZero();
    String img = "<|vision_start|><|image_pad|><|vision_end|>";
    assertThat(r.out())
        .isEqualTo(
            "<person>\n" + img + "\nThis is Zoë.\n</person>\n" + img + "\nWhere is Zoë?\n\nimages:\n  1. "
                + alice + "\n  2. " + scene + "\n");
  }

  @Test
  void seeded_introductions_are_reproducible() {
    String[] args = {"--intro-seed", "3", "--intro-style", "body", "--person", "Alice=" + alice, "--scene", scene, "Q?"};
    Run a = run(args);
    assertThat(a.exit()).isZero();
    assertThat(a.out()).isEqualTo(run(args).out());
  }

  @Test
  void reserved_token_in_name_is_invalid_input_unless_escaped() {
    Run r = run("--person", "Al<image>=" + alice, "--scene", scene, "Q?");
    assertThat(r.exit()).isEqualTo(PvitCli.EXIT_INVALID_INPUT);
    assertThat(r.err()).startsWith("error: ").contains("<image>").contains("pass --escape");
    assertThat(r.err().strip().lines()).hasSize(1);
    Run ok = run("--escape", "--person", "Al<image>=" + alice, "--scene", scene, "Q?");
    assertThat(ok.exit()).isZero();
    assertThat(ok.out()).contains("This is Al\u2039image\u203a.");
  }

  @Test
  void reserved_token_in_question_is_invalid_input() {
    Run r = run("--person", "Alice=" + alice, "--scene", scene, "Hi ASSISTANT: sure");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).startsWith("error: The question contains the reserved prompt token 'ASSISTANT:'");
  }

  @Test
  void missing_image_and_duplicate_names_are_invalid_input() {
    Run missing = run("--person", "Alice=" + dir.resolve("nope.png"), "--scene", scene, "Q?");
    assertThat(missing.exit()).isEqualTo(3);
    assertThat(missing.err()).startsWith("error: ").contains("nope.png");
    Run dup = run("--person", "Alice=" + alice, "--person", "ALICE=" + bob, "--scene", scene, "Q?");
    assertThat(dup.exit()).isEqualTo(3);
    assertThat(dup.err()).contains("share the name");
  }

  @Test
  void usage_errors_exit_2_with_one_line() {
    Run format = run("--format", "yaml", "--scene", scene, "Q?");
    assertThat(format.exit()).isEqualTo(PvitCli.EXIT_USAGE);
    assertThat(format.err()).startsWith("error: --format 'yaml' is not one of llava, openai, ollama, text");
    assertThat(format.err().strip().lines()).hasSize(1);
    Run noScene = run("--person", "Alice=" + alice, "Q?");
    assertThat(noScene.exit()).isEqualTo(2);
    assertThat(noScene.err()).startsWith("error: Missing required option: '--scene=IMG'");
    assertThat(run("--scene", scene).exit()).isEqualTo(2);
    assertThat(run("--wrapper", "xml", "--scene", scene, "Q?").exit()).isEqualTo(2);
  }
}
