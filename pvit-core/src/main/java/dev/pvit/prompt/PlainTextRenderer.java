package dev.pvit.prompt;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.prompt.internal.SegmentText;

/**
 * Renders a prompt as plain text plus the ordered image list.
 *
 * <p>A prompt without system prompt or history renders as the bare first user message, e.g. {@code
 * "<image>\nThis is Alice.\n<image>\nWhat is Alice holding?"}. Otherwise the system prompt comes
 * first, followed by a blank line, and each message is a line group labelled {@code USER: } or
 * {@code ASSISTANT: } (the LLaVA v1 conversation labels), ending with {@code ASSISTANT:} so the engine
 * continues as the assistant. The labels are reserved tokens, so names and questions cannot fake them.
 *
 * <pre>{@code
 * TextPrompt tp = PlainTextRenderer.create().render(prompt);
 * engine.generate(tp.text(), tp.images());
 * }</pre>
 */
public final class PlainTextRenderer implements PromptRenderer<TextPrompt> {
  private PlainTextRenderer() {}

  /**
   * The renderer.
   *
   * @return a renderer
   */
  public static PlainTextRenderer create() {
    return new PlainTextRenderer();
  }

  @Override
  public TextPrompt render(PersonalizedPrompt prompt) {
    checkNotNull(prompt, "prompt");
    String placeholder = prompt.imagePlaceholder().token();
    String first = SegmentText.join(prompt.segments(), img -> placeholder);
    if (prompt.systemPrompt().isEmpty() && prompt.history().isEmpty()) {
      return new TextPrompt(first, prompt.images());
    }
    StringBuilder sb = new StringBuilder();
    for (PromptMessage m : prompt.messages()) {
      switch (m.role()) {
        case SYSTEM:
          sb.append(m.text()).append("\n\n");
          break;
        case USER:
          sb.append("USER: ").append(m.hasImages() ? first : m.text()).append('\n');
          break;
        default:
          sb.append("ASSISTANT: ").append(m.text()).append('\n');
          break;
      }
    }
    sb.append("ASSISTANT:");
    return new TextPrompt(sb.toString(), prompt.images());
  }
}
