package dev.pvit.pipeline.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** One-line JSON with map keys sorted: {@code Map.of} iterates in a per-JVM order, which would break determinism. */
public final class SortedJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private SortedJson() {}

  /**
   * Serialises a value.
   *
   * @param value a record, map, list or scalar
   * @return one line of JSON
   * @throws JsonProcessingException if Jackson cannot serialise it
   */
  public static String write(Object value) throws JsonProcessingException {
    return MAPPER.writeValueAsString(value);
  }
}
