package dev.pvit.pipeline.curation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A detected face or person: its box and the detector's confidence.
 *
 * @param box the box in image pixels
 * @param score confidence in [0, 1]
 */
public record Detection(Box box, double score) {

  /** Checks the parts. */
  public Detection {
    checkNotNull(box, "box");
    checkArgument(score >= 0 && score <= 1, "A detection score must be in [0, 1], got %s", score);
  }
}
