package dev.pvit.pipeline.curation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.pvit.image.ImageInput;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A scene kept by phase-1 curation.
 *
 * @param source the scene as read, written to the dataset without re-encoding
 * @param image the decoded scene, upright
 * @param people the people kept (exactly one face in their box), left to right
 * @param faces every face detected, including people not kept, left to right; their number is the
 *     number of people in the scene ({@code cnt})
 */
public record CuratedScene(ImageInput source, BufferedImage image, List<CuratedPerson> people, List<SceneFace> faces) {
  /** Copies the lists and checks that every person's face is among the faces. */
  public CuratedScene {
    checkNotNull(source, "source");
    checkNotNull(image, "image");
    people = ImmutableList.copyOf(people);
    faces = ImmutableList.copyOf(faces);
    for (CuratedPerson p : people) {
      checkArgument(faces.contains(p.face()), "The face of a kept person is missing from the scene's faces");
    }
  }

  /**
   * Number of people in the scene: every detected face.
   *
   * @return the count
   */
  public int peopleCount() {
    return faces.size();
  }

  /**
   * A person's position among all faces, counted from the left.
   *
   * @param person one of {@link #people()}
   * @return 0 for the leftmost face
   */
  public int position(CuratedPerson person) {
    int i = faces.indexOf(person.face());
    checkArgument(i >= 0, "Not a person of this scene");
    return i;
  }

  /**
   * The people whose face crop passed the quality filter, left to right.
   *
   * @return the usable people
   */
  public List<CuratedPerson> usablePeople() {
    return people.stream().filter(CuratedPerson::usableAsReference).toList();
  }
}
