package dev.pvit.prompt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pvit.image.ImageInput;
import dev.pvit.prompt.internal.Json;
import dev.pvit.prompt.internal.SegmentText;

/**
 * Renders a prompt as a PVIT/LLaVA conversation record, exactly the released shape:
 *
 * <pre>{@code
 * {"image":["alice.jpg","party.jpg"],"cnt":2,"conversations":[
 *   {"from":"human","value":"<image>\nThis is Alice.\n<image>\nWhat is Alice holding?"},
 *   {"from":"gpt","value":"A red cup."}]}
 * }</pre>
 *
 * <p>The {@code image} list is in placeholder order (references first, scenes last). {@code cnt} and
 * the final {@code gpt} turn appear only when the {@link LlavaRecord} has them. Only the roles the
 * release's training loader knows are written ({@code human} and {@code gpt}; any other role is a
 * {@code KeyError} there): a system prompt is folded into the first human turn, before the first
 * image placeholder, separated by a blank line ({@link LlavaConversationParser} reads such leading
 * text back as the system prompt). Choice records render as {@code
 * {"image":[...],"text":...,"value":...,"mode":...}} and always carry {@code mode}, which the
 * release's P-Bench script reads: the record's own {@code mode} extra field, or {@value
 * #DEFAULT_MODE}. Extra fields follow the standard ones, in their order.
 * Thread-safe. {@link LlavaConversationParser} is the inverse.
 *
 * <pre>{@code
 * String line = LlavaConversationRenderer.create().renderJson(LlavaRecord.of(prompt).withAnswer("Yes."));
 * }</pre>
 */
public final class LlavaConversationRenderer implements PromptRenderer<ObjectNode> {
  /** The {@code mode} of a choice record that has none. */
  public static final String DEFAULT_MODE = "choice";

  private final ImageMode imageMode;

  private LlavaConversationRenderer(ImageMode imageMode) {
    this.imageMode = imageMode;
  }

  /**
   * A renderer writing image names (paths), as dataset files do.
   *
   * @return the renderer
   */
  public static LlavaConversationRenderer create() {
    return new LlavaConversationRenderer(ImageMode.FILE_NAME);
  }

  /**
   * A renderer with the given image mode ({@link ImageMode#INLINE} writes data URLs).
   *
   * @param mode how images are written
   * @return the renderer
   */
  public static LlavaConversationRenderer create(ImageMode mode) {
    return new LlavaConversationRenderer(checkNotNull(mode, "mode"));
  }

  @Override
  public ObjectNode render(PersonalizedPrompt prompt) {
    return render(LlavaRecord.of(prompt));
  }

  /**
   * Renders a record with its answer, {@code cnt} and extra fields.
   *
   * @param record the record
   * @return the JSON object
   * @throws InvalidPromptException if a choice record has a system prompt or history
   */
  public ObjectNode render(LlavaRecord record) {
    checkNotNull(record, "record");
    PersonalizedPrompt prompt = record.prompt();
    ObjectNode root = Json.NODES.objectNode();
    ArrayNode images = root.putArray("image");
    for (ImageInput img : prompt.images()) {
      images.add(imageMode == ImageMode.INLINE ? img.dataUrl() : img.name());
    }
    String placeholder = prompt.imagePlaceholder().token();
    String first = SegmentText.join(prompt.segments(), s -> placeholder);
    if (record.shape() == LlavaRecord.Shape.CHOICE) {
      if (prompt.systemPrompt().isPresent() || !prompt.history().isEmpty()) {
        throw new InvalidPromptException(
            "A choice record holds a single question; this prompt has a system prompt or history. "
                + "Render it as a CONVERSATION record instead.");
      }
      root.put("text", first);
      record.answer().ifPresent(a -> root.put("value", a));
      if (!record.extraFields().containsKey("mode")) {
        root.put("mode", DEFAULT_MODE);
      }
    } else {
      record.peopleInScene().ifPresent(n -> root.put("cnt", n));
      ArrayNode turns = root.putArray("conversations");
      String system = prompt.systemPrompt().map(sp -> sp + "\n\n").orElse("");
      for (PromptMessage m : prompt.messages()) {
        switch (m.role()) {
          case SYSTEM:
            break;
          case USER:
            turns.addObject().put("from", "human").put("value", m.hasImages() ? system + first : m.text());
            break;
          default:
            turns.addObject().put("from", "gpt").put("value", m.text());
            break;
        }
      }
      record.answer().ifPresent(a -> turns.addObject().put("from", "gpt").put("value", a));
    }
    record.extraFields().forEach((k, v) -> root.set(k, v.deepCopy()));
    return root;
  }

  /**
   * Renders a prompt as one compact JSON line.
   *
   * @param prompt the prompt
   * @return the record as JSON text
   */
  public String renderJson(PersonalizedPrompt prompt) {
    return Json.compact(render(prompt));
  }

  /**
   * Renders a record as one compact JSON line (a JSONL line).
   *
   * @param record the record
   * @return the record as JSON text
   */
  public String renderJson(LlavaRecord record) {
    return Json.compact(render(record));
  }
}
