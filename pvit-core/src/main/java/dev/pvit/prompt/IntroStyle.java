package dev.pvit.prompt;

/**
 * Which wording family introduces a person's reference image: a face crop or a body crop. Body-crop
 * wording avoids "face", "portrait" and "close-up", which would be false for a full-figure image.
 */
public enum IntroStyle {
  /** The reference image is a face crop. */
  FACE,
  /** The reference image shows the whole person (body crop). */
  BODY
}
