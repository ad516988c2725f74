package dev.pvit.image.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.image.ImageInput;
import dev.pvit.image.InvalidImageException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {
  static byte[] encode(BufferedImage img, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(img, format, out)).isTrue();
    return out.toByteArray();
  }

  /** A PNG whose header claims the given size, followed by no image data. */
  static byte[] pngHeader(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
        .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
        .putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
    return png.array();
  }

  @Test
  void the_header_only_size_of_image_input_reads_and_refuses_headers_as_the_decoder_does() {
    ImageInput big = ImageInput.of(pngHeader(30000, 20000), "big.png");
    assertThat(big.width()).isEqualTo(30000);
    assertThat(big.height()).isEqualTo(20000);
    ImageInput torn = ImageInput.of(Arrays.copyOf(pngHeader(40, 40), 20), "torn.png");
    assertThatThrownBy(torn::width).isInstanceOf(InvalidImageException.class)
        .hasMessage("Image 'torn.png' has a corrupt or truncated PNG header; re-export the file.");
    assertThatThrownBy(() -> ImageDecoder.decode(torn, 1_000_000)).isInstanceOf(InvalidImageException.class)
        .hasMessage("Image 'torn.png' has a corrupt or truncated PNG header; re-export the file.");
  }

  @Test
  void grey_is_read_from_the_raster_without_gamma() throws IOException {
    BufferedImage grey = new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(3, 4, 0, 100);
    RgbImage rgb = ImageDecoder.decode(ImageInput.of(encode(grey, "png"), "grey.png"), 1_000_000);
    assertThat(rgb.get(3, 4, 0)).isEqualTo(100);
    assertThat(rgb.get(3, 4, 1)).isEqualTo(100);
    assertThat(rgb.get(3, 4, 2)).isEqualTo(100);
    // getRGB would have brightened it.
    assertThat(grey.getRGB(3, 4) & 0xff).isNotEqualTo(100);
  }

  @Test
  void sixteen_bit_grey_is_scaled_to_eight_bits() throws IOException {
    BufferedImage grey = new BufferedImage(20, 20, BufferedImage.TYPE_USHORT_GRAY);
    grey.getRaster().setSample(1, 1, 0, 65535);
    grey.getRaster().setSample(2, 1, 0, 257 * 77);
    RgbImage rgb = ImageDecoder.decode(ImageInput.of(encode(grey, "png"), "grey16.png"), 1_000_000);
    assertThat(rgb.get(1, 1, 0)).isEqualTo(255);
    assertThat(rgb.get(2, 1, 2)).isEqualTo(77);
  }

  @Test
  void alpha_is_dropped_keeping_the_colour_values() throws IOException {
    BufferedImage argb = new BufferedImage(20, 20, BufferedImage.TYPE_INT_ARGB);
    argb.setRGB(5, 5, 0x10_C8_64_32);
    RgbImage rgb = ImageDecoder.decode(ImageInput.of(encode(argb, "png"), "alpha.png"), 1_000_000);
    assertThat(new int[] {rgb.get(5, 5, 0), rgb.get(5, 5, 1), rgb.get(5, 5, 2)}).containsExactly(0xC8, 0x64, 0x32);
  }

  @Test
  void rgb_jpeg_decodes_to_its_size() throws IOException {
    BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR);
    RgbImage rgb = ImageDecoder.decode(ImageInput.of(encode(img, "jpg"), "a.jpg"), 1_000_000);
    assertThat(rgb.width()).isEqualTo(40);
    assertThat(rgb.height()).isEqualTo(30);
  }

  @Test
  void palette_images_use_their_palette() throws IOException {
    BufferedImage img = new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_INDEXED);
    img.setRGB(0, 0, 0xFF0000);
    RgbImage rgb = ImageDecoder.decode(ImageInput.of(encode(img, "gif"), "p.gif"), 1_000_000);
    assertThat(rgb.get(0, 0, 0)).isEqualTo(255);
    assertThat(rgb.get(0, 0, 1)).isZero();
  }

  @Test
  void cmyk_jpeg_is_decoded_to_rgb() throws IOException {
    java.awt.image.WritableRaster cmyk =
        java.awt.image.Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 32, 32, 4, null);
    javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (javax.imageio.stream.ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      writer.write(null, new javax.imageio.IIOImage(cmyk, null, null), null);
    } finally {
      writer.dispose();
    }
    RgbImage rgb = ImageDecoder.decode(ImageInput.of(out.toByteArray(), "print.jpg"), 1_000_000);
    assertThat(rgb.width()).isEqualTo(32);
    assertThat(rgb.height()).isEqualTo(32);
  }

  @Test
  void decompression_bomb_is_refused_from_the_header() {
    ImageInput bomb = ImageInput.of(pngHeader(30000, 30000), "bomb.png");
    assertThatThrownBy(() -> ImageDecoder.decode(bomb, 50_000_000))
        .isInstanceOf(InvalidImageException.class)
        .hasMessageContaining("bomb.png")
        .hasMessageContaining("30000x30000")
        .hasMessageContaining("refused before decoding");
  }

  @Test
  void tiny_images_are_refused() throws IOException {
    ImageInput one = ImageInput.of(encode(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png"), "dot.png");
    assertThatThrownBy(() -> ImageDecoder.decode(one, 1_000_000))
        .isInstanceOf(InvalidImageException.class)
        .hasMessageContaining("dot.png")
        .hasMessageContaining("1x1");
  }

  @Test
  void truncated_jpeg_is_an_error_not_grey_pixels() throws IOException {
    BufferedImage img = new BufferedImage(200, 200, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < 200; y++) {
      for (int x = 0; x < 200; x++) {
        img.setRGB(x, y, (x * 7 + y * 13) * 0x010203);
      }
    }
    byte[] full = encode(img, "jpg");
    ImageInput cut = ImageInput.of(Arrays.copyOf(full, full.length / 2), "cut.jpg");
    assertThatThrownBy(() -> ImageDecoder.decode(cut, 1_000_000))
        .isInstanceOf(InvalidImageException.class)
        .hasMessageContaining("cut.jpg")
        .hasMessageContaining("truncated");
  }

  @Test
  void truncated_header_is_an_error() throws IOException {
    byte[] full = encode(new BufferedImage(50, 50, BufferedImage.TYPE_3BYTE_BGR), "jpg");
    ImageInput cut = ImageInput.of(Arrays.copyOf(full, 20), "head.jpg");
    assertThatThrownBy(() -> ImageDecoder.decode(cut, 1_000_000))
        .isInstanceOf(InvalidImageException.class)
        .hasMessageContaining("head.jpg");
  }

  @Test
  void text_renamed_to_jpg_is_rejected_when_read() {
    assertThatThrownBy(() -> ImageInput.of("hello, not an image".getBytes(StandardCharsets.UTF_8), "notes.jpg"))
        .isInstanceOf(InvalidImageException.class)
        .hasMessageContaining("notes.jpg");
  }

  @Test
  void zero_bytes_are_rejected_when_read() {
    assertThatThrownBy(() -> ImageInput.of(new byte[0], "empty.jpg"))
        .isInstanceOf(InvalidImageException.class)
        .hasMessageContaining("empty.jpg");
  }

  @Test
  void webp_exif_orientation_is_applied() throws IOException {
    RgbImage stored = ImageDecoder.decode(ImageInput.of(fixture("sample1-640-lossy.webp"), "lossy.webp"), 10_000_000);
    RgbImage viewed = ImageDecoder.decode(
        ImageInput.of(fixture("sample1-640-lossy-orientation6.webp"), "o6.webp"), 10_000_000);
    RgbImage expected = ExifOrientation.apply(stored, 6);
    assertThat(viewed.width()).isEqualTo(stored.height());
    assertThat(viewed.rgb()).isEqualTo(expected.rgb());
  }

  @Test
  void png_exif_orientation_is_applied() throws IOException {
    BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_3BYTE_BGR);
    img.setRGB(1, 2, 0xFF0000);
    byte[] png = encode(img, "png");
    RgbImage stored = ImageDecoder.decode(ImageInput.of(png, "plain.png"), 1_000_000);
    RgbImage viewed = ImageDecoder.decode(ImageInput.of(withExifChunk(png, 6), "o6.png"), 1_000_000);
    assertThat(viewed.width()).isEqualTo(20);
    assertThat(viewed.height()).isEqualTo(40);
    assertThat(viewed.rgb()).isEqualTo(ExifOrientation.apply(stored, 6).rgb());
    assertThat(ExifOrientation.read(dev.pvit.image.ImageFormat.PNG, withExifChunk(png, 3))).isEqualTo(3);
  }

  @Test
  void truncated_webp_is_refused_with_its_name() throws IOException {
    byte[] webp = fixture("sample1-640-lossy.webp");
    ImageInput truncated = ImageInput.of(Arrays.copyOf(webp, webp.length / 2), "half.webp");
    assertThatThrownBy(() -> ImageDecoder.decode(truncated, 10_000_000))
        .isInstanceOf(InvalidImageException.class)
        .hasMessageContaining("half.webp");
  }

  @Test
  void webp_bomb_is_refused_from_the_header() throws IOException {
    byte[] webp = fixture("sample1-640-lossless.webp");
    assertThatThrownBy(() -> ImageDecoder.decode(ImageInput.of(webp, "big.webp"), 10_000))
        .isInstanceOf(InvalidImageException.class)
        .hasMessageContaining("big.webp")
        .hasMessageContaining("refused before decoding");
  }

  static byte[] fixture(String name) throws IOException {
    try (java.io.InputStream in = ImageDecoderTest.class.getResourceAsStream("/dev/pvit/image/" + name)) {
      return in.readAllBytes();
    }
  }

  /** Inserts an eXIf chunk with the given orientation right after IHDR. */
  static byte[] withExifChunk(byte[] png, int orientation) {
    byte[] tiff = ByteBuffer.allocate(26).put(new byte[] {'M', 'M'}).putShort((short) 42).putInt(8)
        .putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1)
        .putShort((short) orientation).putShort((short) 0).putInt(0).array();
    byte[] type = "eXIf".getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(type);
    crc.update(tiff);
    int afterIhdr = 8 + 4 + 4 + 13 + 4;
    return ByteBuffer.allocate(png.length + 12 + tiff.length).put(png, 0, afterIhdr).putInt(tiff.length)
        .put(type).put(tiff).putInt((int) crc.getValue()).put(png, afterIhdr, png.length - afterIhdr).array();
  }
}
