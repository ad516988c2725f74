package dev.pvit.chat;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Suppliers;
import dev.pvit.chat.internal.ParsedQuestion;
import dev.pvit.face.SceneRecognition;
import dev.pvit.image.ImageInput;
import dev.pvit.prompt.Exchange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    if (!scene.equals(this.scene)) {
      this.scene = scene;
      this.recognition = null;
    }
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
    Answer answer = chat.ask(s, r, parsed, history);
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
