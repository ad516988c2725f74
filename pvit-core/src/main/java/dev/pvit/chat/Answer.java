package dev.pvit.chat;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.List;

/**
 * The answer to a question about a scene.
 *
 * <pre>{@code
 * Answer a = chat.ask(Path.of("party.jpg"), "Is Alice here?");
 * switch (a.kind()) {
 *   case ANSWERED -> show(a.text());
 *   case PERSON_ABSENT, PERSON_UNKNOWN -> showRefusal(a.text());
 *   default -> show(a.text());
 * }
 * }</pre>
 *
 * @param text the answer in natural language, using the registered names
 * @param kind what kind of answer this is
 * @param people exactly the registered people recognised in the scene, left to right (empty when
 *     the backend did not run local recognition)
 * @param facesDetected all faces found in the scene, registered or not (-1 when no local
 *     recognition ran)
 * @param backend which backend answered
 * @param recognitionTime time spent on local face recognition ({@link Duration#ZERO} if none)
 * @param modelTime time spent waiting for the vision-language model ({@link Duration#ZERO} if none)
 * @param usage token usage reported by the model, or {@link TokenCount#NONE}
 */
public record Answer(
    String text,
    AnswerKind kind,
    List<RecognizedPerson> people,
    int facesDetected,
    Backend backend,
    Duration recognitionTime,
    Duration modelTime,
    TokenCount usage) {

  /** Checks and copies the parts. */
  public Answer {
    checkNotNull(text, "text");
    checkNotNull(kind, "kind");
    people = List.copyOf(people);
    checkNotNull(backend, "backend");
    checkNotNull(recognitionTime, "recognitionTime");
    checkNotNull(modelTime, "modelTime");
    checkNotNull(usage, "usage");
  }

  /**
   * Whether the answer is a refusal because a person is absent or unknown.
   *
   * @return true for {@link AnswerKind#PERSON_ABSENT} and {@link AnswerKind#PERSON_UNKNOWN}
   */
  public boolean isRefusal() {
    return kind == AnswerKind.PERSON_ABSENT || kind == AnswerKind.PERSON_UNKNOWN;
  }

  /**
   * Token counts reported by a model server.
   *
   * @param promptTokens tokens in the request (-1 if not reported)
   * @param completionTokens tokens in the answer (-1 if not reported)
   */
  public record TokenCount(int promptTokens, int completionTokens) {
    /** No model was called, or it reported nothing. */
    public static final TokenCount NONE = new TokenCount(-1, -1);

    /**
     * Whether the server reported usage.
     *
     * @return true if either count is known
     */
    public boolean reported() {
      return promptTokens >= 0 || completionTokens >= 0;
    }
  }
}
