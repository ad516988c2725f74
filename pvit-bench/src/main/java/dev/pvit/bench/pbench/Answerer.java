package dev.pvit.bench.pbench;

import dev.pvit.chat.Answer;
import dev.pvit.chat.Backend;
import dev.pvit.image.ImageInput;

/**
 * What the benchmark asks: a backend that answers questions about scenes. {@link ChatAnswerer}
 * adapts a {@link dev.pvit.chat.PersonalizedChat}; tests use fakes.
 */
public interface Answerer {
  /**
   * Which backend answers; decides how refusals and choices are read.
   *
   * @return the backend
   */
  Backend backend();

  /**
   * Whether a vision-language model is behind the backend (description questions are asked only
   * then).
   *
   * @return true for in-context and grounded
   */
  default boolean hasVisionModel() {
    return backend() != Backend.EMBEDDED;
  }

  /**
   * Starts asking about one scene; questions about the same scene go through one session so local
   * recognition runs once.
   *
   * @param scene the photo
   * @return a session
   */
  Session scene(ImageInput scene);

  /** Questions about one scene. */
  interface Session {
    /**
     * Asks one question.
     *
     * @param question the question
     * @return the answer
     */
    Answer ask(String question);
  }
}
