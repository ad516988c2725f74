package dev.pvit.pipeline.curation;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Finds the people in an image (service provider interface). PVIT used GroundingDINO with the
 * prompt "person"; users with a real person detector plug it in here. The default, {@link
 * #fromFaces()}, derives one body box per face and needs no model.
 *
 * <p>Implementations are created per worker (see {@link dev.pvit.pipeline.StageFactory}) and need
 * not be thread-safe.
 *
 * <pre>{@code
 * PersonDetector people = PersonDetector.fromFaces();
 * List<Detection> bodies = people.detect(image, faces);
 * }</pre>
 */
@FunctionalInterface
public interface PersonDetector {

  /**
   * Detects people.
   *
   * @param image the scene
   * @param faces faces already found in the scene; detectors that work on pixels may ignore them
   * @return one detection per person, boxes clipped to the image
   */
  List<Detection> detect(BufferedImage image, List<Detection> faces);

  /**
   * The default detector: a body box derived from each face box with {@link
   * FaceBoxPersonDetector#DEFAULT standard proportions}.
   *
   * @return the detector
   */
  static PersonDetector fromFaces() {
    return FaceBoxPersonDetector.DEFAULT;
  }
}
