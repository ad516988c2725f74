package dev.pvit.pipeline.curation;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * An axis-aligned pixel rectangle: left/top corner plus size, in image coordinates (x right, y
 * down). May extend beyond an image until {@link #clip clipped}.
 *
 * <pre>{@code
 * Box face = new Box(120, 80, 64, 64);
 * Box inside = face.expand(20, 10, 15, 15).clip(640, 480);
 * }</pre>
 *
 * @param x left edge
 * @param y top edge
 * @param width width, not negative
 * @param height height, not negative
 */
public record Box(int x, int y, int width, int height) {

  /** Checks the size. */
  public Box {
    checkArgument(width >= 0 && height >= 0, "A box needs a non-negative size, got %sx%s", width, height);
  }

  /**
   * A box from its edges.
   *
   * @param left left edge (inclusive)
   * @param top top edge (inclusive)
   * @param right right edge (exclusive)
   * @param bottom bottom edge (exclusive)
   * @return the box; empty if right &lt; left or bottom &lt; top
   */
  public static Box fromEdges(int left, int top, int right, int bottom) {
    return new Box(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
  }

  /**
   * The right edge (exclusive).
   *
   * @return x + width
   */
  public int right() {
    return x + width;
  }

  /**
   * The bottom edge (exclusive).
   *
   * @return y + height
   */
  public int bottom() {
    return y + height;
  }

  /**
   * The area in pixels.
   *
   * @return width × height
   */
  public long area() {
    return (long) width * height;
  }

  /**
   * Whether the box has no pixels.
   *
   * @return true if width or height is 0
   */
  public boolean isEmpty() {
    return width == 0 || height == 0;
  }

  /**
   * The horizontal centre, for left-to-right ordering.
   *
   * @return x + width / 2
   */
  public double centerX() {
    return x + width / 2.0;
  }

  /**
   * Grows the box by per-side margins (negative values shrink it).
   *
   * @param top pixels added above
   * @param bottom pixels added below
   * @param left pixels added on the left
   * @param right pixels added on the right
   * @return the new box
   */
  public Box expand(int top, int bottom, int left, int right) {
    return fromEdges(x - left, y - top, right() + right, bottom() + bottom);
  }

  /**
   * The part of the box inside an image.
   *
   * @param imageWidth the image width
   * @param imageHeight the image height
   * @return the clipped box, empty if the box lies outside
   */
  public Box clip(int imageWidth, int imageHeight) {
    int l = Math.max(0, x);
    int t = Math.max(0, y);
    int r = Math.min(imageWidth, right());
    int b = Math.min(imageHeight, bottom());
    return r <= l || b <= t ? new Box(Math.min(l, imageWidth), Math.min(t, imageHeight), 0, 0) : fromEdges(l, t, r, b);
  }

  /**
   * Intersection over union with another box.
   *
   * @param other the other box
   * @return IoU in [0, 1]
   */
  public double iou(Box other) {
    long iw = Math.max(0, Math.min(right(), other.right()) - Math.max(x, other.x));
    long ih = Math.max(0, Math.min(bottom(), other.bottom()) - Math.max(y, other.y));
    long inter = iw * ih;
    long union = area() + other.area() - inter;
    return union == 0 ? 0 : (double) inter / union;
  }
}
