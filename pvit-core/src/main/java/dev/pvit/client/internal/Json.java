package dev.pvit.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.client.TokenUsage;
import org.jspecify.annotations.Nullable;

/** Shared JSON helpers (one thread-safe {@link ObjectMapper}). */
public final class Json {
  /** The shared mapper. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * Parses a JSON object.
   *
   * @param text the text
   * @param expected what the text should have been, for the error
   * @return the object
   * @throws WireFormatException if the text is not a JSON object
   */
  public static JsonNode parseObject(String text, String expected) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new WireFormatException(expected, text);
    }
    if (node == null || !node.isObject()) {
      throw new WireFormatException(expected, text);
    }
    return node;
  }

  /**
   * A text field, or null if missing, null or not textual.
   *
   * @param node the object
   * @param field the field name
   * @return the text or null
   */
  public static @Nullable String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  /**
   * An integer field, or null.
   *
   * @param node the object
   * @param field the field name
   * @return the value or null
   */
  public static @Nullable Integer integer(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isNumber() ? v.asInt() : null;
  }

  /**
   * Serialises to UTF-8 JSON bytes.
   *
   * @param node the tree
   * @return the bytes
   */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /**
   * Builds usage from counts; null when neither count is known.
   *
   * @param prompt prompt tokens or null
   * @param completion completion tokens or null
   * @param total total tokens or null (computed when missing)
   * @return the usage or null
   */
  public static @Nullable TokenUsage usage(
      @Nullable Integer prompt, @Nullable Integer completion, @Nullable Integer total) {
    if (prompt == null && completion == null) {
      return null;
    }
    int p = prompt == null ? 0 : prompt;
    int c = completion == null ? 0 : completion;
    return new TokenUsage(p, c, total == null ? p + c : total);
  }

  /**
   * The message of a common error body: {@code {"error":{"message":...}}} (OpenAI), {@code
   * {"error":"..."}} (Ollama, llama.cpp), {@code {"message":...}} (older vLLM) or {@code
   * {"detail":...}} (FastAPI).
   *
   * @param body the parsed body
   * @return the message, or null if none of these fields exists
   */
  public static @Nullable String errorMessage(JsonNode body) {
    JsonNode error = body.get("error");
    if (error != null && !error.isNull()) {
      if (error.isTextual()) {
        return error.asText();
      }
      String m = text(error, "message");
      return m != null ? m : error.toString();
    }
    String m = text(body, "message");
    if (m != null) {
      return m;
    }
    JsonNode detail = body.get("detail");
    if (detail != null && !detail.isNull()) {
      return detail.isTextual() ? detail.asText() : detail.toString();
    }
    return null;
  }
}
