package dev.pvit.prompt;

/** Whether a model's answer refuses, and why. */
public enum RefusalKind {
  /** The person was introduced but is not in the scene. */
  ABSENT,
  /** The name was never introduced, so the model does not know what the person looks like. */
  UNKNOWN,
  /** The answer is not a refusal (it may still contain negations, e.g. "Alice is not smiling"). */
  NOT_A_REFUSAL
}
