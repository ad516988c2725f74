package dev.pvit.pipeline.text;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.pipeline.curation.CuratedScene;

/**
 * A curated scene with its phase-2 text.
 *
 * @param scene the scene
 * @param description its text, one person description per kept person
 */
public record DescribedScene(CuratedScene scene, SceneDescription description) {
  /** Checks that there is one description per person. */
  public DescribedScene {
    checkNotNull(scene, "scene");
    checkNotNull(description, "description");
    checkArgument(scene.people().size() == description.people().size(),
        "%s people but %s person descriptions", scene.people().size(), description.people().size());
  }
}
