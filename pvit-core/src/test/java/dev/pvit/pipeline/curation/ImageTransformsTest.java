package dev.pvit.pipeline.curation;

import static dev.pvit.pipeline.curation.TestImages.pixels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageTransformsTest {
  private final BufferedImage noise = TestImages.noise(37, 23, 1);

  @Test
  void flipping_twice_is_the_identity_and_flipping_once_mirrors() {
    BufferedImage once = ImageTransforms.flipHorizontal(noise);
    assertThat(once.getRGB(0, 5)).isEqualTo(noise.getRGB(36, 5));
    assertThat(pixels(once)).isNotEqualTo(pixels(noise));
    assertThat(pixels(ImageTransforms.flipHorizontal(once))).isEqualTo(pixels(noise));
  }

  @Test
  void transforms_do_not_modify_their_input() {
    int[] before = pixels(noise);
    ImageTransforms.flipHorizontal(noise);
    ImageTransforms.rotate(noise, 7);
    ImageTransforms.blur(noise, 2);
    ImageTransforms.adjustColour(noise, 0.2, 1.3, 0.5);
    Augmentation.defaults().apply(noise, new Random(3));
    assertThat(pixels(noise)).isEqualTo(before);
  }

  @Test
  void rotation_keeps_the_size_and_zero_degrees_is_the_identity() {
    assertThat(pixels(ImageTransforms.rotate(noise, 0))).isEqualTo(pixels(noise));
    BufferedImage r = ImageTransforms.rotate(noise, 9);
    assertThat(r.getWidth()).isEqualTo(37);
    assertThat(r.getHeight()).isEqualTo(23);
    assertThat(pixels(r)).isNotEqualTo(pixels(noise));
  }

  @Test
  void rotating_a_flat_image_keeps_its_centre_colour() {
    BufferedImage flat = TestImages.flat(40, 40, 0x336699);
    assertThat(ImageTransforms.rotate(flat, 10).getRGB(20, 20) & 0xffffff).isEqualTo(0x336699);
  }

  @Test
  void scaling_changes_the_size_by_the_factor() {
    BufferedImage s = ImageTransforms.scale(noise, 2);
    assertThat(s.getWidth()).isEqualTo(74);
    assertThat(s.getHeight()).isEqualTo(46);
    BufferedImage tiny = ImageTransforms.scale(noise, 0.001);
    assertThat(tiny.getWidth()).isEqualTo(1);
    assertThat(tiny.getHeight()).isEqualTo(1);
    assertThatThrownBy(() -> ImageTransforms.scale(noise, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void crop_jitter_stays_within_bounds_and_is_deterministic() {
    BufferedImage big = TestImages.noise(100, 80, 2);
    for (int seed = 0; seed < 50; seed++) {
      BufferedImage c = ImageTransforms.cropJitter(big, 0.2, new Random(seed));
      assertThat(c.getWidth()).isBetween(80, 100);
      assertThat(c.getHeight()).isBetween(64, 80);
      assertThat(pixels(ImageTransforms.cropJitter(big, 0.2, new Random(seed)))).isEqualTo(pixels(c));
    }
    assertThat(pixels(ImageTransforms.cropJitter(big, 0, new Random(1)))).isEqualTo(pixels(big));
  }

  @Test
  void neutral_colour_adjustment_is_the_identity_and_zero_saturation_is_grey() {
    assertThat(pixels(ImageTransforms.adjustColour(noise, 0, 1, 1))).isEqualTo(pixels(noise));
    BufferedImage grey = ImageTransforms.adjustColour(noise, 0, 1, 0);
    for (int p : pixels(grey)) {
      int r = (p >> 16) & 0xff;
      int g = (p >> 8) & 0xff;
      int b = p & 0xff;
      assertThat(Math.abs(r - g)).isLessThanOrEqualTo(1);
      assertThat(Math.abs(g - b)).isLessThanOrEqualTo(1);
    }
    BufferedImage bright = ImageTransforms.adjustColour(TestImages.flat(4, 4, 0x404040), 0.25, 1, 1);
    assertThat(bright.getRGB(0, 0) & 0xff).isEqualTo(0x40 + 64);
  }

  @Test
  void blur_keeps_flat_images_and_lowers_sharpness() {
    BufferedImage flat = TestImages.flat(10, 10, 0x123456);
    assertThat(pixels(ImageTransforms.blur(flat, 3))).isEqualTo(pixels(flat));
    BufferedImage board = TestImages.checkerboard(64, 64, 2);
    assertThat(QualityFilter.sharpness(ImageTransforms.blur(board, 2)))
        .isLessThan(QualityFilter.sharpness(board) / 10);
    assertThat(pixels(ImageTransforms.blur(noise, 0))).isEqualTo(pixels(noise));
  }

  @Test
  void jpeg_recompression_keeps_the_size_and_approximates_the_colours() {
    BufferedImage smooth = TestImages.flat(32, 24, 0x80a0c0);
    BufferedImage j = ImageTransforms.jpegRecompress(smooth, 0.5);
    assertThat(j.getWidth()).isEqualTo(32);
    assertThat(j.getHeight()).isEqualTo(24);
    int p = j.getRGB(10, 10);
    assertThat((p >> 16) & 0xff).isBetween(0x80 - 6, 0x80 + 6);
    assertThat(pixels(ImageTransforms.jpegRecompress(noise, 0.3))).isNotEqualTo(pixels(noise));
  }

  @Test
  void augmentation_is_deterministic_per_seed() {
    Augmentation aug = Augmentation.defaults();
    BufferedImage a = aug.apply(noise, new Random(42));
    BufferedImage b = aug.apply(noise, new Random(42));
    BufferedImage c = aug.apply(noise, new Random(43));
    assertThat(pixels(a)).isEqualTo(pixels(b));
    assertThat(a.getWidth() == c.getWidth() && java.util.Arrays.equals(pixels(a), pixels(c))).isFalse();
  }

  @Test
  void augmentation_with_zero_strengths_is_the_identity() {
    Augmentation none = Augmentation.builder().flipProbability(0).maxRotation(0).maxScaleChange(0)
        .maxCropJitter(0).maxBrightness(0).maxContrastChange(0).maxSaturationChange(0).blurProbability(0)
        .minJpegQuality(1).build();
    assertThat(pixels(none.apply(noise, new Random(5)))).isEqualTo(pixels(noise));
  }

  @Test
  void augmentation_rejects_out_of_range_settings() {
    assertThatThrownBy(() -> Augmentation.builder().maxRotation(90).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRotation");
  }
}
