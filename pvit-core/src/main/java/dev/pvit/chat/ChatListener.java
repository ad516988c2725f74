package dev.pvit.chat;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.client.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Observes a chat in production: called when a question arrives, when it is answered and when it
 * fails, with timings, the answer's kind and intent, the backend and token usage. Register it with
 * {@link PersonalizedChat.Builder#listener(ChatListener)}.
 *
 * <p>Events carry nothing biometric or secret: no face descriptors, no image bytes, no API keys and
 * no names of the people recognised, only counts. The question text is included only when the
 * application opts in with {@link PersonalizedChat.Builder#listenerQuestionText(boolean)}.
 *
 * <p>Methods are called on the thread that answers (the caller's, or the chat's executor for async
 * questions), synchronously: keep them fast. An exception thrown by a listener is logged and
 * otherwise ignored; it never changes an answer.
 *
 * <pre>{@code
 * PersonalizedChat chat = PersonalizedChat.builder()
 *     .listener(new ChatListener() {
 *       @Override
 *       public void onAnswer(ChatListener.Answered e) {
 *         log.info("{} {} in {} ms, {} tokens", e.backend(), e.kind(), e.total().toMillis(),
 *             e.usage().map(TokenUsage::totalTokens).orElse(0));
 *       }
 *     })
 *     .build();
 * }</pre>
 */
public interface ChatListener {

  /**
   * A question arrived (before it is checked or parsed).
   *
   * @param event the request
   */
  default void onRequest(Requested event) {}

  /**
   * A question was answered (refusals and abstentions included).
   *
   * @param event the answer
   */
  default void onAnswer(Answered event) {}

  /**
   * A question failed with an exception (invalid input, an unreadable photo, a model failure, a
   * cancellation or a timeout).
   *
   * @param event the failure
   */
  default void onError(Failed event) {}

  /**
   * A question arrived.
   *
   * @param id identifies the question across its events (increasing per chat)
   * @param at when it arrived
   * @param backend the chat's backend
   * @param streaming whether the caller asked for the reply as it streams
   * @param question the question text, only if the application opted in
   */
  record Requested(long id, Instant at, Backend backend, boolean streaming, Optional<String> question) {
    /** Checks the parts. */
    public Requested {
      checkNotNull(at, "at");
      checkNotNull(backend, "backend");
      checkNotNull(question, "question");
    }
  }

  /**
   * A question was answered.
   *
   * @param id the question's id
   * @param backend the backend that answered
   * @param kind the answer's kind
   * @param intent the question's family as the parser understood it
   * @param abstention why the question was not answered locally, if it was not
   * @param total time from arrival to answer (waiting in the executor's queue included)
   * @param recognitionTime time spent on local face recognition
   * @param modelTime time spent waiting for the vision-language model
   * @param usage the model's token usage, if a model was called and reported it
   * @param facesDetected faces found in the scene (-1 when no local recognition ran)
   * @param peopleRecognized how many registered people were recognised
   * @param question the question text, only if the application opted in
   */
  record Answered(long id, Backend backend, AnswerKind kind, Intent intent, Optional<Abstention.Reason> abstention,
      Duration total, Duration recognitionTime, Duration modelTime, Optional<TokenUsage> usage,
      int facesDetected, int peopleRecognized, Optional<String> question) {
    /** Checks the parts. */
    public Answered {
      checkNotNull(backend, "backend");
      checkNotNull(kind, "kind");
      checkNotNull(intent, "intent");
      checkNotNull(abstention, "abstention");
      checkNotNull(total, "total");
      checkNotNull(recognitionTime, "recognitionTime");
      checkNotNull(modelTime, "modelTime");
      checkNotNull(usage, "usage");
      checkNotNull(question, "question");
    }
  }

  /**
   * A question failed.
   *
   * @param id the question's id
   * @param backend the chat's backend
   * @param total time from arrival to failure
   * @param errorType the exception's class name, e.g. {@code dev.pvit.client.RateLimitException}
   * @param retriable whether repeating the question later may succeed
   * @param message the exception's message (SDK messages hold no image data, keys or descriptors)
   * @param question the question text, only if the application opted in
   */
  record Failed(long id, Backend backend, Duration total, String errorType, boolean retriable, String message,
      Optional<String> question) {
    /** Checks the parts. */
    public Failed {
      checkNotNull(backend, "backend");
      checkNotNull(total, "total");
      checkNotNull(errorType, "errorType");
      checkNotNull(message, "message");
      checkNotNull(question, "question");
    }
  }
}
