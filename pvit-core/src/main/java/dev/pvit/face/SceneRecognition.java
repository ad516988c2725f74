package dev.pvit.face;

import com.google.common.collect.ImmutableList;
import dev.pvit.face.internal.OpenSetCalibration;
import dev.pvit.person.Person;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is where in a scene photo. Faces are ordered left to right by the centre of their box.
 *
 * <pre>{@code
 * SceneRecognition r = engine.recognize(ImageInput.of(Path.of("party.jpg")), gallery);
 * List<String> present = r.recognizedPeople();      // e.g. [Alice, Bob], left to right
 * r.find("alice").ifPresent(f -> System.out.println("Alice at " + f.box()));
 * }</pre>
 *
 * @param width image width in pixels, after EXIF orientation
 * @param height image height in pixels, after EXIF orientation
 * @param faces all faces found, recognised or not, left to right
 */
public record SceneRecognition(int width, int height, List<RecognizedFace> faces) {
  /**
   * The distance below which an unnamed face may still be a registered person: the largest distance
   * at which the gallery ever names a face (the margin test's cap, {@link
   * GalleryCalibration#marginCap()}). Genuine faces in disguise, at another age or in poor light
   * land between a person's threshold and this distance; strangers land there too, so such a face
   * settles nothing either way.
   */
  public static final double LOOKALIKE_DISTANCE = OpenSetCalibration.MARGIN_CAP;

  /** Sorts the faces left to right and copies the list. */
  public SceneRecognition {
    faces = faces.stream()
        .sorted(Comparator.comparingDouble((RecognizedFace f) -> f.box().centerX())
            .thenComparingDouble(f -> f.box().centerY()))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * The names of the people recognised, left to right, each once.
   *
   * @return display names
   */
  public List<String> recognizedPeople() {
    Set<String> names = new LinkedHashSet<>();
    for (RecognizedFace f : faces) {
      f.name().ifPresent(names::add);
    }
    return List.copyOf(names);
  }

  /**
   * The faces nobody was recognised in, left to right.
   *
   * @return unknown faces
   */
  public List<RecognizedFace> unknownFaces() {
    return faces.stream().filter(f -> !f.isKnown()).collect(ImmutableList.toImmutableList());
  }

  /**
   * Where a person is, compared case- and diacritic-insensitively ({@link Person#matchKey}).
   *
   * @param name a display name
   * @return that person's face, if recognised
   */
  public Optional<RecognizedFace> find(String name) {
    String key = Person.matchKey(name);
    return faces.stream()
        .filter(f -> f.name().map(n -> Person.matchKey(n).equals(key)).orElse(false))
        .findFirst();
  }

  /**
   * Unknown faces that might still be this person, so that "this person is not here" cannot be said
   * with confidence: faces without a name that have this person among their candidates ({@link
   * RecognizedFace#candidates()}) closer than {@link #LOOKALIKE_DISTANCE}. Being the closest
   * candidate is not required: a disguised face is often a little closer to someone else. Empty
   * when the person is recognised.
   *
   * <pre>{@code
   * if (r.find("Alice").isEmpty() && r.lookalikes("Alice").isEmpty()) {
   *   // Alice is not in this photo, as far as faces can tell
   * }
   * }</pre>
   *
   * @param name a display name
   * @return those faces, left to right
   */
  public List<RecognizedFace> lookalikes(String name) {
    if (find(name).isPresent()) {
      return List.of();
    }
    String key = Person.matchKey(name);
    ImmutableList.Builder<RecognizedFace> out = ImmutableList.builder();
    for (RecognizedFace f : faces) {
      if (f.isKnown()) {
        continue;
      }
      boolean possible = f.candidates().stream()
          .anyMatch(c -> c.distance() < LOOKALIKE_DISTANCE && Person.matchKey(c.name()).equals(key));
      if (possible) {
        out.add(f);
      }
    }
    return out.build();
  }
}
