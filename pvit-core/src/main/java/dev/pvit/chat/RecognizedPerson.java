package dev.pvit.chat;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.face.Box;

/**
 * A registered person recognised in a scene.
 *
 * @param name the person's display name
 * @param box the face box in original-image pixels
 * @param distance descriptor distance to the person's references (smaller is more certain)
 * @param position which third of the image the face is in
 * @param threshold the distance threshold that applied to this person and face (NaN if unknown)
 * @param margin how much farther the runner-up registered person is ({@code runner-up distance -
 *     distance}; infinite without a runner-up, NaN if unknown)
 */
public record RecognizedPerson(String name, Box box, double distance, Position position, double threshold, double margin) {
  /** Checks the parts. */
  public RecognizedPerson {
    checkNotNull(name, "name");
    checkNotNull(box, "box");
    checkNotNull(position, "position");
  }

  /**
   * A recognised person without decision evidence (threshold and margin unknown).
   *
   * @param name the person's display name
   * @param box the face box
   * @param distance descriptor distance
   * @param position which third of the image the face is in
   */
  public RecognizedPerson(String name, Box box, double distance, Position position) {
    this(name, box, distance, position, Double.NaN, Double.NaN);
  }
}
