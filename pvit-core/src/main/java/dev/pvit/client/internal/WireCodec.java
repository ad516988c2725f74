package dev.pvit.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pvit.client.VisionChatRequest;
import dev.pvit.client.VisionChatResponse;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** One server dialect: request encoding, response decoding and error-message extraction. */
public interface WireCodec {

  /** How a streamed body is framed. */
  enum Framing {
    /** Server-sent events ({@code data: ...} lines), OpenAI style. */
    SSE,
    /** One JSON object per line, Ollama style. */
    NDJSON
  }

  /**
   * Human-readable name of the server kind, for messages (e.g. "OpenAI-compatible server").
   *
   * @return the name
   */
  String serverKind();

  /**
   * The stream framing.
   *
   * @return the framing
   */
  Framing framing();

  /**
   * Encodes the request body.
   *
   * @param request the request
   * @param stream whether to ask for a streamed reply
   * @return JSON bytes
   */
  byte[] encode(VisionChatRequest request, boolean stream);

  /**
   * Decodes a complete (non-streamed) response.
   *
   * @param body the parsed body
   * @return the response
   * @throws WireFormatException if required fields are missing
   * @throws ServerErrorEvent if the body is an error object
   */
  VisionChatResponse decode(JsonNode body);

  /**
   * Starts decoding a streamed response.
   *
   * @return a decoder for one response
   */
  StreamDecoder streamDecoder();

  /**
   * Extracts the server's message from an error body.
   *
   * @param body the parsed error body
   * @return the message, or null if the body has no recognised error field
   */
  @Nullable String errorMessage(JsonNode body);

  /**
   * Advice to append when the server rejected a request (4xx), or empty.
   *
   * @param status the HTTP status
   * @param serverMessage the server's message
   * @param stream whether the request was streamed
   * @return a sentence of advice, or empty
   */
  default String rejectionHint(int status, String serverMessage, boolean stream) {
    return "";
  }

  /** Decodes the events of one streamed response. Not thread-safe. */
  interface StreamDecoder {
    /**
     * Consumes one event (an SSE data payload or an NDJSON line).
     *
     * @param payload the event text
     * @param deltas receives reply text as it is decoded
     * @return true if this event ends the stream
     * @throws WireFormatException if the event is malformed
     * @throws ServerErrorEvent if the event is an error
     */
    boolean onEvent(String payload, Consumer<String> deltas);

    /**
     * Whether the events seen so far form a complete reply even without an explicit end marker
     * (e.g. a finish reason was received).
     *
     * @return true if complete
     */
    boolean complete();

    /**
     * The assembled response.
     *
     * @return the response
     */
    VisionChatResponse response();
  }
}
