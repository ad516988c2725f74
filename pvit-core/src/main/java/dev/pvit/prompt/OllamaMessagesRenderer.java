package dev.pvit.prompt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pvit.image.ImageInput;
import dev.pvit.prompt.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a prompt as Ollama {@code /api/chat} {@code messages}. Ollama places all of a message's
 * images before its text, so interleaving is lost; the text therefore binds names to images by
 * position: {@code "Image 1 is Alice. Image 2 is Bob. Image 3 is the scene.\nWhat is Alice holding?"}.
 * Images go in the first user message's {@code images} array as raw base64 (no {@code data:} prefix).
 * With wrapper tokens, each person's sentence is wrapped, e.g. {@code <person>Image 1 is
 * Alice.</person>}.
 *
 * <pre>{@code
 * ArrayNode messages = OllamaMessagesRenderer.create().render(prompt);
 * }</pre>
 */
public final class OllamaMessagesRenderer implements PromptRenderer<ArrayNode> {
  private final ImageMode imageMode;

  private OllamaMessagesRenderer(ImageMode imageMode) {
    this.imageMode = imageMode;
  }

  /**
   * A renderer with base64 images.
   *
   * @return the renderer
   */
  public static OllamaMessagesRenderer create() {
    return new OllamaMessagesRenderer(ImageMode.INLINE);
  }

  /**
   * A renderer with the given image mode ({@link ImageMode#FILE_NAME} puts names in {@code images},
   * for display only).
   *
   * @param mode how images are written
   * @return the renderer
   */
  public static OllamaMessagesRenderer create(ImageMode mode) {
    return new OllamaMessagesRenderer(checkNotNull(mode, "mode"));
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
      String first =
          ((PromptSegment.Text) m.segments().get(m.segments().size() - 1)).text();
      msg.put("content", bindingText(prompt) + "\n" + first);
      ArrayNode images = msg.putArray("images");
      for (ImageInput img : prompt.images()) {
        images.add(imageMode == ImageMode.INLINE ? img.base64() : img.name());
      }
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

  /**
   * The sentence binding images to people by 1-based position, e.g. {@code "Image 1 is Alice. Images
   * 2 and 3 are Bob. Image 4 is the scene."}.
   *
   * @param prompt the prompt
   * @return the binding text
   */
  public static String bindingText(PersonalizedPrompt prompt) {
    List<String> sentences = new ArrayList<>();
    WrapperTokens w = prompt.wrapperTokens();
    int next = 1;
    for (PromptPerson p : prompt.people()) {
      int n = p.person().references().size();
      String s = numbers(next, n) + p.name() + ".";
      sentences.add(w.isNone() ? s : w.open() + s + w.close());
      next += n;
    }
    int scenes = prompt.scenes().size();
    sentences.add(numbers(next, scenes) + (scenes == 1 ? "the scene." : "the scenes."));
    return String.join(" ", sentences);
  }

  private static String numbers(int first, int count) {
    if (count == 1) {
      return "Image " + first + " is ";
    }
    StringBuilder sb = new StringBuilder("Images ");
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        sb.append(i == count - 1 ? " and " : ", ");
      }
      sb.append(first + i);
    }
    return sb.append(" are ").toString();
  }
}
