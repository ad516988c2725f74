package dev.pvit.chat.internal;

import com.google.common.base.Stopwatch;
import dev.pvit.client.StreamListener;
import dev.pvit.face.SceneRecognition;
import dev.pvit.image.ImageInput;
import dev.pvit.prompt.Exchange;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One question for a {@link ModeAnswerer}.
 *
 * @param scene the photo
 * @param recognition the scene's recognition, computed on first use (a conversation reuses it, and
 *     in-context mode never runs it)
 * @param parsed the parsed question
 * @param history earlier turns about the same scene, oldest first
 * @param tokens receives the model's reply as it streams, or null for a blocking (non-streamed) call
 */
public record Request(ImageInput scene, Supplier<SceneRecognition> recognition, ParsedQuestion parsed,
    List<Exchange> history, @Nullable StreamListener tokens) {
  /** Copies the history. */
  public Request {
    history = List.copyOf(history);
  }

  /**
   * A request answered without streaming.
   *
   * @param scene the photo
   * @param recognition the scene's recognition, computed on first use
   * @param parsed the parsed question
   * @param history earlier turns about the same scene, oldest first
   */
  public Request(ImageInput scene, Supplier<SceneRecognition> recognition, ParsedQuestion parsed,
      List<Exchange> history) {
    this(scene, recognition, parsed, history, null);
  }

  /**
   * The question as asked.
   *
   * @return the text
   */
  public String question() {
    return parsed.text();
  }

  /**
   * The scene's recognition and the time it took (zero when it was already computed).
   *
   * @param scene the recognised faces
   * @param time time spent recognising them
   */
  public record Timed(SceneRecognition scene, Duration time) {}

  /**
   * Recognises the scene (or reuses its recognition).
   *
   * @return the recognition and its time
   */
  public Timed recognize() {
    Stopwatch clock = Stopwatch.createStarted();
    SceneRecognition r = recognition.get();
    return new Timed(r, clock.elapsed());
  }

  /**
   * The source of randomness for choosing phrasings: the same chat seed and question give the same
   * answer.
   *
   * @param seed the chat's seed
   * @return a generator
   */
  public Random random(long seed) {
    return new Random(seed * 31 + question().hashCode());
  }
}
