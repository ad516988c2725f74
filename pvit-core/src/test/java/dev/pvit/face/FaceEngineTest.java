package dev.pvit.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.image.ImageInput;
import dev.pvit.image.InvalidImageException;
import dev.pvit.person.Person;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The engine's wiring and error handling, with fake nets (no PyTorch). */
class FaceEngineTest {
  static ImageInput photo(String name, Color colour, int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, w, h);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "jpg", out);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return ImageInput.of(out.toByteArray(), name);
  }

  static byte[] pngHeader(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
        .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    return ByteBuffer.allocate(33).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
        .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
  }

  static FaceEngine engine(FaceEngine.Builder b) {
    return FaceEngine.create(b, new FakeNets());
  }

  @Test
  void analyze_returns_boxes_landmarks_descriptors_in_original_pixels() {
    try (FaceEngine engine = engine(FaceEngine.builder().detectorSize(416))) {
      FaceAnalysis a = engine.analyze(photo("white.jpg", Color.WHITE, 640, 480));
      assertThat(a.width()).isEqualTo(640);
      assertThat(a.height()).isEqualTo(480);
      assertThat(a.faces()).hasSize(1);
      DetectedFace f = a.faces().get(0);
      // Middle cell of 13, anchor 1; image padded bottom: x scales by 640, y by 640 as well.
      assertThat(f.box().centerX()).isCloseTo(6.5 / 13 * 640, org.assertj.core.data.Offset.offset(1e-6));
      assertThat(f.box().centerY()).isCloseTo(6.5 / 13 * 640, org.assertj.core.data.Offset.offset(1e-6));
      assertThat(f.landmarks()).hasSize(68);
      assertThat(f.attributes()).isEmpty();
      assertThat(f.descriptor().get(0)).isGreaterThan(0.4f);
    }
  }

  @Test
  void attributes_are_reported_when_enabled() {
    try (FaceEngine engine = engine(FaceEngine.builder().attributes(true))) {
      FaceAttributes a = engine.analyze(photo("white.jpg", Color.WHITE, 300, 300)).faces().get(0).attributes().orElseThrow();
      assertThat(a.apparentAge()).isEqualTo(31.5);
      assertThat(a.maleProbability()).isEqualTo(0.25);
      assertThat(a.dominantExpression()).isEqualTo(Expression.HAPPY);
      assertThat(a.expressions()).hasSize(7);
    }
  }

  @Test
  void bad_inputs_are_typed_errors_and_the_engine_keeps_working() throws IOException {
    try (FaceEngine engine = engine(FaceEngine.builder())) {
      ImageInput good = photo("good.jpg", Color.WHITE, 200, 200);
      byte[] goodBytes = good.bytes();
      ImageInput truncated = ImageInput.of(Arrays.copyOf(goodBytes, goodBytes.length / 3), "truncated.jpg");
      ImageInput bomb = ImageInput.of(pngHeader(30000, 30000), "bomb.png");
      BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(one, "png", out);
      ImageInput tiny = ImageInput.of(out.toByteArray(), "one-pixel.png");
      for (ImageInput bad : List.of(truncated, bomb, tiny)) {
        assertThatThrownBy(() -> engine.analyze(bad))
            .isInstanceOf(InvalidImageException.class)
            .hasMessageContaining(bad.name());
        assertThat(engine.analyze(good).faces()).hasSize(1);
      }
      assertThatThrownBy(() -> ImageInput.of(new byte[0], "zero.jpg")).isInstanceOf(InvalidImageException.class);
      assertThatThrownBy(() -> ImageInput.of("just text".getBytes(StandardCharsets.UTF_8), "text.jpg"))
          .isInstanceOf(InvalidImageException.class).hasMessageContaining("text.jpg");
    }
  }

  @Test
  void max_pixels_is_configurable() {
    try (FaceEngine engine = engine(FaceEngine.builder().maxPixels(100 * 100))) {
      assertThatThrownBy(() -> engine.analyze(photo("big.jpg", Color.WHITE, 101, 100)))
          .isInstanceOf(InvalidImageException.class).hasMessageContaining("big.jpg");
      assertThat(engine.analyze(photo("ok.jpg", Color.WHITE, 100, 100)).faces()).hasSize(1);
    }
  }

  @Test
  void builder_checks_ranges() {
    assertThatThrownBy(() -> FaceEngine.builder().detectorSize(600).check())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 32");
    assertThatThrownBy(() -> FaceEngine.builder().scoreThreshold(1).check()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaceEngine.builder().nmsIou(0).check()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaceEngine.builder().maxPixels(0).check()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closed_engine_refuses_work_and_closes_the_nets_once() {
    FakeNets nets = new FakeNets();
    FaceEngine engine = FaceEngine.create(FaceEngine.builder(), nets);
    engine.close();
    engine.close();
    assertThat(nets.closed).isTrue();
    assertThatThrownBy(() -> engine.analyze(photo("a.jpg", Color.WHITE, 100, 100)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void enroll_and_recognize_through_the_gallery() {
    try (FaceEngine engine = engine(FaceEngine.builder())) {
      FaceGallery gallery = FaceGallery.builder().engine(engine).build();
      gallery.enroll(Person.of("Snow", photo("snow1.jpg", Color.WHITE, 200, 200), photo("snow2.jpg", Color.WHITE, 300, 200)));
      assertThat(gallery.descriptors("snow")).hasSize(2);
      SceneRecognition r = engine.recognize(photo("scene.jpg", Color.WHITE, 400, 300), gallery);
      assertThat(r.recognizedPeople()).containsExactly("Snow");
      assertThat(r.find("SNOW")).isPresent();
      assertThat(r.faces().get(0).distance()).isLessThan(0.6);
      assertThat(r.faces().get(0).candidates()).extracting(FaceMatch.Candidate::name).containsExactly("Snow");
    }
  }

  @Test
  void enrollment_is_all_or_nothing_and_lists_every_failing_photo() {
    try (FaceEngine engine = engine(FaceEngine.builder())) {
      FaceGallery gallery = FaceGallery.builder().engine(engine).build();
      ImageInput dark = photo("dark.jpg", Color.BLACK, 200, 200);
      ImageInput tinyPng = ImageInput.of(pngHeader(30000, 30000), "bomb.png");
      assertThatThrownBy(() -> gallery.enroll(Person.of("Snow", photo("ok.jpg", Color.WHITE, 200, 200), dark, tinyPng)))
          .isInstanceOfSatisfying(EnrollmentException.class, e -> {
            assertThat(e.person()).isEqualTo("Snow");
            assertThat(e.failures()).extracting(EnrollmentException.PhotoFailure::image).containsExactly("dark.jpg", "bomb.png");
            assertThat(e.failures().get(0).reason()).contains("no face");
            assertThat(e.getMessage()).contains("dark.jpg").contains("bomb.png").contains("nothing was enrolled");
          });
      assertThat(gallery.size()).isZero();
    }
  }
}
