package dev.pvit.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineExampleTest {
  @TempDir Path tmp;

  @Test
  void example_writes_two_variants_per_photo_and_resumes() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("photos"));
    for (int i = 0; i < 3; i++) {
      BufferedImage img = new BufferedImage(40 + i, 30, BufferedImage.TYPE_INT_RGB);
      img.setRGB(5, 5, 0xff0000);
      ImageIO.write(img, "png", in.resolve("p" + i + ".png").toFile());
    }
    Files.write(in.resolve("bad.jpg"), new byte[] {1, 2, 3});
    Path out = tmp.resolve("out");

    PipelineExample.main(new String[] {in.toString(), out.toString()});
    List<String> lines = Files.readAllLines(out.resolve("variants.jsonl"));
    assertThat(lines).hasSize(6);
    assertThat(out.resolve("variants/p0.png_1.jpg")).isRegularFile();
    assertThat(Files.readAllLines(out.resolve("rejects.jsonl"))).singleElement().asString().contains("bad.jpg");

    PipelineExample.main(new String[] {in.toString(), out.toString()});
    assertThat(Files.readAllLines(out.resolve("variants.jsonl"))).isEqualTo(lines);

    Path again = tmp.resolve("again");
    PipelineExample.main(new String[] {in.toString(), again.toString()});
    assertThat(Files.readAllLines(again.resolve("variants.jsonl"))).isEqualTo(lines);
    assertThat(Files.readAllBytes(again.resolve("variants/p2.png_0.jpg")))
        .isEqualTo(Files.readAllBytes(out.resolve("variants/p2.png_0.jpg")));
  }
}
