package dev.pvit.face;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Optional;

/**
 * A face in a scene and who it is.
 *
 * <pre>{@code
 * for (RecognizedFace f : engine.recognize(scene, gallery).faces()) {
 *   System.out.println(f.name().orElse("unknown") + " at x=" + f.box().x());
 * }
 * }</pre>
 *
 * @param face the detected face
 * @param name the recognised person, or empty for an unknown face
 * @param distance distance to the best candidate (smaller is more similar)
 * @param candidates the closest registered people, best first
 */
public record RecognizedFace(
    DetectedFace face, Optional<String> name, double distance, List<FaceMatch.Candidate> candidates) {
  /** Copies the candidate list. */
  public RecognizedFace {
    checkNotNull(face, "face");
    checkNotNull(name, "name");
    candidates = List.copyOf(candidates);
  }

  /**
   * Shortcut for {@code face().box()}.
   *
   * @return the face box in original-image pixels
   */
  public Box box() {
    return face.box();
  }

  /**
   * Whether a registered person was recognised.
   *
   * @return true if {@link #name()} is present
   */
  public boolean isKnown() {
    return name.isPresent();
  }
}
