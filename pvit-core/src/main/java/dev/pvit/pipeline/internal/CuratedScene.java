package dev.pvit.pipeline.internal;

import com.google.common.collect.ImmutableList;
import dev.pvit.image.ImageInput;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A scene kept by phase-1 curation.
 *
 * @param source the scene as read, written to the dataset without re-encoding
 * @param image the decoded scene
 * @param people the people, left to right
 */
public record CuratedScene(ImageInput source, BufferedImage image, List<CuratedPerson> people) {
  /** Copies the list. */
  public CuratedScene {
    people = ImmutableList.copyOf(people);
  }
}
