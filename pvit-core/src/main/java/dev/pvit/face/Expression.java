package dev.pvit.face;

/** Facial expressions distinguished by the expression net, in its output order. */
public enum Expression {
  /** No particular expression. */
  NEUTRAL,
  /** Smiling, laughing. */
  HAPPY,
  /** Sad. */
  SAD,
  /** Angry. */
  ANGRY,
  /** Fearful. */
  FEARFUL,
  /** Disgusted. */
  DISGUSTED,
  /** Surprised. */
  SURPRISED
}
