package dev.pvit.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pvit.client.ChatMessage;
import dev.pvit.client.ContentPart;
import dev.pvit.client.FinishReason;
import dev.pvit.client.ImagePart;
import dev.pvit.client.Role;
import dev.pvit.client.TextPart;
import dev.pvit.client.TokenUsage;
import dev.pvit.client.VisionChatRequest;
import dev.pvit.client.VisionChatResponse;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * OpenAI Chat Completions dialect. Images become {@code image_url} parts holding data URLs, in
 * their original position among the text parts. A user message without images is sent as a plain
 * string, and {@code stream} is omitted for single responses, because some "compatible" servers
 * reject array content for text-only turns or an explicit {@code "stream": false}.
 *
 * @param model the model name
 * @param temperature default temperature, or null
 * @param maxTokens default reply limit, or null
 * @param includeUsage whether to send {@code stream_options.include_usage} when streaming
 * @param imageDetail the {@code detail} value for images, or null to omit it
 */
public record OpenAiCodec(
    String model,
    @Nullable Double temperature,
    @Nullable Integer maxTokens,
    boolean includeUsage,
    @Nullable String imageDetail)
    implements WireCodec {

  @Override
  public String serverKind() {
    return "OpenAI-compatible server";
  }

  @Override
  public Framing framing() {
    return Framing.SSE;
  }

  @Override
  public byte[] encode(VisionChatRequest request, boolean stream) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("model", model);
    ArrayNode messages = root.putArray("messages");
    for (ChatMessage m : request.messages()) {
      ObjectNode msg = messages.addObject();
      msg.put("role", m.role().name().toLowerCase(Locale.ROOT));
      if (m.role() != Role.USER || m.images().isEmpty()) {
        msg.put("content", m.text());
        continue;
      }
      ArrayNode content = msg.putArray("content");
      for (ContentPart part : m.parts()) {
        if (part instanceof TextPart t) {
          if (!t.text().isEmpty()) {
            content.addObject().put("type", "text").put("text", t.text());
          }
        } else if (part instanceof ImagePart img) {
          ObjectNode url = content.addObject().put("type", "image_url").putObject("image_url");
          url.put("url", img.image().dataUrl());
          if (imageDetail != null) {
            url.put("detail", imageDetail);
          }
        }
      }
    }
    Double t = request.temperature() != null ? request.temperature() : temperature;
    if (t != null) {
      root.put("temperature", t);
    }
    Integer max = request.maxTokens() != null ? request.maxTokens() : maxTokens;
    if (max != null) {
      root.put("max_tokens", max);
    }
    if (stream) {
      root.put("stream", true);
      if (includeUsage) {
        root.putObject("stream_options").put("include_usage", true);
      }
    }
    return Json.bytes(root);
  }

  @Override
  public VisionChatResponse decode(JsonNode body) {
    String error = body.has("error") ? Json.errorMessage(body) : null;
    if (error != null) {
      throw new ServerErrorEvent(error);
    }
    JsonNode choices = body.get("choices");
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      throw new WireFormatException("a chat completion with a non-empty 'choices' array", body.toString());
    }
    JsonNode choice = choices.get(0);
    JsonNode message = choice.get("message");
    if (message == null || !message.isObject()) {
      throw new WireFormatException("a chat completion choice with a 'message'", body.toString());
    }
    return new VisionChatResponse(
        contentText(message.get("content")),
        FinishReason.fromWire(Json.text(choice, "finish_reason")),
        usage(body.get("usage")),
        modelOf(body, model));
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
    if (stream && includeUsage && serverMessage.contains("stream_options")) {
      return " This server does not accept stream_options; build the model with includeUsage(false).";
    }
    if (status == 404) {
      return " Check the base URL (it should reach .../v1/chat/completions) and that the server"
          + " serves model '" + model + "'.";
    }
    return "";
  }

  private static String contentText(@Nullable JsonNode content) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isArray()) {
      StringBuilder sb = new StringBuilder();
      for (JsonNode part : content) {
        String text = Json.text(part, "text");
        if (text != null) {
          sb.append(text);
        }
      }
      return sb.toString();
    }
    throw new WireFormatException("'content' as a string", content.toString());
  }

  private static @Nullable TokenUsage usage(@Nullable JsonNode usage) {
    if (usage == null || !usage.isObject()) {
      return null;
    }
    return Json.usage(
        Json.integer(usage, "prompt_tokens"),
        Json.integer(usage, "completion_tokens"),
        Json.integer(usage, "total_tokens"));
  }

  private static String modelOf(JsonNode body, String fallback) {
    String m = Json.text(body, "model");
    return m == null || m.isEmpty() ? fallback : m;
  }

  private final class Decoder implements StreamDecoder {
    private final StringBuilder text = new StringBuilder();
    private @Nullable String finishReason;
    private @Nullable TokenUsage usage;
    private @Nullable String modelId;

    @Override
    public boolean onEvent(String payload, Consumer<String> deltas) {
      if (payload.strip().equals("[DONE]")) {
        return true;
      }
      JsonNode chunk = Json.parseObject(payload, "a JSON chat completion chunk");
      if (chunk.has("error")) {
        String error = Json.errorMessage(chunk);
        throw new ServerErrorEvent(error == null ? "" : error);
      }
      if (modelId == null) {
        String m = Json.text(chunk, "model");
        modelId = m == null || m.isEmpty() ? null : m;
      }
      JsonNode choices = chunk.get("choices");
      if (choices != null && choices.isArray()) {
        for (JsonNode choice : choices) {
          if (choice.path("index").asInt(0) != 0) {
            continue;
          }
          String delta = Json.text(choice.path("delta"), "content");
          if (delta != null && !delta.isEmpty()) {
            text.append(delta);
            deltas.accept(delta);
          }
          String finish = Json.text(choice, "finish_reason");
          if (finish != null) {
            finishReason = finish;
          }
        }
      }
      TokenUsage u = usage(chunk.get("usage"));
      if (u != null) {
        usage = u;
      }
      return false;
    }

    @Override
    public boolean complete() {
      return finishReason != null;
    }

    @Override
    public VisionChatResponse response() {
      return new VisionChatResponse(
          text.toString(),
          FinishReason.fromWire(finishReason),
          usage,
          modelId == null ? model : modelId);
    }
  }
}
