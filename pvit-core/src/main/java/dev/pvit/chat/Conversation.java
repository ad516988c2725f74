package dev.pvit.chat;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Suppliers;
import dev.pvit.chat.internal.ChatRuntime;
import dev.pvit.chat.internal.ParsedQuestion;
import dev.pvit.client.StreamListener;
import dev.pvit.face.SceneRecognition;
import dev.pvit.image.ImageInput;
import dev.pvit.prompt.Exchange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A multi-turn conversation about one scene at a time. The scene stays the subject until a new one
 * is given, its recognition is computed once, pronouns ("is she smiling?", "are they both here?")
 * refer to the people of the last question that named someone, and "And Bob?" asks the last
 * question again about Bob.
 *
 * <pre>{@code
 * Conversation c = chat.conversation();
 * c.ask(Path.of("party.jpg"), "Is Alice here?");
 * c.ask("Is she smiling?");
 * }</pre>
 *
 * <p>Thread-safe, but turns are meant to come from one user in order.
 */
public final class Conversation {
  private final PersonalizedChat chat;
  private final List<Turn> turns = new ArrayList<>();
  private final List<ParsedQuestion> asked = new ArrayList<>();
  private @Nullable ImageInput scene;
  private @Nullable Supplier<SceneRecognition> recognition;
  /** Completes when the turns asked asynchronously so far are done. */
  private CompletableFuture<?> pending = CompletableFuture.completedFuture(null);

  Conversation(PersonalizedChat chat) {
    this.chat = chat;
  }

  /**
   * One question and its answer.
   *
   * @param scene the scene asked about
   * @param question the question
   * @param answer the answer
   */
  public record Turn(ImageInput scene, String question, Answer answer) {}

  /**
   * Asks about a new scene photo file; it becomes the conversation's subject.
   *
   * @param scene the photo
   * @param question the question
   * @return the answer
   */
  public Answer ask(Path scene, String question) {
    return ask(ImageInput.of(scene), question);
  }

  /**
   * Asks about a new scene; it becomes the conversation's subject.
   *
   * @param scene the photo
   * @param question the question
   * @return the answer
   */
  public synchronized Answer ask(ImageInput scene, String question) {
    checkNotNull(scene, "scene");
    subject(scene);
    return ask(question);
  }

  /**
   * Asks about the current scene.
   *
   * @param question the question
   * @return the answer
   * @throws IllegalStateException if no scene was given yet
   */
  public synchronized Answer ask(String question) {
    return chat.runtime().observe(question, false, () -> turn(question, null));
  }

  /**
   * Asks about the current scene, handing the reply to {@code tokens} as it is written (see {@link
   * PersonalizedChat#ask(ImageInput, String, StreamListener)}).
   *
   * @param question the question
   * @param tokens receives the reply piece by piece, in order, on the calling thread
   * @return the answer
   * @throws IllegalStateException if no scene was given yet
   */
  public synchronized Answer ask(String question, StreamListener tokens) {
    ChatRuntime.TokenSink sink = ChatRuntime.tokens(tokens, null);
    return chat.runtime().observe(question, true, () -> sink.finish(turn(question, sink)));
  }

  /**
   * Asks about a new scene on the chat's executor; turns asked asynchronously are answered in the
   * order they were asked. See {@link PersonalizedChat#askAsync(ImageInput, String)}.
   *
   * @param scene the photo, which becomes the conversation's subject
   * @param question the question
   * @return the answer's future
   */
  public CompletableFuture<Answer> askAsync(ImageInput scene, String question) {
    checkNotNull(scene, "scene");
    return async(scene, question, null);
  }

  /**
   * Asks about the current scene on the chat's executor, after the turns asked before.
   *
   * @param question the question
   * @return the answer's future (failed with {@link IllegalStateException} if no scene was given)
   */
  public CompletableFuture<Answer> askAsync(String question) {
    return async(null, question, null);
  }

  /**
   * Asks about the current scene on the chat's executor, handing the reply to {@code tokens} as it
   * is written; cancelling the future stops the stream.
   *
   * @param question the question
   * @param tokens receives the reply piece by piece
   * @return the answer's future
   */
  public CompletableFuture<Answer> askAsync(String question, StreamListener tokens) {
    checkNotNull(tokens, "tokens");
    return async(null, question, tokens);
  }

  private synchronized CompletableFuture<Answer> async(@Nullable ImageInput newScene, String question,
      @Nullable StreamListener tokens) {
    CompletableFuture<Answer> answer = chat.runtime().submit(question, tokens != null, pending, task -> {
      synchronized (this) {
        if (newScene != null) {
          subject(newScene);
        }
        if (tokens == null) {
          return turn(question, null);
        }
        ChatRuntime.TokenSink sink = ChatRuntime.tokens(tokens, task);
        return sink.finish(turn(question, sink));
      }
    });
    pending = answer.handle((a, e) -> null);
    return answer;
  }

  private void subject(ImageInput newScene) {
    if (!newScene.equals(this.scene)) {
      this.scene = newScene;
      this.recognition = null;
    }
  }

  private Answer turn(String question, @Nullable StreamListener tokens) {
    ImageInput s = scene;
    if (s == null) {
      throw new IllegalStateException("No scene yet: call ask(scene, question) first.");
    }
    Supplier<SceneRecognition> r = recognition;
    if (r == null) {
      r = Suppliers.memoize(() -> chat.recognize(s));
      recognition = r;
    }
    ParsedQuestion parsed = chat.parse(question, List.copyOf(asked));
    List<Exchange> history = turns.stream()
        .filter(t -> t.scene().equals(s))
        .map(t -> new Exchange(t.question(), t.answer().text()))
        .toList();
    Answer answer = chat.ask(s, r, parsed, history, tokens);
    asked.add(parsed);
    turns.add(new Turn(s, question, answer));
    return answer;
  }

  /**
   * The turns so far, oldest first.
   *
   * @return the history
   */
  public synchronized List<Turn> history() {
    return List.copyOf(turns);
  }
}
