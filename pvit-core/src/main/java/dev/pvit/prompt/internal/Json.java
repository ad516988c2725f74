package dev.pvit.prompt.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.UncheckedIOException;

/** The shared Jackson mapper for prompt JSON (thread-safe once configured). */
public final class Json {
  /** The mapper: compact output, no special configuration. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  /** Node factory for building trees. */
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /**
   * Writes a tree as compact JSON on one line.
   *
   * @param node the tree
   * @return the JSON text
   */
  public static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
