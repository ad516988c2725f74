package dev.pvit.face;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Optional;

/**
 * One face found in an image.
 *
 * <pre>{@code
 * for (DetectedFace face : engine.analyze(photo).faces()) {
 *   Box b = face.box();
 *   System.out.printf("face at %.0f,%.0f (%.0fx%.0f), score %.2f%n", b.x(), b.y(), b.width(), b.height(), face.score());
 * }
 * }</pre>
 *
 * @param box the detector's box in original-image pixels (after EXIF orientation)
 * @param score detector confidence, 0..1
 * @param landmarks the 68 facial landmarks (iBUG 300-W order: jaw 0-16, brows 17-26, nose 27-35,
 *     eyes 36-47, mouth 48-67) in original-image pixels
 * @param descriptor the 128-d descriptor of the dlib-aligned face
 * @param attributes apparent age, gender and expression, if the engine was built with {@code
 *     attributes(true)}
 */
public record DetectedFace(
    Box box, double score, List<Point> landmarks, FaceDescriptor descriptor, Optional<FaceAttributes> attributes) {

  /** Number of landmarks per face. */
  public static final int LANDMARK_COUNT = 68;

  /**
   * Validates and copies the parts.
   *
   * @throws IllegalArgumentException if there are not 68 landmarks
   */
  public DetectedFace {
    checkNotNull(box, "box");
    checkNotNull(descriptor, "descriptor");
    checkNotNull(attributes, "attributes");
    landmarks = List.copyOf(landmarks);
    if (landmarks.size() != LANDMARK_COUNT) {
      throw new IllegalArgumentException("A face has " + LANDMARK_COUNT + " landmarks, got " + landmarks.size());
    }
  }
}
