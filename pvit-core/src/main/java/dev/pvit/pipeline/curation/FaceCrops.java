package dev.pvit.pipeline.curation;

import static com.google.common.base.Preconditions.checkArgument;

import dev.pvit.pipeline.internal.ImageCodec;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * The PVIT face-crop rule: the detector's face box widened by fixed pixel margins (20 px above for
 * the hairline, 10 px below for the chin, 15 px left and right), clipped to the image.
 *
 * <pre>{@code
 * Box crop = FaceCrops.pvitCrop(face.box(), image.getWidth(), image.getHeight());
 * BufferedImage faceImage = FaceCrops.crop(image, crop);
 * }</pre>
 */
public final class FaceCrops {
  /** Pixels added above the face box. */
  public static final int TOP_MARGIN = 20;
  /** Pixels added below the face box. */
  public static final int BOTTOM_MARGIN = 10;
  /** Pixels added on each side of the face box. */
  public static final int SIDE_MARGIN = 15;

  private FaceCrops() {}

  /**
   * The crop box for a face, with PVIT margins, clipped to the image.
   *
   * @param face the face box
   * @param imageWidth image width
   * @param imageHeight image height
   * @return the crop box (empty if the face lies outside the image)
   */
  public static Box pvitCrop(Box face, int imageWidth, int imageHeight) {
    return face.expand(TOP_MARGIN, BOTTOM_MARGIN, SIDE_MARGIN, SIDE_MARGIN).clip(imageWidth, imageHeight);
  }

  /**
   * Copies a region of an image (the result does not share pixels with the source).
   *
   * @param image the image
   * @param box the region, clipped to the image first
   * @return an RGB copy of the region
   * @throws IllegalArgumentException if the clipped region is empty
   */
  public static BufferedImage crop(BufferedImage image, Box box) {
    Box b = box.clip(image.getWidth(), image.getHeight());
    checkArgument(!b.isEmpty(), "Crop box %s lies outside the %sx%s image", box, image.getWidth(), image.getHeight());
    BufferedImage out = new BufferedImage(b.width(), b.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(ImageCodec.toRgb(image), 0, 0, b.width(), b.height(), b.x(), b.y(), b.right(), b.bottom(), null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
