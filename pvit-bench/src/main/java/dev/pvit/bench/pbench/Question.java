package dev.pvit.bench.pbench;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Optional;

/**
 * One generated (or loaded) benchmark question with its expected answer.
 *
 * @param id stable id within the run, e.g. {@code q0007}
 * @param category what it tests
 * @param scene the scene file it is about, relative to the data folder (or the records' image folder)
 * @param text the question as asked
 * @param expected the expected answer: {@code yes}/{@code no}, an option letter, a number, {@code
 *     refuse} or, for descriptions, the labelled object
 * @param options multiple-choice options in letter order (A, B, …); empty otherwise
 * @param subject the name the question is about, if one
 * @param registeredInScene how many registered people the labels put in the scene
 * @param keywords for descriptions: any of these words in the answer counts as correct
 * @param present the registered names the labels put in the scene (the ground truth an answer's
 *     statements about who is here are checked against), or empty when the question's source has no
 *     such labels (P-Bench records)
 */
public record Question(
    String id,
    Category category,
    String scene,
    String text,
    String expected,
    List<String> options,
    Optional<String> subject,
    int registeredInScene,
    List<String> keywords,
    Optional<List<String>> present) {

  /** The text of the last option of every identification question. */
  public static final String NONE_OF_THEM = "none of them";

  /** Checks and copies the parts. */
  public Question {
    checkNotNull(id, "id");
    checkNotNull(category, "category");
    checkNotNull(scene, "scene");
    checkNotNull(text, "text");
    checkNotNull(expected, "expected");
    options = List.copyOf(options);
    checkNotNull(subject, "subject");
    keywords = List.copyOf(keywords);
    present = present.map(List::copyOf);
  }

  /**
   * This question with another id.
   *
   * @param newId the id
   * @return a copy
   */
  public Question withId(String newId) {
    return new Question(newId, category, scene, text, expected, options, subject, registeredInScene, keywords, present);
  }

  /**
   * The letter of option {@code i} (A for 0).
   *
   * @param i the option index
   * @return the letter
   */
  public static String letter(int i) {
    return String.valueOf((char) ('A' + i));
  }

  /**
   * The P-Bench bucket of the registered-people count: {@code 0}, {@code 1}, {@code 2}, {@code 3}
   * or {@code ≥4}.
   *
   * @return the bucket label
   */
  public String peopleBucket() {
    return registeredInScene >= 4 ? "≥4" : String.valueOf(registeredInScene);
  }
}
