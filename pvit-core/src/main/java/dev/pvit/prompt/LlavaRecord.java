package dev.pvit.prompt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableMap;
import dev.pvit.prompt.internal.TokenGuard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One PVIT/LLaVA dataset record: a prompt, the expected answer, the number of people in the scene
 * ({@code cnt}), the record shape and any other top-level fields (kept so a record re-renders
 * unchanged).
 *
 * <pre>{@code
 * LlavaRecord r = LlavaRecord.of(prompt).withAnswer("A red cup.").withPeopleInScene(2);
 * String line = LlavaConversationRenderer.create().renderJson(r);
 * }</pre>
 *
 * @param prompt the prompt
 * @param answer the expected answer (the last {@code gpt} turn, or {@code value} for choice records)
 * @param peopleInScene the {@code cnt} field
 * @param shape conversation or multiple-choice record
 * @param extraFields other top-level fields, in order (deep copies)
 */
public record LlavaRecord(
    PersonalizedPrompt prompt,
    Optional<String> answer,
    OptionalInt peopleInScene,
    Shape shape,
    Map<String, JsonNode> extraFields) {

  /** The two released record shapes. */
  public enum Shape {
    /** {@code {"image":[...], "cnt"?:N, "conversations":[{"from":"human",...},...]}} (PVIT-3M). */
    CONVERSATION,
    /** {@code {"image":[...], "text":"<image>\n...", "value":"A", "mode":...}} (P-Bench choice). */
    CHOICE
  }

  private static final Set<String> STANDARD_FIELDS =
      Set.of("image", "cnt", "conversations", "text", "value");

  /**
   * Checks nulls and copies the extra fields.
   *
   * @throws InvalidPromptException if an extra field has a standard field's name, or the answer
   *     contains a reserved token or control character
   */
  public LlavaRecord {
    checkNotNull(prompt, "prompt");
    checkNotNull(answer, "answer");
    checkNotNull(peopleInScene, "peopleInScene");
    checkNotNull(shape, "shape");
    answer.ifPresent(a -> checkAnswer(a, prompt));
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    extraFields.forEach(
        (k, v) -> {
          if (STANDARD_FIELDS.contains(k)) {
            throw new InvalidPromptException(
                "The extra field '" + k + "' clashes with a standard record field; rename it.");
          }
          copy.put(k, v.deepCopy());
        });
    extraFields = ImmutableMap.copyOf(copy);
  }

  private static void checkAnswer(String answer, PersonalizedPrompt prompt) {
    TokenGuard guard =
        TokenGuard.of(
            List.of(prompt.imagePlaceholder().token(), prompt.wrapperTokens().open(), prompt.wrapperTokens().close()));
    Optional<TokenGuard.Match> m = guard.find(answer);
    if (m.isPresent()) {
      throw new InvalidPromptException(
          "The expected answer contains the reserved prompt token '" + m.get().token() + "' at position "
              + m.get().start() + "; it would change the record's structure. Remove it.");
    }
    int control = TokenGuard.findControl(answer, true);
    if (control >= 0) {
      throw new InvalidPromptException(
          "The expected answer contains the control character U+"
              + String.format("%04X", answer.codePointAt(control)) + " at position " + control + "; remove it.");
    }
  }

  /**
   * A conversation record with no answer, {@code cnt} or extra fields.
   *
   * @param prompt the prompt
   * @return the record
   */
  public static LlavaRecord of(PersonalizedPrompt prompt) {
    return new LlavaRecord(prompt, Optional.empty(), OptionalInt.empty(), Shape.CONVERSATION, Map.of());
  }

  /**
   * This record with an expected answer.
   *
   * @param expected the answer
   * @return a new record
   */
  public LlavaRecord withAnswer(String expected) {
    return new LlavaRecord(prompt, Optional.of(expected), peopleInScene, shape, extraFields);
  }

  /**
   * This record with {@code cnt}.
   *
   * @param count number of people in the scene
   * @return a new record
   */
  public LlavaRecord withPeopleInScene(int count) {
    return new LlavaRecord(prompt, answer, OptionalInt.of(count), shape, extraFields);
  }

  /**
   * This record with another shape.
   *
   * @param newShape the shape
   * @return a new record
   */
  public LlavaRecord withShape(Shape newShape) {
    return new LlavaRecord(prompt, answer, peopleInScene, newShape, extraFields);
  }

  /**
   * This record with extra top-level fields.
   *
   * @param fields fields written after the standard ones
   * @return a new record
   */
  public LlavaRecord withExtraFields(Map<String, JsonNode> fields) {
    return new LlavaRecord(prompt, answer, peopleInScene, shape, fields);
  }
}
