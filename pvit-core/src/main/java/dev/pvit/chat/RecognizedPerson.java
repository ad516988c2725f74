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
 */
public record RecognizedPerson(String name, Box box, double distance, Position position) {
  /** Checks the parts. */
  public RecognizedPerson {
    checkNotNull(name, "name");
    checkNotNull(box, "box");
    checkNotNull(position, "position");
  }
}
