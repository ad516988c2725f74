package dev.pvit.pipeline.internal;

import com.google.common.collect.ImmutableList;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A scene kept by phase-1 curation.
 *
 * @param name the input's name
 * @param image the decoded scene
 * @param people the people, left to right
 */
public record CuratedScene(String name, BufferedImage image, List<CuratedPerson> people) {
  /** Copies the list. */
  public CuratedScene {
    people = ImmutableList.copyOf(people);
  }
}
