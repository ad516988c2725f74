package dev.pvit.prompt;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.person.Person;
import org.jspecify.annotations.Nullable;

/**
 * What an image in a prompt is for: a reference image of a person, or the scene being asked about.
 *
 * @param kind reference or scene
 * @param person the person shown, for references; null for scenes
 */
public record ImageRole(Kind kind, @Nullable Person person) {
  /** The two kinds of image in a personalized prompt. */
  public enum Kind {
    /** A reference image introducing a person. */
    REFERENCE,
    /** The scene the question is about. */
    SCENE
  }

  /**
   * Checks that references name a person and scenes do not.
   *
   * @throws IllegalArgumentException if kind and person do not fit
   */
  public ImageRole {
    checkNotNull(kind, "kind");
    if ((kind == Kind.REFERENCE) != (person != null)) {
      throw new IllegalArgumentException("A REFERENCE role needs a person and a SCENE role must not have one.");
    }
  }

  /**
   * A reference image of a person.
   *
   * @param person the person shown
   * @return the role
   */
  public static ImageRole reference(Person person) {
    return new ImageRole(Kind.REFERENCE, checkNotNull(person, "person"));
  }

  /**
   * The scene.
   *
   * @return the role
   */
  public static ImageRole scene() {
    return new ImageRole(Kind.SCENE, null);
  }

  /**
   * Whether this is the scene.
   *
   * @return true for scenes
   */
  public boolean isScene() {
    return kind == Kind.SCENE;
  }
}
