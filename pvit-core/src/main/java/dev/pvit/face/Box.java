package dev.pvit.face;

/**
 * An axis-aligned rectangle in original-image pixel coordinates: {@code (x, y)} is the top-left
 * corner. Detections near the border may extend slightly outside the image.
 *
 * <pre>{@code
 * Box b = face.box();
 * double cx = b.centerX();
 * double overlap = b.iou(other.box());
 * }</pre>
 *
 * @param x left edge in pixels
 * @param y top edge in pixels
 * @param width width in pixels (not negative)
 * @param height height in pixels (not negative)
 */
public record Box(double x, double y, double width, double height) {
  /**
   * Validates the box.
   *
   * @throws IllegalArgumentException if a value is not finite or the size is negative
   */
  public Box {
    if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(width) || !Double.isFinite(height)) {
      throw new IllegalArgumentException("Box values must be finite: " + x + ", " + y + ", " + width + ", " + height);
    }
    if (width < 0 || height < 0) {
      throw new IllegalArgumentException("Box size must not be negative: " + width + " x " + height);
    }
  }

  /**
   * The right edge.
   *
   * @return {@code x + width}
   */
  public double right() {
    return x + width;
  }

  /**
   * The bottom edge.
   *
   * @return {@code y + height}
   */
  public double bottom() {
    return y + height;
  }

  /**
   * The horizontal centre.
   *
   * @return {@code x + width / 2}
   */
  public double centerX() {
    return x + width / 2;
  }

  /**
   * The vertical centre.
   *
   * @return {@code y + height / 2}
   */
  public double centerY() {
    return y + height / 2;
  }

  /**
   * The area.
   *
   * @return {@code width * height}
   */
  public double area() {
    return width * height;
  }

  /**
   * Intersection over union with another box.
   *
   * @param other the other box
   * @return 0 (disjoint) to 1 (identical)
   */
  public double iou(Box other) {
    double iw = Math.max(0, Math.min(right(), other.right()) - Math.max(x, other.x));
    double ih = Math.max(0, Math.min(bottom(), other.bottom()) - Math.max(y, other.y));
    double inter = iw * ih;
    double union = area() + other.area() - inter;
    return union <= 0 ? 0 : inter / union;
  }
}
