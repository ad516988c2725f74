package dev.pvit.face;

import com.google.common.collect.ImmutableList;
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
}
