package dev.pvit.pipeline.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import dev.pvit.pipeline.dataset.SampleKind;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One phase-3 sample before it is written: reference crops with their introductions, the scene,
 * and one question/answer pair. The constructor enforces PVIT's consistency rule between the
 * asked-about name and the sample kind.
 *
 * @param category the template or QA family, for {@code stats.json} (e.g. "description")
 * @param kind answerable, or which refusal family
 * @param cnt people in the scene
 * @param references reference crops in introduction order
 * @param scene the scene image, written as is
 * @param question the question
 * @param askedName the name the question is about
 * @param answer the expected answer
 */
public record GeneratedSample(
    String category,
    SampleKind kind,
    int cnt,
    List<Reference> references,
    ImageInput scene,
    String question,
    String askedName,
    String answer) {

  /**
   * A reference crop and its introduction.
   *
   * @param name the introduced name
   * @param image the crop
   * @param introduction the introduction text, e.g. "This is a photo of Kristina."
   */
  public record Reference(String name, BufferedImage image, String introduction) {
    /** Checks the parts. */
    public Reference {
      name = Person.validateName(name);
      checkNotNull(image, "image");
      checkNotNull(introduction, "introduction");
    }
  }

  /** Checks that the asked name fits the kind. */
  public GeneratedSample {
    checkNotNull(category, "category");
    checkNotNull(kind, "kind");
    references = ImmutableList.copyOf(references);
    checkNotNull(scene, "scene");
    checkNotNull(question, "question");
    checkNotNull(answer, "answer");
    askedName = Person.validateName(askedName);
    String key = Person.matchKey(askedName);
    boolean introduced = references.stream().anyMatch(r -> Person.matchKey(r.name()).equals(key));
    checkArgument(kind == SampleKind.UNKNOWN_NAME ? !introduced : introduced,
        "A %s sample about '%s' %s introduce that name", kind, askedName,
        kind == SampleKind.UNKNOWN_NAME ? "must not" : "must");
  }
}
