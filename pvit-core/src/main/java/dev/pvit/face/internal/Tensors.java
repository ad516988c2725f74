package dev.pvit.face.internal;

import dev.pvit.image.internal.RgbImage;

/**
 * Builds net input tensors exactly as face-api.js does: crop, zero-pad to a square (bottom/right
 * for the detector, centred for face crops; {@code padToSquare}), resize with TensorFlow's legacy
 * bilinear sampling ({@code alignCorners=false, halfPixelCenters=false}, source = dst * in/out),
 * then {@code (x - mean) / 255}, written as NHWC (channels-last) floats, the layout the nets compute
 * in, so no copy reorders them. Works directly on the RGB bytes, without materialising the padded
 * image and without per-pixel objects.
 */
public final class Tensors {
  /** Mean RGB of the tiny face detector. */
  public static final float[] DETECTOR_MEAN = {117.001f, 114.697f, 97.404f};
  /** Mean RGB of the landmark, recognition, age/gender and expression nets. */
  public static final float[] FACE_MEAN = {122.782f, 117.001f, 104.298f};

  private Tensors() {}

  /**
   * Writes one image region as a normalised square tensor.
   *
   * @param img the image
   * @param cx left edge of the region (inside the image)
   * @param cy top edge of the region
   * @param cw region width (at least 1, inside the image)
   * @param ch region height
   * @param centred pad both sides of the short axis (face crops) instead of bottom/right only (detector)
   * @param size output side in pixels
   * @param mean per-channel mean to subtract
   * @param dst NHWC destination, {@code batch*size*size*3} floats
   * @param batchIndex which image of the batch to write
   */
  public static void write(
      RgbImage img, int cx, int cy, int cw, int ch, boolean centred, int size, float[] mean, float[] dst, int batchIndex) {
    write(img, cx, cy, cw, ch, centred, size, size, size, mean, dst, batchIndex);
  }

  /**
   * Writes the top-left {@code outWidth x outHeight} part of the square tensor {@link #write(RgbImage,
   * int, int, int, int, boolean, int, float[], float[], int)} would write: the same values, without
   * the rows and columns of bottom/right padding left out. The detector uses it to skip padding that
   * holds no image.
   *
   * @param img the image
   * @param cx left edge of the region (inside the image)
   * @param cy top edge of the region
   * @param cw region width (at least 1, inside the image)
   * @param ch region height
   * @param centred pad both sides of the short axis instead of bottom/right only
   * @param size side of the square the region is resized into
   * @param outWidth columns written, 1 to {@code size}
   * @param outHeight rows written, 1 to {@code size}
   * @param mean per-channel mean to subtract
   * @param dst NHWC destination, {@code batch*outHeight*outWidth*3} floats
   * @param batchIndex which image of the batch to write
   */
  public static void write(RgbImage img, int cx, int cy, int cw, int ch, boolean centred, int size, int outWidth,
      int outHeight, float[] mean, float[] dst, int batchIndex) {
    if (outWidth < 1 || outHeight < 1 || outWidth > size || outHeight > size) {
      throw new IllegalArgumentException("Output " + outWidth + "x" + outHeight + " does not fit a " + size + " square");
    }
    if (cw < 1 || ch < 1 || cx < 0 || cy < 0 || cx + cw > img.width() || cy + ch > img.height()) {
      throw new IllegalArgumentException("Region " + cx + "," + cy + " " + cw + "x" + ch + " is outside the "
          + img.width() + "x" + img.height() + " image");
    }
    int side = Math.max(cw, ch);
    int diff = side - Math.min(cw, ch);
    // face-api appends round(diff/2) after the image and the rest before it (JS Math.round rounds half up).
    int prepend = centred ? diff - (int) Math.floor(diff * 0.5 + 0.5) : 0;
    int offX = cw < ch ? prepend : 0;
    int offY = ch < cw ? prepend : 0;

    float scale = side / (float) size;
    int[] x0 = new int[outWidth];
    int[] x1 = new int[outWidth];
    float[] xl = new float[outWidth];
    for (int o = 0; o < outWidth; o++) {
      float in = o * scale;
      int lo = (int) Math.floor(in);
      x0[o] = lo;
      x1[o] = Math.min((int) Math.ceil(in), side - 1);
      xl[o] = in - lo;
    }
    byte[] rgb = img.rgb();
    int stride = img.width() * 3;
    int base = batchIndex * 3 * outWidth * outHeight;
    float[] tl = new float[3];
    float[] tr = new float[3];
    float[] bl = new float[3];
    float[] br = new float[3];
    for (int oy = 0; oy < outHeight; oy++) {
      float iny = oy * scale;
      int y0 = (int) Math.floor(iny);
      int y1 = Math.min((int) Math.ceil(iny), side - 1);
      float yl = iny - y0;
      int ry0 = y0 - offY;
      int ry1 = y1 - offY;
      boolean in0 = ry0 >= 0 && ry0 < ch;
      boolean in1 = ry1 >= 0 && ry1 < ch;
      int row0 = (cy + ry0) * stride;
      int row1 = (cy + ry1) * stride;
      for (int ox = 0; ox < outWidth; ox++) {
        int rx0 = x0[ox] - offX;
        int rx1 = x1[ox] - offX;
        boolean ix0 = rx0 >= 0 && rx0 < cw;
        boolean ix1 = rx1 >= 0 && rx1 < cw;
        int c0 = (cx + rx0) * 3;
        int c1 = (cx + rx1) * 3;
        fetch(rgb, row0 + c0, in0 && ix0, tl);
        fetch(rgb, row0 + c1, in0 && ix1, tr);
        fetch(rgb, row1 + c0, in1 && ix0, bl);
        fetch(rgb, row1 + c1, in1 && ix1, br);
        float lx = xl[ox];
        int p = base + (oy * outWidth + ox) * 3;
        for (int c = 0; c < 3; c++) {
          float top = tl[c] + (tr[c] - tl[c]) * lx;
          float bottom = bl[c] + (br[c] - bl[c]) * lx;
          float v = top + (bottom - top) * yl;
          dst[p + c] = (v - mean[c]) / 255f;
        }
      }
    }
  }

  private static void fetch(byte[] rgb, int index, boolean inside, float[] out) {
    if (inside) {
      out[0] = rgb[index] & 0xff;
      out[1] = rgb[index + 1] & 0xff;
      out[2] = rgb[index + 2] & 0xff;
    } else {
      out[0] = 0;
      out[1] = 0;
      out[2] = 0;
    }
  }
}
