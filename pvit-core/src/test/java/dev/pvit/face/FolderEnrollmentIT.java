package dev.pvit.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lenient folder enrollment and the whole-photo fallback for tight face crops, with the real nets
 * on the face-api demo photos (MIT): unusable photos (blank, greyscale noise, a photo of somebody
 * else taken whole) are skipped and named, usable ones enrolled.
 */
class FolderEnrollmentIT {
  private static FaceEngine engine;
  private static BufferedImage sample1;
  @TempDir Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    engine = FaceEngine.builder().build();
    try (InputStream in = FolderEnrollmentIT.class.getResourceAsStream("demo/sample1.jpg")) {
      sample1 = ImageIO.read(in);
    }
  }

  @AfterAll
  static void tearDown() {
    engine.close();
  }

  /** A greyscale crop of a box scaled by {@code zoom} around its centre, resized to 150x150. */
  private static BufferedImage crop(BufferedImage src, Box b, double zoom) {
    double side = Math.max(b.width(), b.height()) * zoom;
    int x = (int) Math.max(0, b.centerX() - side / 2);
    int y = (int) Math.max(0, b.centerY() - side / 2);
    int s = (int) Math.min(side, Math.min(src.getWidth() - x, src.getHeight() - y));
    BufferedImage out = new BufferedImage(150, 150, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    g.drawImage(src.getSubimage(x, y, s, s), 0, 0, 150, 150, null);
    g.dispose();
    return out;
  }

  private static Path write(BufferedImage img, Path file) throws Exception {
    Files.createDirectories(file.getParent());
    ImageIO.write(img, "png", file.toFile());
    return file;
  }

  private static BufferedImage blank() {
    BufferedImage img = new BufferedImage(150, 150, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setColor(java.awt.Color.GRAY);
    g.fillRect(0, 0, 150, 150);
    g.dispose();
    return img;
  }

  private static BufferedImage noise() {
    BufferedImage img = new BufferedImage(150, 150, BufferedImage.TYPE_BYTE_GRAY);
    Random r = new Random(1);
    for (int y = 0; y < 150; y++) {
      for (int x = 0; x < 150; x++) {
        int v = r.nextInt(256);
        img.setRGB(x, y, (v << 16) | (v << 8) | v);
      }
    }
    return img;
  }

  @Test
  void a_folder_with_unusable_photos_enrolls_everybody_it_can_and_names_the_rest() throws Exception {
    FaceAnalysis faces = engine.analyze(ImageInput.of(
        sampleFile()));
    Box a = faces.faces().get(0).box();
    Box b = faces.faces().get(1).box();
    Path people = dir.resolve("people");
    write(crop(sample1, a, 2.0), people.resolve("Ana/ana1.png"));
    write(crop(sample1, a, 1.6), people.resolve("Ana/ana2.png"));
    Path blank = write(blank(), people.resolve("Ana/blank.png"));
    Path noise = write(noise(), people.resolve("Ana/noise.png"));
    Files.writeString(people.resolve("Ana/notes.txt"), "not a photo");
    write(crop(sample1, b, 2.0), people.resolve("Bea/bea1.png"));
    write(blank(), people.resolve("Nobody/blank.png"));

    FaceGallery gallery = FaceGallery.builder().engine(engine).build();
    FolderEnrollment r = gallery.enrollFolder(people);

    assertThat(r.enrolled()).containsOnlyKeys("Ana", "Bea");
    assertThat(r.enrolled().get("Ana")).hasSize(2);
    assertThat(r.skippedPhotos()).extracting(FolderEnrollment.SkippedPhoto::photo)
        .contains(blank.toString(), noise.toString(), people.resolve("Ana/notes.txt").toString());
    assertThat(r.leftOut()).extracting(FolderEnrollment.LeftOut::person).containsExactly("Nobody");
    assertThat(r.summary()).contains("blank.png").contains("noise.png").contains("Nobody");
    assertThat(gallery.names()).containsExactly("Ana", "Bea");
    // The strict call still refuses the same photos, all or nothing.
    assertThatThrownBy(() -> gallery.enroll(Person.of("Ana", people.resolve("Ana/ana1.png"), blank)))
        .isInstanceOf(EnrollmentException.class).hasMessageContaining("blank.png");
  }

  /** Crops cutting into the face (chin and forehead off) defeat the detector at every size. */
  @Test
  void a_tight_face_crop_is_taken_whole_when_the_detector_misses_it() throws Exception {
    java.util.List<DetectedFace> scene = engine.analyze(ImageInput.of(sampleFile())).faces();
    int taken = 0;
    for (int i = 0; i < scene.size(); i++) {
      Path p = write(crop(sample1, scene.get(i).box(), 0.55), dir.resolve("tight/" + i + ".png"));
      FaceEngine.ReferenceFaces r = engine.referenceFacesOrCrop(ImageInput.of(p));
      if (r.wholePhoto()) {
        taken++;
        DetectedFace whole = r.faces().get(0);
        assertThat(whole.box()).isEqualTo(new Box(0, 0, 150, 150));
        // About the same face as in the scene (the demo photos' young women sit close together in
        // descriptor space, which is why enrollment also checks a crop against the person's other photos).
        assertThat(whole.descriptor().distance(scene.get(i).descriptor())).isLessThan(0.65);
      }
    }
    assertThat(taken).as("tight crops taken whole").isPositive();
    FaceEngine.ReferenceFaces none = engine.referenceFacesOrCrop(ImageInput.of(write(noise(), dir.resolve("n.png"))));
    assertThat(none.faces()).isEmpty();
    assertThat(none.whyNot()).isNotBlank();
  }

  private Path sampleFile() throws Exception {
    Path p = dir.resolve("sample1.jpg");
    if (!Files.exists(p)) {
      try (InputStream in = FolderEnrollmentIT.class.getResourceAsStream("demo/sample1.jpg")) {
        Files.copy(in, p);
      }
    }
    return p;
  }
}
