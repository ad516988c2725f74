package dev.pvit.pipeline.curation;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.face.FaceAttributes;
import dev.pvit.face.FaceDescriptor;
import java.util.Optional;

/**
 * One face found by a {@link FaceSource}: where it is and, when the source knows them, the
 * identity descriptor and the apparent attributes (age, expression) used by the engine-only
 * description of phase 2.
 *
 * <pre>{@code
 * SceneFace face = SceneFace.of(new Detection(new Box(10, 20, 64, 64), 0.97));
 * }</pre>
 *
 * @param detection the face box in upright image pixels and the detector score
 * @param descriptor the identity descriptor, if computed
 * @param attributes apparent age, gender and expression, if computed
 */
public record SceneFace(
    Detection detection, Optional<FaceDescriptor> descriptor, Optional<FaceAttributes> attributes) {

  /** Checks the parts. */
  public SceneFace {
    checkNotNull(detection, "detection");
    checkNotNull(descriptor, "descriptor");
    checkNotNull(attributes, "attributes");
  }

  /**
   * A face known only by its box and score.
   *
   * @param detection the detection
   * @return the face
   */
  public static SceneFace of(Detection detection) {
    return new SceneFace(detection, Optional.empty(), Optional.empty());
  }

  /**
   * The face box.
   *
   * @return the box
   */
  public Box box() {
    return detection.box();
  }
}
