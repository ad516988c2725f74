package dev.pvit.pipeline.curation;

import static com.google.common.base.Preconditions.checkArgument;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The default {@link PersonDetector}: an approximate body box derived from each face box, no model
 * needed.
 *
 * <p>Proportions, in units of the face box's width {@code w} and height {@code h}: the body is
 * {@code 3 w} wide, centred on the face; it starts {@code 0.5 h} above the face box (a face detector's
 * box stops at the brow, hair is above it) and extends {@code 6.5 h} below the face box's top (an
 * adult is about 7–7.5 heads tall and a face box is a bit shorter than the head). The box is then
 * clipped to the image, so people cut by the frame get the visible part, and narrowed so that it
 * stops halfway to the centre of any other face at the same height: people standing shoulder to
 * shoulder get adjacent boxes, each holding one face, instead of boxes that overlap their
 * neighbours' faces (which curation's "exactly one face per person" rule would discard). It is an
 * approximation: sitting, bending or overlapping people get boxes that include some background or
 * part of a neighbour. Each box carries the face's score.
 */
public final class FaceBoxPersonDetector implements PersonDetector {
  /** Standard adult proportions: width 3, above 0.5, below 6.5 face units. */
  public static final FaceBoxPersonDetector DEFAULT = new FaceBoxPersonDetector(3.0, 0.5, 6.5);

  private final double widthFactor;
  private final double aboveFactor;
  private final double belowFactor;

  /**
   * A detector with custom proportions.
   *
   * @param widthFactor body width in face widths
   * @param aboveFactor space above the face box in face heights
   * @param belowFactor extent below the face box's top in face heights
   */
  public FaceBoxPersonDetector(double widthFactor, double aboveFactor, double belowFactor) {
    checkArgument(widthFactor >= 1, "widthFactor must be at least 1, got %s", widthFactor);
    checkArgument(aboveFactor >= 0, "aboveFactor must not be negative, got %s", aboveFactor);
    checkArgument(belowFactor >= 1, "belowFactor must be at least 1, got %s", belowFactor);
    this.widthFactor = widthFactor;
    this.aboveFactor = aboveFactor;
    this.belowFactor = belowFactor;
  }

  @Override
  public List<Detection> detect(BufferedImage image, List<Detection> faces) {
    List<Detection> out = new ArrayList<>(faces.size());
    for (Detection f : faces) {
      Box body = bodyBox(f.box(), image.getWidth(), image.getHeight());
      int left = body.x();
      int right = body.right();
      double cx = f.box().centerX();
      for (Detection g : faces) {
        double gx = g.box().centerX();
        double gy = g.box().y() + g.box().height() / 2.0;
        if (g == f || gy < body.y() || gy >= body.bottom() || gx == cx) {
          continue;
        }
        double mid = (cx + gx) / 2;
        if (gx > cx) {
          right = Math.min(right, (int) Math.floor(mid));
        } else {
          left = Math.max(left, (int) Math.ceil(mid));
        }
      }
      body = Box.fromEdges(left, body.y(), Math.max(left, right), body.bottom());
      if (!body.isEmpty()) {
        out.add(new Detection(body, f.score()));
      }
    }
    return out;
  }

  /**
   * The body box for one face, clipped to the image.
   *
   * @param face the face box
   * @param imageWidth the image width
   * @param imageHeight the image height
   * @return the body box
   */
  public Box bodyBox(Box face, int imageWidth, int imageHeight) {
    double cx = face.centerX();
    double half = widthFactor * face.width() / 2;
    int left = (int) Math.floor(cx - half);
    int right = (int) Math.ceil(cx + half);
    int top = (int) Math.floor(face.y() - aboveFactor * face.height());
    int bottom = (int) Math.ceil(face.y() + belowFactor * face.height());
    return Box.fromEdges(left, top, right, bottom).clip(imageWidth, imageHeight);
  }
}
