package dev.pvit.face;

import java.util.Locale;
import java.util.Optional;

/**
 * What a face must look like to serve as a reference: big enough for a reliable descriptor and
 * detected with enough confidence. A tiny or doubtful reference makes a descriptor that can sit
 * closer to strangers than to its own person and then puts its name on other people's faces.
 */
final class ReferenceFaceRules {
  /** Default smallest accepted reference face side, in pixels of the original photo. */
  static final int DEFAULT_MIN_FACE_SIZE = 40;
  /** Default lowest accepted detector score for a reference face. */
  static final double DEFAULT_MIN_SCORE = 0.5;

  private final int minFaceSize;
  private final double minScore;

  ReferenceFaceRules(int minFaceSize, double minScore) {
    if (minFaceSize < 1) {
      throw new IllegalArgumentException("referenceMinFaceSize must be at least 1 pixel, got " + minFaceSize + ".");
    }
    if (!(minScore >= 0 && minScore < 1)) {
      throw new IllegalArgumentException("referenceMinScore must be in [0, 1), got " + minScore + ".");
    }
    this.minFaceSize = minFaceSize;
    this.minScore = minScore;
  }

  /**
   * Why a face cannot be a reference, if it cannot.
   *
   * @param face the face chosen from a reference photo
   * @param wholePhoto whether the face is the whole photo taken as a crop: it was never detected,
   *     so it has no detector score; the landmark checks that accepted it stand in for one
   * @return the reason, for {@link EnrollmentException}
   */
  Optional<String> problem(DetectedFace face, boolean wholePhoto) {
    long w = Math.round(face.box().width());
    long h = Math.round(face.box().height());
    if (Math.min(w, h) < minFaceSize) {
      return Optional.of(String.format(Locale.ROOT,
          "face is %d×%d px, references need at least %d px; use a larger or closer photo of the face", w, h, minFaceSize));
    }
    if (!wholePhoto && face.score() < minScore) {
      return Optional.of(String.format(Locale.ROOT,
          "the face was detected with score %.2f, references need at least %.2f; use a clearer, frontal photo",
          face.score(), minScore));
    }
    return Optional.empty();
  }
}
