package dev.pvit.image.internal;

/**
 * Decoded 8-bit RGB pixels, interleaved row by row ({@code r,g,b,r,g,b,...}), top-left first.
 * The array is shared, not copied: treat it as read-only.
 */
public final class RgbImage {
  private final int width;
  private final int height;
  private final byte[] rgb;

  /**
   * Wraps pixels.
   *
   * @param width width in pixels
   * @param height height in pixels
   * @param rgb {@code width*height*3} bytes
   */
  public RgbImage(int width, int height, byte[] rgb) {
    if (width < 1 || height < 1 || rgb.length != (long) width * height * 3) {
      throw new IllegalArgumentException("RGB buffer of " + rgb.length + " bytes does not fit " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
    this.rgb = rgb;
  }

  /**
   * Width in pixels.
   *
   * @return the width
   */
  public int width() {
    return width;
  }

  /**
   * Height in pixels.
   *
   * @return the height
   */
  public int height() {
    return height;
  }

  /**
   * The interleaved pixels (shared, do not modify).
   *
   * @return {@code width*height*3} bytes
   */
  public byte[] rgb() {
    return rgb;
  }

  /**
   * One channel value.
   *
   * @param x column
   * @param y row
   * @param c channel 0 (red), 1 (green) or 2 (blue)
   * @return 0..255
   */
  public int get(int x, int y, int c) {
    return rgb[(y * width + x) * 3 + c] & 0xff;
  }

  /**
   * The image mirrored left to right.
   *
   * @return a new image
   */
  public RgbImage mirrored() {
    byte[] out = new byte[rgb.length];
    for (int y = 0; y < height; y++) {
      int row = y * width * 3;
      for (int x = 0; x < width; x++) {
        int s = row + x * 3;
        int d = row + (width - 1 - x) * 3;
        out[d] = rgb[s];
        out[d + 1] = rgb[s + 1];
        out[d + 2] = rgb[s + 2];
      }
    }
    return new RgbImage(width, height, out);
  }
}
