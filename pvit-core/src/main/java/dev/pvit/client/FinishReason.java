package dev.pvit.client;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Why the model stopped writing. */
public enum FinishReason {
  /** The model ended its reply (or hit a stop sequence). */
  STOP,
  /** The reply was cut at the token limit; raise {@code maxTokens} for a complete answer. */
  LENGTH,
  /** The server's content filter removed or stopped the reply. */
  CONTENT_FILTER,
  /** The model asked to call a tool (not used by this SDK). */
  TOOL_CALLS,
  /** A reason this SDK does not know. */
  OTHER,
  /** The server did not say. */
  UNKNOWN;

  /**
   * Maps a wire value ({@code "stop"}, {@code "length"}, ...) as sent by OpenAI-compatible servers
   * ({@code finish_reason}) and Ollama ({@code done_reason}).
   *
   * @param wire the server's value, or null
   * @return the reason; {@link #UNKNOWN} for null or blank, {@link #OTHER} for unknown values
   */
  public static FinishReason fromWire(@Nullable String wire) {
    if (wire == null || wire.isBlank()) {
      return UNKNOWN;
    }
    switch (wire.toLowerCase(Locale.ROOT)) {
      case "stop":
      case "eos":
      case "end_turn":
        return STOP;
      case "length":
      case "max_tokens":
        return LENGTH;
      case "content_filter":
        return CONTENT_FILTER;
      case "tool_calls":
      case "function_call":
        return TOOL_CALLS;
      default:
        return OTHER;
    }
  }
}
