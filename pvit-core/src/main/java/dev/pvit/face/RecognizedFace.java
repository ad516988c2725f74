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
 * @param decision the evidence behind the name (or its absence): the threshold that applied, the
 *     runner-up's distance and the margin to it
 */
public record RecognizedFace(
    DetectedFace face, Optional<String> name, double distance, List<FaceMatch.Candidate> candidates,
    MatchDecision decision) {
  /** Copies the candidate list. */
  public RecognizedFace {
    checkNotNull(face, "face");
    checkNotNull(name, "name");
    checkNotNull(decision, "decision");
    candidates = List.copyOf(candidates);
  }

  /**
   * A face without decision evidence (for faces recognised elsewhere, e.g. in tests): the threshold
   * and runner-up are unknown (NaN / infinite).
   *
   * @param face the detected face
   * @param name the recognised person, or empty
   * @param distance distance to the best candidate
   * @param candidates the closest registered people, best first
   */
  public RecognizedFace(DetectedFace face, Optional<String> name, double distance, List<FaceMatch.Candidate> candidates) {
    this(face, name, distance, candidates, new MatchDecision(
        name.isPresent() ? MatchDecision.Outcome.WITHIN_THRESHOLD : candidates.isEmpty()
            ? MatchDecision.Outcome.NO_CANDIDATE : MatchDecision.Outcome.TOO_FAR,
        distance, Double.NaN, Double.POSITIVE_INFINITY, Double.NaN));
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
