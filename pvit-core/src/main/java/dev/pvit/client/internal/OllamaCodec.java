package dev.pvit.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pvit.client.ChatMessage;
import dev.pvit.client.ContentPart;
import dev.pvit.client.FinishReason;
import dev.pvit.client.ImagePart;
import dev.pvit.client.TextPart;
import dev.pvit.client.VisionChatRequest;
import dev.pvit.client.VisionChatResponse;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Ollama {@code /api/chat} dialect.
 *
 * <p>Ollama takes a message's images as a separate {@code images} array of raw base64 and places
 * them all before the message text (ollama#10274), so the order of text and images is lost. Each
 * user message with images is therefore rewritten: the images go to {@code images} in their
 * original order, numbered across the whole request, and the text gets a marker such as {@code
 * [Image 2]} where each image stood, after a leading line {@value #NUMBERING_NOTE}.
 *
 * @param model the model name
 * @param temperature default temperature, or null
 * @param maxTokens default {@code num_predict}, or null
 * @param keepAliveSeconds the {@code keep_alive} value in seconds (negative: keep loaded), or null
 *     to use the server's default; sent as a number because Ollama parses strings with Go's {@code
 *     time.ParseDuration}, which rejects a unit-less {@code "-1"}
 * @param extraOptions further {@code options} entries (e.g. {@code num_ctx})
 */
public record OllamaCodec(
    String model,
    @Nullable Double temperature,
    @Nullable Integer maxTokens,
    @Nullable Long keepAliveSeconds,
    Map<String, Number> extraOptions)
    implements WireCodec {

  /** The line put before the text of each user message that carries images. */
  public static final String NUMBERING_NOTE = "Images are numbered in the order given.";

  /**
   * Creates the codec; the options map is copied.
   *
   * @param model the model name
   * @param temperature default temperature, or null
   * @param maxTokens default {@code num_predict}, or null
   * @param keepAliveSeconds the {@code keep_alive} value in seconds, or null
   * @param extraOptions further {@code options} entries
   */
  public OllamaCodec {
    extraOptions = Map.copyOf(extraOptions);
  }

  /**
   * The marker that stands for an image in the rewritten text.
   *
   * @param number the image number, from 1
   * @return e.g. {@code [Image 1]}
   */
  public static String marker(int number) {
    return "[Image " + number + "]";
  }

  @Override
  public String serverKind() {
    return "Ollama server";
  }

  @Override
  public Framing framing() {
    return Framing.NDJSON;
  }

  @Override
  public byte[] encode(VisionChatRequest request, boolean stream) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("model", model);
    ArrayNode messages = root.putArray("messages");
    int imageNumber = 0;
    for (ChatMessage m : request.messages()) {
      ObjectNode msg = messages.addObject();
      msg.put("role", m.role().name().toLowerCase(Locale.ROOT));
      if (m.images().isEmpty()) {
        msg.put("content", m.text());
        continue;
      }
      StringBuilder content = new StringBuilder(NUMBERING_NOTE).append('\n');
      ArrayNode images = Json.MAPPER.createArrayNode();
      boolean afterMarker = false;
      for (ContentPart part : m.parts()) {
        if (part instanceof TextPart t) {
          String text = t.text();
          if (afterMarker && !text.isEmpty() && !Character.isWhitespace(text.charAt(0))) {
            content.append(' ');
          }
          content.append(text);
          afterMarker = false;
        } else if (part instanceof ImagePart img) {
          char last = content.charAt(content.length() - 1);
          if (!Character.isWhitespace(last)) {
            content.append(' ');
          }
          content.append(marker(++imageNumber));
          images.add(img.image().base64());
          afterMarker = true;
        }
      }
      msg.put("content", content.toString());
      msg.set("images", images);
    }
    root.put("stream", stream);
    if (keepAliveSeconds != null) {
      root.put("keep_alive", keepAliveSeconds);
    }
    ObjectNode options = Json.MAPPER.createObjectNode();
    extraOptions.forEach((k, v) -> options.set(k, Json.MAPPER.valueToTree(v)));
    Double t = request.temperature() != null ? request.temperature() : temperature;
    if (t != null) {
      options.put("temperature", t);
    }
    Integer max = request.maxTokens() != null ? request.maxTokens() : maxTokens;
    if (max != null) {
      options.put("num_predict", max);
    }
    if (!options.isEmpty()) {
      root.set("options", options);
    }
    return Json.bytes(root);
  }

  @Override
  public VisionChatResponse decode(JsonNode body) {
    Decoder d = new Decoder();
    d.onEvent(body, s -> {});
    if (!d.done) {
      throw new WireFormatException("an Ollama chat response with \"done\": true", body.toString());
    }
    return d.response();
  }

  @Override
  public StreamDecoder streamDecoder() {
    return new Decoder();
  }

  @Override
  public @Nullable String errorMessage(JsonNode body) {
    return Json.errorMessage(body);
  }

  @Override
  public String rejectionHint(int status, String serverMessage, boolean stream) {
    if (status == 404) {
      return " Pull the model first (ollama pull " + model + ") and check the base URL.";
    }
    return "";
  }

  private final class Decoder implements StreamDecoder {
    private final StringBuilder text = new StringBuilder();
    private boolean done;
    private @Nullable String doneReason;
    private @Nullable Integer promptTokens;
    private @Nullable Integer completionTokens;
    private @Nullable String modelId;

    @Override
    public boolean onEvent(String payload, Consumer<String> deltas) {
      return onEvent(Json.parseObject(payload, "one JSON object per line (NDJSON)"), deltas);
    }

    boolean onEvent(JsonNode line, Consumer<String> deltas) {
      if (line.has("error")) {
        String error = Json.errorMessage(line);
        throw new ServerErrorEvent(error == null ? "" : error);
      }
      JsonNode message = line.get("message");
      if (message == null || !message.isObject()) {
        throw new WireFormatException("an Ollama chat object with a 'message'", line.toString());
      }
      if (modelId == null) {
        modelId = Json.text(line, "model");
      }
      String delta = Json.text(message, "content");
      if (delta != null && !delta.isEmpty()) {
        text.append(delta);
        deltas.accept(delta);
      }
      if (line.path("done").asBoolean(false)) {
        done = true;
        doneReason = Json.text(line, "done_reason");
        promptTokens = Json.integer(line, "prompt_eval_count");
        completionTokens = Json.integer(line, "eval_count");
      }
      return done;
    }

    @Override
    public boolean complete() {
      return done;
    }

    @Override
    public VisionChatResponse response() {
      FinishReason reason =
          doneReason == null && done ? FinishReason.STOP : FinishReason.fromWire(doneReason);
      return new VisionChatResponse(
          text.toString(),
          reason,
          Json.usage(promptTokens, completionTokens, null),
          modelId == null || modelId.isEmpty() ? model : modelId);
    }
  }
}
