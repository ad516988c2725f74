package dev.pvit.chat;

/** What kind of answer an {@link Answer} is. */
public enum AnswerKind {
  /** The question was answered. */
  ANSWERED,
  /** A registered person the question is about is not in the scene; the text says so. */
  PERSON_ABSENT,
  /** The question names someone who is not registered; the text says the SDK does not know them. */
  PERSON_UNKNOWN,
  /** No face was found in the scene, so nobody can be recognised. */
  NO_FACES,
  /**
   * The question needs a vision-language model (e.g. "What is Bob holding?"); the text says who is
   * there and where instead of inventing a description.
   */
  NEEDS_VISION_MODEL
}
