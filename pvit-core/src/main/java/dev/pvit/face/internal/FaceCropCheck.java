package dev.pvit.face.internal;

import dev.pvit.image.internal.RgbImage;
import org.jspecify.annotations.Nullable;

/**
 * Whether a whole photo is plausibly a tight face crop, judged from the landmarks the landmark net
 * placed on it: two eyes a sensible distance apart and roughly level, the nose below the eye line
 * and the mouth below the nose, all inside the photo, a photo with some contrast and eyes with
 * fine detail (the net puts an average face shape on anything, a blank image or a smooth gradient
 * included, but only real eyes have edges where it puts them).
 */
public final class FaceCropCheck {
  /** Eye distance as a fraction of the crop width: at least this (faces fill a tight crop). */
  static final double MIN_EYE_DISTANCE = 0.15;
  /** Eye distance as a fraction of the crop width: at most this. */
  static final double MAX_EYE_DISTANCE = 0.75;
  /** Largest tilt of the eye line, degrees. */
  static final double MAX_TILT_DEGREES = 35;
  /** Smallest standard deviation of the luminance (0-255) of a photo that can hold a face. */
  static final double MIN_CONTRAST = 8;
  /** Smallest mean absolute Laplacian (0-255 luminance) around each eye. */
  static final double MIN_EYE_DETAIL = 2;

  private FaceCropCheck() {}

  /**
   * Checks a whole-photo face.
   *
   * @param img the photo
   * @param pts 68 landmarks placed on the whole photo, x/y interleaved, image pixels
   * @return null if plausible, else what is wrong (for the user)
   */
  public static @Nullable String problem(RgbImage img, double[] pts) {
    if (contrast(img) < MIN_CONTRAST) {
      return "the photo is almost uniform";
    }
    int w = img.width();
    int h = img.height();
    double[] le = Landmarks.center(pts, 36, 42);
    double[] re = Landmarks.center(pts, 42, 48);
    double[] nose = {pts[2 * 30], pts[2 * 30 + 1]};
    double[] mouth = Landmarks.center(pts, 48, 68);
    for (double[] p : new double[][] {le, re, nose, mouth}) {
      if (p[0] < 0 || p[0] >= w || p[1] < 0 || p[1] >= h) {
        return "the eyes, nose or mouth fall outside the photo";
      }
    }
    double dx = re[0] - le[0];
    double dy = re[1] - le[1];
    double eyes = Math.hypot(dx, dy);
    if (eyes < MIN_EYE_DISTANCE * w || eyes > MAX_EYE_DISTANCE * w || dx <= 0) {
      return "no two eyes at a plausible distance";
    }
    if (Math.toDegrees(Math.abs(Math.atan2(dy, dx))) > MAX_TILT_DEGREES) {
      return "the eyes are not level enough for a face photo";
    }
    // Coordinates along (u) and below (v) the eye line, in eye distances, from the eyes' midpoint.
    double ux = dx / eyes;
    double uy = dy / eyes;
    double mx = (le[0] + re[0]) / 2;
    double my = (le[1] + re[1]) / 2;
    double noseU = ((nose[0] - mx) * ux + (nose[1] - my) * uy) / eyes;
    double noseV = (-(nose[0] - mx) * uy + (nose[1] - my) * ux) / eyes;
    double mouthU = ((mouth[0] - mx) * ux + (mouth[1] - my) * uy) / eyes;
    double mouthV = (-(mouth[0] - mx) * uy + (mouth[1] - my) * ux) / eyes;
    // Frontal faces: nose about 0.6-0.9 and mouth about 1.1-1.4 eye distances below the eyes;
    // turned faces shift the nose and mouth sideways and shorten the eye distance (raising v).
    if (noseV < 0.25 || noseV > 1.6 || mouthV < 0.6 || mouthV > 2.4 || mouthV <= noseV) {
      return "the nose and mouth are not where a face has them";
    }
    if (Math.abs(noseU) > 0.9 || Math.abs(mouthU) > 0.9) {
      return "the nose and mouth are not between the eyes";
    }
    double half = eyes / 3;
    if (detail(img, le, half) < MIN_EYE_DETAIL || detail(img, re, half) < MIN_EYE_DETAIL) {
      return "no eyes where a face would have them";
    }
    return null;
  }

  /** Mean absolute 4-neighbour Laplacian of the luminance in a square around a point. */
  static double detail(RgbImage img, double[] centre, double half) {
    int x0 = (int) Math.max(1, centre[0] - half);
    int x1 = (int) Math.min(img.width() - 2, centre[0] + half);
    int y0 = (int) Math.max(1, centre[1] - half);
    int y1 = (int) Math.min(img.height() - 2, centre[1] + half);
    double sum = 0;
    int n = 0;
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        sum += Math.abs(4 * luma(img, x, y) - luma(img, x - 1, y) - luma(img, x + 1, y) - luma(img, x, y - 1) - luma(img, x, y + 1));
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  private static double luma(RgbImage img, int x, int y) {
    return 0.299 * img.get(x, y, 0) + 0.587 * img.get(x, y, 1) + 0.114 * img.get(x, y, 2);
  }

  /** Standard deviation of the luminance over a grid of at most about 10k pixels. */
  static double contrast(RgbImage img) {
    int step = Math.max(1, (int) Math.sqrt((double) img.width() * img.height() / 10_000));
    double sum = 0;
    double sq = 0;
    int n = 0;
    for (int y = 0; y < img.height(); y += step) {
      for (int x = 0; x < img.width(); x += step) {
        double l = luma(img, x, y);
        sum += l;
        sq += l * l;
        n++;
      }
    }
    double mean = sum / n;
    return Math.sqrt(Math.max(0, sq / n - mean * mean));
  }
}
