package dev.pvit.face.internal;

/**
 * Landmark post-processing and face alignment as face-api.js does them ({@code
 * FaceLandmark68NetBase.postProcess}, {@code FaceLandmarks.shiftBy}, {@code alignDlib}, {@code
 * alignMinBbox}). Points are stored as {@code x0,y0,x1,y1,...} in image pixels.
 */
public final class Landmarks {
  /** Number of landmark points. */
  public static final int POINTS = 68;
  /** Landmark net input side. */
  public static final int INPUT_SIZE = 112;

  private Landmarks() {}

  /**
   * Converts raw landmark net output for one face crop to image pixels.
   *
   * @param raw net output, {@code [batch, 136]}
   * @param batchIndex which face of the batch
   * @param cropWidth width of the crop fed to the net
   * @param cropHeight height of the crop
   * @param shiftX the detection box's (unfloored) x, added to every point
   * @param shiftY the detection box's y
   * @return 136 values, x and y interleaved, in image pixels
   */
  public static double[] postProcess(float[] raw, int batchIndex, int cropWidth, int cropHeight, double shiftX, double shiftY) {
    double scale = INPUT_SIZE / (double) Math.max(cropHeight, cropWidth);
    double w = cropWidth * scale;
    double h = cropHeight * scale;
    // The reference does this step in float32 tensors.
    float padX = (float) (w < h ? Math.abs(w - h) / 2 : 0);
    float padY = (float) (h < w ? Math.abs(w - h) / 2 : 0);
    float fw = (float) w;
    float fh = (float) h;
    double[] pts = new double[POINTS * 2];
    int base = batchIndex * POINTS * 2;
    for (int i = 0; i < POINTS; i++) {
      float rx = (raw[base + 2 * i] * (float) INPUT_SIZE - padX) / fw;
      float ry = (raw[base + 2 * i + 1] * (float) INPUT_SIZE - padY) / fh;
      // FaceLandmarks(relative, cropDims) then shiftBy(box.x, box.y): relative -> crop pixels -> relative -> shifted.
      double px = rx * (double) cropWidth;
      double py = ry * (double) cropHeight;
      pts[2 * i] = (px / cropWidth) * cropWidth + shiftX;
      pts[2 * i + 1] = (py / cropHeight) * cropHeight + shiftY;
    }
    return pts;
  }

  /**
   * face-api's dlib alignment rectangle: a square of side {@code floor(mean eye-mouth distance /
   * 0.45)} placed around the centroid of the eye and mouth centres. No rotation.
   *
   * @param pts 68 points in image pixels
   * @param cropWidth width of the landmark crop (the reference bounds the side by it)
   * @param cropHeight height of the landmark crop
   * @return the alignment rectangle in image pixels
   */
  public static Rect alignDlib(double[] pts, int cropWidth, int cropHeight) {
    double[] le = center(pts, 36, 42);
    double[] re = center(pts, 42, 48);
    double[] mouth = center(pts, 48, 68);
    double d = (dist(mouth, le) + dist(mouth, re)) / 2;
    double size = Math.floor(d / 0.45);
    double refX = (le[0] + re[0] + mouth[0]) / 3;
    double refY = (le[1] + re[1] + mouth[1]) / 3;
    double x = Math.floor(Math.max(0, refX - 0.5 * size));
    double y = Math.floor(Math.max(0, refY - 0.43 * size));
    return new Rect(x, y, Math.min(size, cropWidth + x), Math.min(size, cropHeight + y));
  }

  /**
   * face-api's default alignment ({@code alignMinBbox(0.2)}), used for the attribute nets: the
   * landmarks' bounding box grown by 20 % of its size.
   *
   * @param pts 68 points in image pixels
   * @return the rectangle in image pixels
   */
  public static Rect alignMinBbox(double[] pts) {
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < POINTS; i++) {
      minX = Math.min(minX, pts[2 * i]);
      maxX = Math.max(maxX, pts[2 * i]);
      minY = Math.min(minY, pts[2 * i + 1]);
      maxY = Math.max(maxY, pts[2 * i + 1]);
    }
    double w = maxX - minX;
    double h = maxY - minY;
    double padX = w * 0.2;
    double padY = h * 0.2;
    return new Rect(minX - padX / 2, minY - padY / 2, w + padX, h + padY);
  }

  /** getCenterPoint: sum from (0, 0) in order, then divide. */
  static double[] center(double[] pts, int from, int to) {
    double sx = 0;
    double sy = 0;
    for (int i = from; i < to; i++) {
      sx += pts[2 * i];
      sy += pts[2 * i + 1];
    }
    int n = to - from;
    return new double[] {sx / n, sy / n};
  }

  private static double dist(double[] a, double[] b) {
    double dx = a[0] - b[0];
    double dy = a[1] - b[1];
    return Math.sqrt(dx * dx + dy * dy);
  }
}
