package dev.pvit.pipeline.dataset;

/** Whether a generated question can be answered, and if not, which refusal family applies. */
public enum SampleKind {
  /** The asked-about person is introduced and visible in the scene. */
  ANSWERABLE,
  /**
   * The person is introduced but absent from the scene: "Sorry, {name} is not in the image."
   */
  ABSENT_PERSON,
  /**
   * The name was never introduced: "Sorry, I do not know what {name} looks like."
   */
  UNKNOWN_NAME;

  /**
   * Whether the expected answer is a refusal.
   *
   * @return true for both refusal families
   */
  public boolean isRefusal() {
    return this != ANSWERABLE;
  }
}
