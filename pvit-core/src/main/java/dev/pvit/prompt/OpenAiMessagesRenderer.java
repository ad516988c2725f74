package dev.pvit.prompt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pvit.prompt.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Renders a prompt as OpenAI-compatible Chat Completions {@code messages}: the first user message's
 * content is a list of interleaved {@code text} and {@code image_url} parts in prefix order
 * (consecutive text segments are joined by a newline); other messages have string content.
 *
 * <pre>{@code
 * ArrayNode messages = OpenAiMessagesRenderer.create().render(prompt);
 * // [{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/jpeg;base64,..."}},
 * //   {"type":"text","text":"This is Alice."},{"type":"image_url",...},{"type":"text","text":"..."}]}]
 * }</pre>
 */
public final class OpenAiMessagesRenderer implements PromptRenderer<ArrayNode> {
  private final ImageMode imageMode;
  private final @Nullable String detail;

  private OpenAiMessagesRenderer(Builder b) {
    this.imageMode = b.imageMode;
    this.detail = b.detail;
  }

  /**
   * A renderer with data URLs and no {@code detail} field.
   *
   * @return the renderer
   */
  public static OpenAiMessagesRenderer create() {
    return builder().build();
  }

  /**
   * A builder for non-default settings.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ArrayNode render(PersonalizedPrompt prompt) {
    checkNotNull(prompt, "prompt");
    ArrayNode messages = Json.NODES.arrayNode();
    for (PromptMessage m : prompt.messages()) {
      ObjectNode msg = messages.addObject();
      msg.put("role", m.role().name().toLowerCase(Locale.ROOT));
      if (!m.hasImages()) {
        msg.put("content", m.text());
        continue;
      }
      ArrayNode content = msg.putArray("content");
      List<String> pending = new ArrayList<>();
      for (PromptSegment s : m.segments()) {
        if (s instanceof PromptSegment.Text t) {
          pending.add(t.text());
        } else {
          flush(content, pending);
          ObjectNode part = content.addObject();
          part.put("type", "image_url");
          ObjectNode url = part.putObject("image_url");
          PromptSegment.Image img = (PromptSegment.Image) s;
          url.put("url", imageMode == ImageMode.INLINE ? img.image().dataUrl() : img.image().name());
          if (detail != null) {
            url.put("detail", detail);
          }
        }
      }
      flush(content, pending);
    }
    return messages;
  }

  /**
   * Renders the messages as compact JSON.
   *
   * @param prompt the prompt
   * @return the {@code messages} array as JSON text
   */
  public String renderJson(PersonalizedPrompt prompt) {
    return Json.compact(render(prompt));
  }

  private static void flush(ArrayNode content, List<String> pending) {
    if (!pending.isEmpty()) {
      ObjectNode part = content.addObject();
      part.put("type", "text");
      part.put("text", String.join("\n", pending));
      pending.clear();
    }
  }

  /** Builder for {@link OpenAiMessagesRenderer}. */
  public static final class Builder {
    private ImageMode imageMode = ImageMode.INLINE;
    private @Nullable String detail;

    private Builder() {}

    /**
     * How images are written ({@link ImageMode#INLINE} data URLs by default; {@link
     * ImageMode#FILE_NAME} shows names, for display only).
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder imageMode(ImageMode mode) {
      this.imageMode = checkNotNull(mode, "mode");
      return this;
    }

    /**
     * Adds {@code "detail"} to every image ({@code low}, {@code high} or {@code auto}).
     *
     * @param detail the detail level
     * @return this builder
     * @throws InvalidPromptException for other values
     */
    public Builder detail(String detail) {
      checkNotNull(detail, "detail");
      if (!List.of("low", "high", "auto").contains(detail)) {
        throw new InvalidPromptException(
            "Image detail '" + detail + "' is not supported; use low, high or auto.");
      }
      this.detail = detail;
      return this;
    }

    /**
     * Builds the renderer.
     *
     * @return the renderer
     */
    public OpenAiMessagesRenderer build() {
      return new OpenAiMessagesRenderer(this);
    }
  }
}
