package dev.pvit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandIT {
  @Test
  void demo_runs_offline_and_writes_an_annotated_image(@TempDir Path dir) throws Exception {
    CommandLine cl = PvitCli.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    int code = cl.execute("demo", "--out", dir.toString());
    String text = out.toString();
    assertThat(code).as(text).isZero();
    assertThat(text)
        .contains("A: From left to right I can see Maya (on the left), Lena (in the middle) and Sofia (on the right).")
        .contains("A: Yes, Maya is in this photo, on the left.")
        .contains("[PERSON_ABSENT,")
        .contains("[PERSON_UNKNOWN,")
        .contains("[NEEDS_VISION_MODEL,");
    Path png = dir.resolve("pvit-demo.png");
    assertThat(Files.size(png)).isPositive();
    assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1920);
  }
}
