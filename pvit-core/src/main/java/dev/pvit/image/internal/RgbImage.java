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

  /**
   * This image shrunk so that its longer side is at most {@code maxSide}, by averaging the source
   * pixels each target pixel covers; the image itself if it is already small enough.
   *
   * @param maxSide the longest side allowed
   * @return the shrunk image
   */
  public RgbImage shrunkTo(int maxSide) {
    int longer = Math.max(width, height);
    if (longer <= maxSide) {
      return this;
    }
    double f = (double) longer / maxSide;
    int w = Math.max(1, (int) Math.round(width / f));
    int h = Math.max(1, (int) Math.round(height / f));
    byte[] out = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      int y0 = (int) (y * (long) height / h);
      int y1 = Math.max(y0 + 1, (int) ((y + 1) * (long) height / h));
      for (int x = 0; x < w; x++) {
        int x0 = (int) (x * (long) width / w);
        int x1 = Math.max(x0 + 1, (int) ((x + 1) * (long) width / w));
        long r = 0;
        long g = 0;
        long b = 0;
        for (int sy = y0; sy < y1; sy++) {
          int p = (sy * width + x0) * 3;
          for (int sx = x0; sx < x1; sx++, p += 3) {
            r += rgb[p] & 0xff;
            g += rgb[p + 1] & 0xff;
            b += rgb[p + 2] & 0xff;
          }
        }
        long n = (long) (y1 - y0) * (x1 - x0);
        int d = (y * w + x) * 3;
        out[d] = (byte) ((r + n / 2) / n);
        out[d + 1] = (byte) ((g + n / 2) / n);
        out[d + 2] = (byte) ((b + n / 2) / n);
      }
    }
    return new RgbImage(w, h, out);
  }
}
