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
   * This image placed on a larger black canvas.
   *
   * @param canvasWidth canvas width
   * @param canvasHeight canvas height
   * @param x left edge of the image on the canvas
   * @param y top edge of the image on the canvas
   * @return a new image
   */
  public RgbImage placedOn(int canvasWidth, int canvasHeight, int x, int y) {
    if (x < 0 || y < 0 || x + width > canvasWidth || y + height > canvasHeight) {
      throw new IllegalArgumentException("Image does not fit the canvas at " + x + "," + y);
    }
    byte[] out = new byte[canvasWidth * canvasHeight * 3];
    for (int row = 0; row < height; row++) {
      System.arraycopy(rgb, row * width * 3, out, ((y + row) * canvasWidth + x) * 3, width * 3);
    }
    return new RgbImage(canvasWidth, canvasHeight, out);
  }
}
