package dev.pvit.pipeline.dataset;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The question templates of phase 3, written for this SDK. Slots: {@code {name}} for one person,
 * {@code {name1}}, {@code {name2}}, {@code {name3}} for several. Answers are built from the scene's
 * description ({@link dev.pvit.pipeline.text.SceneDescription}) and its measured facts, never
 * from the template.
 */
public final class QuestionTemplates {
  /** Description questions about one person. */
  public static final List<String> DESCRIBE_ONE = ImmutableList.of(
      "Can you describe {name} in this image?",
      "What does {name} look like in this photo?",
      "Describe {name} as they appear in the picture.",
      "Tell me about {name} in this image.",
      "How does {name} appear in this photo?",
      "Give a short description of {name} in the picture.");

  /** Description questions about two people. */
  public static final List<String> DESCRIBE_TWO = ImmutableList.of(
      "Can you describe {name1} and {name2} in this image?",
      "What do {name1} and {name2} look like in this photo?",
      "Describe {name1} and {name2} as they appear in the picture.",
      "Tell me about {name1} and {name2} in this image.");

  /** Description questions about three people. */
  public static final List<String> DESCRIBE_THREE = ImmutableList.of(
      "Can you describe {name1}, {name2} and {name3} in this image?",
      "What do {name1}, {name2} and {name3} look like in this photo?",
      "Describe {name1}, {name2} and {name3} as they appear in the picture.");

  /** Whether a person is in the scene. */
  public static final List<String> PRESENCE = ImmutableList.of(
      "Is {name} in this image?",
      "Can you see {name} in this photo?",
      "Does {name} appear in this picture?",
      "Is {name} present in the scene?");

  /** Where a person is in the scene. */
  public static final List<String> LOCATION = ImmutableList.of(
      "Where is {name} in this image?",
      "Which person in the photo is {name}?",
      "Where can {name} be found in this picture?",
      "Can you point out where {name} is in the scene?");

  /** How many people the scene shows. */
  public static final List<String> COUNT = ImmutableList.of(
      "How many people are in this image?",
      "How many people can you see in this photo?",
      "Count the people in this picture.");

  private QuestionTemplates() {}

  /**
   * Fills numbered slots {@code {name1}}, {@code {name2}}, ... and {@code {name}} (the first name).
   *
   * @param template the template
   * @param names the names, in slot order
   * @return the filled text
   */
  public static String fill(String template, List<String> names) {
    String s = template;
    for (int i = 0; i < names.size(); i++) {
      s = s.replace("{name" + (i + 1) + "}", names.get(i));
    }
    if (!names.isEmpty()) {
      s = s.replace("{name}", names.get(0));
    }
    return s;
  }
}
