package dev.pvit.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.image.ImageInput;
import dev.pvit.image.InvalidImageException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real engine (bundled weights, PyTorch) on the MIT demo photos. */
class FaceEngineIT {
  private static FaceEngine engine;

  @BeforeAll
  static void load() {
    engine = FaceEngine.builder().attributes(true).build();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  static byte[] demo(String name) throws IOException {
    try (InputStream in = FaceEngineIT.class.getResourceAsStream("demo/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void bad_inputs_fail_clearly_and_the_engine_still_works() throws IOException {
    byte[] good = demo("sample1.jpg");
    ImageInput truncated = ImageInput.of(Arrays.copyOf(good, good.length / 2), "truncated.jpg");
    ImageInput bomb = ImageInput.of(FaceEngineTest.pngHeader(30000, 30000), "bomb.png");
    ByteArrayOutputStream one = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", one);
    ImageInput onePixel = ImageInput.of(one.toByteArray(), "one.png");
    int expected = engine.analyze(ImageInput.of(good, "sample1.jpg")).faces().size();
    assertThat(expected).isPositive();
    for (ImageInput bad : List.of(truncated, bomb, onePixel)) {
      assertThatThrownBy(() -> engine.analyze(bad)).isInstanceOf(InvalidImageException.class).hasMessageContaining(bad.name());
      assertThat(engine.analyze(ImageInput.of(good, "sample1.jpg")).faces()).hasSize(expected);
    }
    assertThatThrownBy(() -> ImageInput.of(new byte[0], "zero.jpg")).isInstanceOf(InvalidImageException.class);
    assertThatThrownBy(() -> ImageInput.of("text".getBytes(StandardCharsets.UTF_8), "text.jpg"))
        .isInstanceOf(InvalidImageException.class);
  }

  @Test
  void concurrent_calls_give_the_same_results() throws Exception {
    ImageInput a = ImageInput.of(demo("sample1.jpg"), "sample1.jpg");
    ImageInput b = ImageInput.of(demo("sample3.jpg"), "sample3.jpg");
    FaceAnalysis ra = engine.analyze(a);
    FaceAnalysis rb = engine.analyze(b);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<FaceAnalysis>> futures = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        futures.add(pool.submit(() -> engine.analyze(a)));
        futures.add(pool.submit(() -> engine.analyze(b)));
      }
      for (int i = 0; i < futures.size(); i++) {
        FaceAnalysis r = futures.get(i).get();
        FaceAnalysis want = i % 2 == 0 ? ra : rb;
        assertThat(r.faces()).hasSameSizeAs(want.faces());
        for (int k = 0; k < r.faces().size(); k++) {
          assertThat(r.faces().get(k).box()).isEqualTo(want.faces().get(k).box());
          assertThat(r.faces().get(k).descriptor().distance(want.faces().get(k).descriptor())).isLessThan(1e-4);
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void attributes_are_plausible() throws IOException {
    for (DetectedFace f : engine.analyze(ImageInput.of(demo("sample1.jpg"), "sample1.jpg")).faces()) {
      FaceAttributes a = f.attributes().orElseThrow();
      assertThat(a.apparentAge()).isBetween(5.0, 90.0);
      assertThat(a.maleProbability()).isBetween(0.0, 1.0);
      assertThat(a.expressions().values().stream().mapToDouble(Double::doubleValue).sum()).isBetween(0.99, 1.01);
    }
  }

  @Test
  void exif_rotated_photo_is_analysed_upright() throws IOException {
    byte[] jpeg = demo("sample3.jpg");
    FaceAnalysis upright = engine.analyze(ImageInput.of(jpeg, "sample3.jpg"));
    // Store the photo rotated 90 degrees counter-clockwise with orientation 6 ("rotate 90 CW to view").
    BufferedImage src = ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
    BufferedImage rot = new BufferedImage(src.getHeight(), src.getWidth(), BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < src.getHeight(); y++) {
      for (int x = 0; x < src.getWidth(); x++) {
        rot.setRGB(y, src.getWidth() - 1 - x, src.getRGB(x, y));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(rot, "jpg", out);
    byte[] stored = withOrientation6(out.toByteArray());
    FaceAnalysis viewed = engine.analyze(ImageInput.of(stored, "rotated.jpg"));
    assertThat(viewed.width()).isEqualTo(upright.width());
    assertThat(viewed.height()).isEqualTo(upright.height());
    assertThat(viewed.faces().size()).isCloseTo(upright.faces().size(), org.assertj.core.data.Offset.offset(1));
    for (DetectedFace f : upright.faces().stream().filter(f -> f.score() > 0.7).toList()) {
      assertThat(viewed.faces()).anySatisfy(g -> assertThat(g.box().iou(f.box())).isGreaterThan(0.8));
    }
  }

  private static byte[] withOrientation6(byte[] jpeg) {
    ByteBuffer tiff = ByteBuffer.allocate(26);
    tiff.put(new byte[] {'M', 'M'}).putShort((short) 42).putInt(8).putShort((short) 1)
        .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0).putInt(0);
    int len = 2 + 6 + 26;
    return ByteBuffer.allocate(jpeg.length + 2 + len).put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1)
        .putShort((short) len).put(new byte[] {'E', 'x', 'i', 'f', 0, 0}).put(tiff.array())
        .put(jpeg, 2, jpeg.length - 2).array();
  }
}
