package dev.pvit.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's QuickStart, run as printed on the bundled sample crops. */
class QuickStartIT {
  @Test
  void the_quick_start_answers_on_the_bundled_samples() {
    Path samples = Path.of("..", "samples");
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      QuickStart.main(new String[] {
        samples.resolve("people/Maya/maya.jpg").toString(),
        samples.resolve("people/Lena/lena.jpg").toString(),
        samples.resolve("group.jpg").toString()});
    } finally {
      System.setOut(original);
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("ANSWERED: Yes, Alice is in this photo, on the left.")
        .contains("Alice is on the left.");
  }
}
