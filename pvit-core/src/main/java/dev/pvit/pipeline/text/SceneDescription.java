package dev.pvit.pipeline.text;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The text of one scene. Per-person texts use the {@code <name>} placeholder; the fused text uses
 * numbered placeholders {@code <name1>}, {@code <name2>}, ... in the order of {@link
 * dev.pvit.pipeline.curation.CuratedScene#people()}.
 *
 * @param holistic the whole-scene description
 * @param people one description per kept person, with {@code <name>}
 * @param fused the merged description, with numbered placeholders
 * @param fromModel true if a vision-language model wrote it, false for the engine-only structured
 *     description
 */
public record SceneDescription(String holistic, List<String> people, String fused, boolean fromModel) {
  /** Copies the list. */
  public SceneDescription {
    checkNotNull(holistic, "holistic");
    checkNotNull(fused, "fused");
    people = ImmutableList.copyOf(people);
  }

  /**
   * The numbered placeholder of the {@code k}-th person.
   *
   * @param k index in {@code people}, from 0
   * @return {@code <name1>} for {@code k = 0}
   */
  public static String placeholder(int k) {
    return "<name" + (k + 1) + ">";
  }
}
