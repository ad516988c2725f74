package dev.pvit.chat;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.client.TokenUsage;
import java.time.Duration;
import java.util.Optional;
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
 * @param usage token usage reported by the model, if a model was called and reported it
 * @param intent the question's family as understood by the embedded parser ({@link Intent#UNKNOWN}
 *     if it was not understood)
 * @param abstention why the question was not answered locally, when it was not (the answer then
 *     has kind {@link AnswerKind#NEEDS_VISION_MODEL} in embedded mode, or comes from the model in
 *     grounded mode)
 */
public record Answer(
    String text,
    AnswerKind kind,
    List<RecognizedPerson> people,
    int facesDetected,
    Backend backend,
    Duration recognitionTime,
    Duration modelTime,
    Optional<TokenUsage> usage,
    Intent intent,
    Optional<Abstention> abstention) {

  /** Checks and copies the parts. */
  public Answer {
    checkNotNull(text, "text");
    checkNotNull(kind, "kind");
    people = List.copyOf(people);
    checkNotNull(backend, "backend");
    checkNotNull(recognitionTime, "recognitionTime");
    checkNotNull(modelTime, "modelTime");
    checkNotNull(usage, "usage");
    checkNotNull(intent, "intent");
    checkNotNull(abstention, "abstention");
  }

  /**
   * Whether the answer is a refusal because a person is absent or unknown.
   *
   * @return true for {@link AnswerKind#PERSON_ABSENT} and {@link AnswerKind#PERSON_UNKNOWN}
   */
  public boolean isRefusal() {
    return kind == AnswerKind.PERSON_ABSENT || kind == AnswerKind.PERSON_UNKNOWN;
  }
}
