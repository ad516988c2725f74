package dev.pvit.image.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.twelvemonkeys.imageio.color.ColorProfiles;
import com.twelvemonkeys.imageio.color.ColorSpaces;
import com.twelvemonkeys.imageio.color.YCbCrConverter;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The plain-JPEG fast path gives exactly the pixels of the TwelveMonkeys reader it replaces, on real
 * photos, and the two facts its HP-profile case rests on hold for every input on this JVM.
 */
class PlainJpegTest {
  private static final String DEMO = "/dev/pvit/face/demo/sample";

  /** The usual path: the first registered reader (TwelveMonkeys) and the copy to RGB. */
  static RgbImage twelveMonkeys(byte[] jpeg) throws IOException {
    try (ImageInputStream iis = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
      ImageReader reader = ImageIO.getImageReaders(iis).next();
      assertThat(reader.getClass().getName()).startsWith("com.twelvemonkeys.");
      try {
        reader.setInput(iis, true, true);
        return ImageDecoder.toRgb(reader.read(0), "x");
      } finally {
        reader.dispose();
      }
    }
  }

  static byte[] resource(String path) throws IOException {
    try (InputStream in = PlainJpegTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return in.readAllBytes();
    }
  }

  static void assertSamePixels(byte[] jpeg, String name) throws IOException {
    RgbImage fast = PlainJpeg.decode(jpeg, Long.MAX_VALUE);
    assertThat(fast).as("%s takes the fast path", name).isNotNull();
    RgbImage usual = twelveMonkeys(jpeg);
    assertThat(fast.width()).isEqualTo(usual.width());
    assertThat(fast.height()).isEqualTo(usual.height());
    assertThat(Arrays.equals(fast.rgb(), usual.rgb())).as("%s decodes to the same bytes", name).isTrue();
  }

  @Test
  void demo_photos_with_and_without_the_hp_srgb_profile_decode_to_the_same_pixels() throws IOException {
    for (int i = 1; i <= 6; i++) {
      assertSamePixels(resource(DEMO + i + ".jpg"), "sample" + i);
    }
  }

  @Test
  void every_plain_dev_photo_decodes_to_the_same_pixels() throws IOException {
    String shared = System.getProperty("shared.dir");
    assumeTrue(shared != null, "shared.dir not set");
    Path faces = Path.of(shared, "data", "faces");
    assumeTrue(Files.isDirectory(faces), "no labelled face set at " + faces);
    List<Path> photos;
    try (Stream<Path> s = Files.walk(faces)) {
      photos = s.filter(p -> p.toString().toLowerCase().endsWith(".jpg")).sorted().toList();
    }
    int plain = 0;
    for (Path p : photos) {
      byte[] jpeg = Files.readAllBytes(p);
      if (PlainJpeg.plain(jpeg) != null) {
        assertSamePixels(jpeg, p.toString());
        plain++;
      }
    }
    // The colour dev photos are plain; the 150 px reference crops of some people are greyscale.
    assertThat(plain).isGreaterThan(photos.size() / 2);
  }

  @Test
  void baseline_and_progressive_jpegs_written_by_the_jdk_decode_to_the_same_pixels() throws IOException {
    BufferedImage img = new BufferedImage(67, 41, BufferedImage.TYPE_3BYTE_BGR);
    java.util.Random rnd = new java.util.Random(7);
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        img.setRGB(x, y, rnd.nextInt());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(img, "jpg", out)).isTrue();
    assertSamePixels(out.toByteArray(), "baseline");

    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream progressive = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(progressive)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      writer.write(null, new IIOImage(img, null, null), param);
    } finally {
      writer.dispose();
    }
    assertSamePixels(progressive.toByteArray(), "progressive");
  }

  @Test
  void grey_cmyk_adobe_and_other_profiles_take_the_usual_path() throws IOException {
    BufferedImage grey = new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_GRAY);
    ByteArrayOutputStream greyOut = new ByteArrayOutputStream();
    ImageIO.write(grey, "jpg", greyOut);
    assertThat(PlainJpeg.decode(greyOut.toByteArray(), Long.MAX_VALUE)).isNull();

    WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 32, 32, 4, null);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream cmykOut = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(cmykOut)) {
      writer.setOutput(ios);
      writer.write(null, new IIOImage(cmyk, null, null), null);
    } finally {
      writer.dispose();
    }
    assertThat(PlainJpeg.decode(cmykOut.toByteArray(), Long.MAX_VALUE)).isNull();

    byte[] sample = resource(DEMO + "6.jpg");
    assertThat(PlainJpeg.decode(withSegment(sample, 0xEE, "Adobe\0\144\0\0\0\0\1".getBytes(StandardCharsets.ISO_8859_1)),
        Long.MAX_VALUE)).isNull();
    byte[] otherProfile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    assertThat(PlainJpeg.decode(withSegment(sample, 0xE2, iccBody(otherProfile)), Long.MAX_VALUE)).isNull();
  }

  @Test
  void sizes_the_decoder_refuses_take_the_usual_path_which_reports_them() throws IOException {
    byte[] sample = resource(DEMO + "6.jpg");
    assertThat(PlainJpeg.decode(sample, 100)).isNull();
    assertThat(PlainJpeg.decode(Arrays.copyOf(sample, sample.length / 2), Long.MAX_VALUE)).isNull();
  }

  /**
   * For HP's sRGB profile the TwelveMonkeys reader converts the whole image with a {@link
   * ColorConvertOp} into a BGR image; {@link HpSrgbProfile} converts each colour once and remembers
   * the unchanged ones. Both must give the same bytes for every 8-bit colour, on the first call and
   * with the memory filled.
   */
  @Test
  void hp_srgb_profile_is_applied_as_twelvemonkeys_applies_it_for_every_colour() throws IOException {
    byte[] profile = profileOf(resource(DEMO + "1.jpg"));
    assertThat(HpSrgbProfile.matches(profile, 0, profile.length)).isTrue();
    ICC_ColorSpace twelveMonkeys = ColorSpaces.createColorSpace(ColorProfiles.readProfile(new ByteArrayInputStream(profile)));
    int w = 4096;
    int h = 4096;
    byte[] all = new byte[w * h * 3];
    for (int i = 0; i < w * h; i++) {
      all[3 * i] = (byte) (i >> 16);
      all[3 * i + 1] = (byte) (i >> 8);
      all[3 * i + 2] = (byte) i;
    }
    WritableRaster bgr = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 3 * w, 3, new int[] {2, 1, 0}, null);
    new ColorConvertOp(twelveMonkeys, ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(rgbRaster(all.clone(), w, h), bgr);
    byte[] expected = ((DataBufferByte) bgr.getDataBuffer()).getData();
    for (int i = 0; i < expected.length; i += 3) {
      byte b = expected[i];
      expected[i] = expected[i + 2];
      expected[i + 2] = b;
    }
    for (int round = 0; round < 2; round++) {
      byte[] converted = all.clone();
      HpSrgbProfile.apply(converted, profile);
      assertThat(Arrays.equals(converted, expected)).as("round %d", round).isTrue();
    }
    assertThat(Arrays.equals(all, expected)).as("the profile moves some colours").isFalse();
  }

  /**
   * TwelveMonkeys' YCbCr-to-RGB conversion (used with HP's profile) equals libjpeg's {@code
   * ycc_rgb_convert} (jdcolor.c: {@code FIX(x) = (int) (x * 65536 + 0.5)}, tables built with
   * rounding right shifts) for every triple.
   */
  @Test
  void twelvemonkeys_ycbcr_conversion_equals_libjpeg_for_every_triple() {
    int[] crR = new int[256];
    int[] cbB = new int[256];
    int[] crG = new int[256];
    int[] cbG = new int[256];
    for (int i = 0, x = -128; i < 256; i++, x++) {
      crR[i] = (91881 * x + 32768) >> 16;
      cbB[i] = (116130 * x + 32768) >> 16;
      crG[i] = -46802 * x;
      cbG[i] = -22554 * x + 32768;
    }
    byte[] ycc = new byte[3];
    byte[] rgb = new byte[3];
    List<String> differing = new ArrayList<>();
    for (int y = 0; y < 256; y++) {
      for (int cb = 0; cb < 256; cb++) {
        for (int cr = 0; cr < 256; cr++) {
          ycc[0] = (byte) y;
          ycc[1] = (byte) cb;
          ycc[2] = (byte) cr;
          YCbCrConverter.convertJPEGYCbCr2RGB(ycc, rgb, 0);
          int r = clamp(y + crR[cr]);
          int g = clamp(y + ((cbG[cb] + crG[cr]) >> 16));
          int b = clamp(y + cbB[cb]);
          if ((rgb[0] & 0xff) != r || (rgb[1] & 0xff) != g || (rgb[2] & 0xff) != b) {
            differing.add(y + "," + cb + "," + cr);
          }
        }
      }
    }
    assertThat(differing).isEmpty();
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  private static WritableRaster rgbRaster(byte[] data, int w, int h) {
    return Raster.createInterleavedRaster(new DataBufferByte(data, data.length), w, h, 3 * w, 3, new int[] {0, 1, 2}, null);
  }

  /** The ICC profile bytes of a JPEG that holds one in a single APP2 segment. */
  private static byte[] profileOf(byte[] jpeg) {
    int pos = 2;
    while (pos + 4 <= jpeg.length) {
      int marker = jpeg[pos + 1] & 0xff;
      int len = ((jpeg[pos + 2] & 0xff) << 8) | (jpeg[pos + 3] & 0xff);
      if (marker == 0xE2 && new String(jpeg, pos + 4, 11, StandardCharsets.ISO_8859_1).equals("ICC_PROFILE")) {
        return Arrays.copyOfRange(jpeg, pos + 4 + 14, pos + 2 + len);
      }
      pos += 2 + len;
    }
    throw new AssertionError("no ICC profile");
  }

  private static byte[] iccBody(byte[] profile) {
    byte[] body = new byte[14 + profile.length];
    System.arraycopy("ICC_PROFILE\0\1\1".getBytes(StandardCharsets.ISO_8859_1), 0, body, 0, 14);
    System.arraycopy(profile, 0, body, 14, profile.length);
    return body;
  }

  /** The JPEG with one more segment right after its start marker. */
  private static byte[] withSegment(byte[] jpeg, int marker, byte[] body) {
    byte[] out = new byte[jpeg.length + 4 + body.length];
    out[0] = jpeg[0];
    out[1] = jpeg[1];
    out[2] = (byte) 0xFF;
    out[3] = (byte) marker;
    out[4] = (byte) ((body.length + 2) >> 8);
    out[5] = (byte) (body.length + 2);
    System.arraycopy(body, 0, out, 6, body.length);
    System.arraycopy(jpeg, 2, out, 6 + body.length, jpeg.length - 2);
    return out;
  }
}
