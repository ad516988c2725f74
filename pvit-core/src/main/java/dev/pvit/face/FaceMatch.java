package dev.pvit.face;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Optional;

/**
 * The result of matching one descriptor against a {@link FaceGallery}.
 *
 * <pre>{@code
 * FaceMatch m = gallery.match(face.descriptor());
 * String who = m.name().orElse("unknown");
 * }</pre>
 *
 * @param name the recognised person's display name, or empty when nobody is close enough
 * @param distance the distance to the best candidate (or {@link Double#POSITIVE_INFINITY} for an
 *     empty gallery); smaller is more similar
 * @param candidates the closest people, best first (at most the gallery's top-k)
 * @param decision the evidence behind the decision: threshold used, runner-up distance, margin
 */
public record FaceMatch(Optional<String> name, double distance, List<Candidate> candidates, MatchDecision decision) {
  /** Copies the candidate list. */
  public FaceMatch {
    checkNotNull(name, "name");
    checkNotNull(decision, "decision");
    candidates = List.copyOf(candidates);
  }

  /**
   * Whether a registered person was recognised.
   *
   * @return true if {@link #name()} is present
   */
  public boolean isKnown() {
    return name.isPresent();
  }

  /**
   * A registered person and their distance to the query face.
   *
   * @param name the person's display name
   * @param distance the gallery's distance to that person (smaller is more similar)
   */
  public record Candidate(String name, double distance) {
    /** Checks the name. */
    public Candidate {
      checkNotNull(name, "name");
    }
  }
}
