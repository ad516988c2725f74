package dev.pvit.bench.pbench;

/**
 * How one answer turned out. Wrong and abstained are kept apart because they are not equally bad: a
 * confident answer the photo contradicts misleads the user, an abstention only fails to help.
 */
public enum Outcome {
  /** The answer is what the labels say. */
  CORRECT,
  /**
   * A confident answer the photo contradicts: a wrong yes/no, wrong names, a wrong count, a refusal
   * of the wrong family, a refusal where an answer was due, an answer where a refusal was due, or an
   * answer that does not say what was asked (no yes/no, no readable count or choice).
   */
  WRONG,
  /**
   * A typed abstention ({@code NEEDS_VISION_MODEL} or any other answer kind that declines to
   * answer) whose text states nothing the photo contradicts, or a failed request.
   */
  ABSTAINED
}
