package dev.pvit.pipeline.dataset;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One phase-3 sample before it is written: reference crops with their introductions, the scene,
 * and one question/answer pair. The constructor enforces PVIT's consistency rule between the asked
 * names and the sample kind: an answerable or absent-person sample asks only about introduced
 * names, an unknown-name sample asks about exactly one name that was not introduced.
 *
 * @param category the template or QA family, for {@code stats.json} (e.g. "description_1")
 * @param kind answerable, or which refusal family
 * @param cnt people in the scene
 * @param references reference crops in introduction order
 * @param scene the scene image, written as is
 * @param question the question
 * @param askedNames the names the question is about (may be empty, e.g. for a count question)
 * @param answer the expected answer
 */
public record GeneratedSample(
    String category,
    SampleKind kind,
    int cnt,
    List<Reference> references,
    ImageInput scene,
    String question,
    List<String> askedNames,
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

  /** Checks that the asked names fit the kind and that no name is introduced twice. */
  public GeneratedSample {
    checkNotNull(category, "category");
    checkNotNull(kind, "kind");
    references = ImmutableList.copyOf(references);
    checkNotNull(scene, "scene");
    checkNotNull(question, "question");
    checkNotNull(answer, "answer");
    askedNames = askedNames.stream().map(Person::validateName).toList();
    checkArgument(cnt >= 0, "cnt must not be negative, got %s", cnt);
    Set<String> introduced = new HashSet<>();
    for (Reference r : references) {
      checkArgument(introduced.add(Person.matchKey(r.name())), "'%s' is introduced twice", r.name());
    }
    if (kind == SampleKind.ANSWERABLE) {
      for (String n : askedNames) {
        checkArgument(introduced.contains(Person.matchKey(n)),
            "An answerable sample about '%s' must introduce that name", n);
      }
    } else {
      checkArgument(askedNames.size() == 1, "A %s sample asks about exactly one name", kind);
      boolean known = introduced.contains(Person.matchKey(askedNames.get(0)));
      checkArgument(kind == SampleKind.UNKNOWN_NAME ? !known : known,
          "A %s sample about '%s' %s introduce that name", kind, askedNames.get(0),
          kind == SampleKind.UNKNOWN_NAME ? "must not" : "must");
    }
  }
}
