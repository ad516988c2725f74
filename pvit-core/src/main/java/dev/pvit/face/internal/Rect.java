package dev.pvit.face.internal;

/**
 * A rectangle in image pixels with double precision, as face-api's {@code Box}.
 *
 * @param x left
 * @param y top
 * @param width width
 * @param height height
 */
public record Rect(double x, double y, double width, double height) {
  /**
   * The right edge.
   *
   * @return x + width
   */
  public double right() {
    return x + width;
  }

  /**
   * The bottom edge.
   *
   * @return y + height
   */
  public double bottom() {
    return y + height;
  }

  /**
   * The area.
   *
   * @return width * height
   */
  public double area() {
    return width * height;
  }

  /**
   * face-api's {@code Box.clipAtImageBorders}: clamps the top-left corner to the image, shrinks the
   * size to fit, then floors all four values. The result may be empty (width or height &lt;= 0).
   *
   * @param imgWidth image width
   * @param imgHeight image height
   * @return the integer crop {x, y, width, height}
   */
  public int[] clipAtImageBorders(int imgWidth, int imgHeight) {
    double cx = Math.max(x, 0);
    double cy = Math.max(y, 0);
    double w = Math.min(right() - cx, imgWidth - cx);
    double h = Math.min(bottom() - cy, imgHeight - cy);
    return new int[] {(int) Math.floor(cx), (int) Math.floor(cy), (int) Math.floor(w), (int) Math.floor(h)};
  }

  /**
   * Intersection over union, as face-api's {@code iou}.
   *
   * @param o the other rectangle
   * @return 0..1
   */
  public double iou(Rect o) {
    double w = Math.max(0.0, Math.min(right(), o.right()) - Math.max(x, o.x));
    double h = Math.max(0.0, Math.min(bottom(), o.bottom()) - Math.max(y, o.y));
    double inter = w * h;
    return inter / (area() + o.area() - inter);
  }

  /**
   * The fraction of the smaller rectangle covered by the intersection.
   *
   * @param o the other rectangle
   * @return 0..1
   */
  public double overlapOfSmaller(Rect o) {
    double w = Math.max(0.0, Math.min(right(), o.right()) - Math.max(x, o.x));
    double h = Math.max(0.0, Math.min(bottom(), o.bottom()) - Math.max(y, o.y));
    double smaller = Math.min(area(), o.area());
    return smaller <= 0 ? 0 : w * h / smaller;
  }

  /**
   * The fraction of this rectangle that lies inside another.
   *
   * @param o the other rectangle
   * @return 0..1 (0 for an empty rectangle)
   */
  public double fractionInside(Rect o) {
    double w = Math.max(0.0, Math.min(right(), o.right()) - Math.max(x, o.x));
    double h = Math.max(0.0, Math.min(bottom(), o.bottom()) - Math.max(y, o.y));
    return area() <= 0 ? 0 : w * h / area();
  }
}
