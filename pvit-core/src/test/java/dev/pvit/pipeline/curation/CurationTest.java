package dev.pvit.pipeline.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CurationTest {

  @Test
  void pvit_crop_adds_the_published_margins() {
    Box crop = FaceCrops.pvitCrop(new Box(100, 100, 50, 60), 640, 480);
    assertThat(crop).isEqualTo(Box.fromEdges(85, 80, 165, 170));
  }

  @Test
  void pvit_crop_is_clipped_to_the_image() {
    assertThat(FaceCrops.pvitCrop(new Box(5, 8, 40, 40), 50, 45)).isEqualTo(Box.fromEdges(0, 0, 50, 45));
    assertThat(FaceCrops.pvitCrop(new Box(500, 500, 10, 10), 100, 100).isEmpty()).isTrue();
  }

  @Property
  void pvit_crop_contains_the_visible_face_and_stays_inside_the_image(
      @ForAll @IntRange(min = -50, max = 300) int x, @ForAll @IntRange(min = -50, max = 300) int y,
      @ForAll @IntRange(min = 1, max = 120) int w, @ForAll @IntRange(min = 1, max = 120) int h,
      @ForAll @IntRange(min = 1, max = 320) int imageW, @ForAll @IntRange(min = 1, max = 320) int imageH) {
    Box face = new Box(x, y, w, h);
    Box crop = FaceCrops.pvitCrop(face, imageW, imageH);
    Box visible = face.clip(imageW, imageH);
    assertThat(crop.x()).isGreaterThanOrEqualTo(0);
    assertThat(crop.y()).isGreaterThanOrEqualTo(0);
    assertThat(crop.right()).isLessThanOrEqualTo(imageW);
    assertThat(crop.bottom()).isLessThanOrEqualTo(imageH);
    if (!visible.isEmpty()) {
      assertThat(crop.x()).isLessThanOrEqualTo(visible.x());
      assertThat(crop.y()).isLessThanOrEqualTo(visible.y());
      assertThat(crop.right()).isGreaterThanOrEqualTo(visible.right());
      assertThat(crop.bottom()).isGreaterThanOrEqualTo(visible.bottom());
    }
  }

  @Test
  void crop_copies_the_region() {
    BufferedImage img = TestImages.noise(30, 20, 7);
    BufferedImage c = FaceCrops.crop(img, new Box(5, 4, 10, 6));
    assertThat(c.getWidth()).isEqualTo(10);
    assertThat(c.getHeight()).isEqualTo(6);
    assertThat(c.getRGB(0, 0)).isEqualTo(img.getRGB(5, 4));
    assertThat(c.getRGB(9, 5)).isEqualTo(img.getRGB(14, 9));
    c.setRGB(0, 0, 0);
    assertThat(img.getRGB(5, 4)).isNotEqualTo(0xff000000).isEqualTo(img.getRGB(5, 4));
    assertThatThrownBy(() -> FaceCrops.crop(img, new Box(40, 40, 5, 5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
  }

  @Test
  void box_iou_and_edges() {
    Box a = new Box(0, 0, 10, 10);
    assertThat(a.iou(a)).isEqualTo(1.0);
    assertThat(a.iou(new Box(5, 0, 10, 10))).isCloseTo(50.0 / 150, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(a.iou(new Box(20, 20, 5, 5))).isZero();
    assertThatThrownBy(() -> new Box(0, 0, -1, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sharpness_separates_crisp_flat_and_blurred_images() {
    BufferedImage board = TestImages.checkerboard(60, 60, 3);
    assertThat(QualityFilter.sharpness(TestImages.flat(60, 60, 0x777777))).isZero();
    assertThat(QualityFilter.sharpness(board)).isGreaterThan(1000);
    assertThat(QualityFilter.sharpness(ImageTransforms.blur(board, 3))).isLessThan(QualityFilter.sharpness(board) / 20);
    assertThat(QualityFilter.sharpness(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB))).isZero();
  }

  @Test
  void quality_filter_names_the_failed_check() {
    QualityFilter f = QualityFilter.defaults();
    BufferedImage crisp = TestImages.checkerboard(80, 80, 4);
    BufferedImage blurred = ImageTransforms.blur(crisp, 4);
    Detection good = new Detection(new Box(0, 0, 64, 70), 0.99);
    assertThat(f.rejection(good, crisp)).isEmpty();
    assertThat(f.rejection(new Detection(new Box(0, 0, 30, 70), 0.99), crisp)).get().asString()
        .contains("smaller than 40 px");
    assertThat(f.rejection(new Detection(new Box(0, 0, 64, 70), 0.5), crisp)).get().asString()
        .contains("score 0.500 is below 0.600");
    assertThat(f.rejection(good, blurred)).get().asString().contains("blurred");
    assertThat(QualityFilter.builder().minSharpness(0).build().rejection(good, blurred)).isEmpty();
  }

  @Test
  void default_person_detector_derives_documented_body_boxes() {
    BufferedImage scene = new BufferedImage(1000, 1000, BufferedImage.TYPE_INT_RGB);
    Detection face = new Detection(new Box(400, 100, 40, 50), 0.93);
    List<Detection> people = PersonDetector.fromFaces().detect(scene, List.of(face));
    assertThat(people).containsExactly(new Detection(Box.fromEdges(360, 75, 480, 425), 0.93));
  }

  @Test
  void default_person_detector_clips_to_the_image_and_keeps_order() {
    BufferedImage scene = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
    List<Detection> faces = List.of(new Detection(new Box(10, 20, 30, 30), 0.9),
        new Detection(new Box(150, 10, 30, 30), 0.8));
    List<Detection> people = PersonDetector.fromFaces().detect(scene, faces);
    assertThat(people).hasSize(2);
    assertThat(people.get(0).box()).isEqualTo(Box.fromEdges(0, 5, 70, 150));
    assertThat(people.get(1).box()).isEqualTo(Box.fromEdges(120, 0, 200, 150));
  }

  @Test
  void no_image_generator_generates_nothing() {
    ImageGenerator none = ImageGenerator.none();
    assertThat(none.isConfigured()).isFalse();
    assertThat(none.generate(TestImages.flat(4, 4, 0), 3, 1L)).isEmpty();
    ImageGenerator echo = (face, count, seed) -> List.of(face);
    assertThat(echo.isConfigured()).isTrue();
  }
}
