package dev.pvit.prompt;

/**
 * Turns a {@link PersonalizedPrompt} into one backend's request form. Implementations are immutable
 * and thread-safe.
 *
 * <pre>{@code
 * PromptRenderer<ArrayNode> openAi = OpenAiMessagesRenderer.create();
 * ArrayNode messages = openAi.render(prompt);
 * }</pre>
 *
 * @param <T> the rendered form
 */
@FunctionalInterface
public interface PromptRenderer<T> {
  /**
   * Renders the prompt.
   *
   * @param prompt the prompt
   * @return the rendered form
   */
  T render(PersonalizedPrompt prompt);
}
