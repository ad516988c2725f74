package dev.pvit.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.image.ImageFormat;
import dev.pvit.image.ImageInput;
import dev.pvit.image.InvalidImageException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Print and web formats give the same faces as an RGB PNG of the same picture: CMYK and YCCK JPEGs
 * (Adobe convention, generated here from a demo photo), lossless and lossy WebP (fixtures made with
 * libwebp's cwebp from demo/sample1.jpg scaled to 640 px, see NOTICE). EXIF orientation in WebP and
 * PNG is checked pixel by pixel in {@code ImageDecoderTest}.
 */
class ImageFormatsIT {
  /** Largest allowed shift of a box edge between two encodings of the same picture, in pixels. */
  private static final double EDGE_TOLERANCE = 4;
  private static FaceEngine engine;

  @BeforeAll
  static void load() {
    engine = FaceEngine.builder().build();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void webp_is_decodable_with_the_installed_readers() {
    assertThat(ImageFormat.WEBP.decodable()).isTrue();
    assertThat(ImageFormat.JPEG.decodable()).isTrue();
  }

  @Test
  void cmyk_and_ycck_jpegs_give_the_faces_of_the_rgb_picture() throws IOException {
    BufferedImage rgb = ImageIO.read(new ByteArrayInputStream(FaceEngineIT.demo("sample1.jpg")));
    FaceAnalysis reference = engine.analyze(ImageInput.of(png(rgb), "sample1.png"));
    assertThat(reference.faces()).hasSizeGreaterThanOrEqualTo(2);
    for (int transform : new int[] {0, 2}) {
      String name = transform == 0 ? "print-cmyk.jpg" : "print-ycck.jpg";
      FaceAnalysis print = engine.analyze(ImageInput.of(adobeJpeg(rgb, transform), name));
      assertSameFaces(print, reference, name);
    }
  }

  @Test
  void lossless_and_lossy_webp_give_the_faces_of_the_png() throws IOException {
    byte[] lossless = fixture("sample1-640-lossless.webp");
    BufferedImage pixels = ImageIO.read(new ByteArrayInputStream(lossless));
    FaceAnalysis reference = engine.analyze(ImageInput.of(png(pixels), "sample1-640.png"));
    assertThat(reference.faces()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(ImageInput.of(lossless, "x.webp").format()).isEqualTo(ImageFormat.WEBP);
    assertSameFaces(engine.analyze(ImageInput.of(lossless, "lossless.webp")), reference, "lossless.webp");
    assertSameFaces(engine.analyze(ImageInput.of(fixture("sample1-640-lossy.webp"), "lossy.webp")), reference, "lossy.webp");
  }

  @Test
  void truncated_webp_fails_clearly_and_the_engine_still_works() throws IOException {
    byte[] webp = fixture("sample1-640-lossy.webp");
    ImageInput truncated = ImageInput.of(Arrays.copyOf(webp, webp.length / 2), "truncated.webp");
    assertThatThrownBy(() -> engine.analyze(truncated))
        .isInstanceOf(InvalidImageException.class).hasMessageContaining("truncated.webp");
    assertThat(engine.analyze(ImageInput.of(webp, "lossy.webp")).faces()).hasSizeGreaterThanOrEqualTo(2);
  }

  private static void assertSameFaces(FaceAnalysis actual, FaceAnalysis expected, String name) {
    assertThat(actual.width()).as(name).isEqualTo(expected.width());
    assertThat(actual.height()).as(name).isEqualTo(expected.height());
    List<DetectedFace> confident = expected.faces().stream().filter(f -> f.score() > 0.6).toList();
    assertThat(confident).as(name).isNotEmpty();
    for (DetectedFace f : confident) {
      assertThat(actual.faces()).as(name + ": a face at " + f.box())
          .anySatisfy(g -> assertThat(maxEdgeShift(g.box(), f.box())).isLessThanOrEqualTo(EDGE_TOLERANCE));
    }
  }

  private static double maxEdgeShift(Box a, Box b) {
    return Math.max(
        Math.max(Math.abs(a.x() - b.x()), Math.abs(a.y() - b.y())),
        Math.max(Math.abs(a.x() + a.width() - b.x() - b.width()), Math.abs(a.y() + a.height() - b.y() - b.height())));
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = ImageFormatsIT.class.getResourceAsStream("/dev/pvit/image/" + name)) {
      return in.readAllBytes();
    }
  }

  private static byte[] png(BufferedImage img) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(img, "png", out)).isTrue();
    return out.toByteArray();
  }

  /**
   * An Adobe-style 4-channel JPEG of an RGB picture, with inks C=255-R, M=255-G, Y=255-B and no
   * black. Adobe stores CMYK inverted, so transform 0 (CMYK) stores R, G, B and 255; transform 2
   * (YCCK) stores the inks as YCbCr and K as 255.
   */
  static byte[] adobeJpeg(BufferedImage rgb, int transform) throws IOException {
    int w = rgb.getWidth();
    int h = rgb.getHeight();
    WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
    int[] px = new int[4];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = rgb.getRGB(x, y);
        int r = (p >> 16) & 0xff;
        int g = (p >> 8) & 0xff;
        int b = p & 0xff;
        if (transform == 2) {
          // libjpeg's YCCK: the YCbCr triple decodes to (255 - stored C, M, Y), i.e. to the inks.
          r = 255 - r;
          g = 255 - g;
          b = 255 - b;
          px[0] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
          px[1] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
          px[2] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
        } else {
          px[0] = r;
          px[1] = g;
          px[2] = b;
        }
        px[3] = 255;
        raster.setPixel(x, y, px);
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      writer.write(null, new IIOImage(raster, null, null), null);
    } finally {
      writer.dispose();
    }
    // The JDK writes the four components as given and no Adobe segment: add one after SOI.
    byte[] jpeg = out.toByteArray();
    byte[] app14 = ByteBuffer.allocate(16).put((byte) 0xFF).put((byte) 0xEE).putShort((short) 14)
        .put("Adobe".getBytes(StandardCharsets.US_ASCII)).putShort((short) 100).putShort((short) 0)
        .putShort((short) 0).put((byte) transform).array();
    return ByteBuffer.allocate(jpeg.length + app14.length).put(jpeg, 0, 2).put(app14)
        .put(jpeg, 2, jpeg.length - 2).array();
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
