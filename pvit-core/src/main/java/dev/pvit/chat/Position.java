package dev.pvit.chat;

import java.util.Locale;

/** Coarse horizontal position of a face in a scene: which third of the image its centre is in. */
public enum Position {
  /** Left third. */
  LEFT,
  /** Middle third. */
  CENTER,
  /** Right third. */
  RIGHT;

  /**
   * The position of a horizontal coordinate in an image of the given width.
   *
   * @param centerX the face centre's x in pixels
   * @param imageWidth the image width in pixels
   * @return the third it falls in
   */
  public static Position of(double centerX, int imageWidth) {
    double r = centerX / Math.max(1, imageWidth);
    return r < 1.0 / 3 ? LEFT : r > 2.0 / 3 ? RIGHT : CENTER;
  }

  /**
   * Lower-case label as used in JSON and text: {@code left}, {@code center}, {@code right}.
   *
   * @return the label
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
