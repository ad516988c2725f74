package dev.pvit.face;

/**
 * A point in original-image pixel coordinates (x to the right, y down).
 *
 * @param x horizontal position in pixels
 * @param y vertical position in pixels
 */
public record Point(double x, double y) {
  /**
   * Euclidean distance to another point.
   *
   * @param other the other point
   * @return the distance in pixels
   */
  public double distance(Point other) {
    return Math.hypot(x - other.x, y - other.y);
  }
}
