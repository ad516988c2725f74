package dev.pvit.client;

import dev.pvit.client.internal.ListenerPublisher;
import java.util.concurrent.Flow;

/**
 * A vision-language chat model: takes ordered text and image messages, returns the reply.
 *
 * <p>Implementors write one method, {@link #chat(VisionChatRequest)}; streaming, {@link
 * #stream(VisionChatRequest)} and {@link #capabilities()} have working defaults. The SDK ships
 * {@link OpenAiCompatibleChatModel} (vLLM, SGLang, llama.cpp {@code llama-server}, LM Studio, hosted
 * APIs) and {@link OllamaChatModel}.
 *
 * <p><b>Retries and streaming.</b> The shipped clients retry rate limits, 5xx responses and
 * connection failures per their retry policy, but never once the first piece of text has been
 * handed to a {@link StreamListener}: a retry would restart the reply from the beginning, and text
 * the caller has already shown or processed cannot be taken back. Such failures are thrown as they
 * are; the caller decides whether to start over.
 *
 * <p>Implementations must be safe for concurrent use by several threads.
 *
 * <pre>{@code
 * try (VisionChatModel model = OpenAiCompatibleChatModel.builder()
 *     .baseUrl("http://localhost:8000")
 *     .model("Qwen/Qwen2.5-VL-7B-Instruct")
 *     .build()) {
 *   VisionChatResponse reply = model.chat(VisionChatRequest.builder()
 *       .user(ContentPart.text("What is in this photo?"), ContentPart.image(scene))
 *       .build());
 *   System.out.println(reply.text());
 * }
 * }</pre>
 */
public interface VisionChatModel extends AutoCloseable {

  /**
   * Sends the request and waits for the complete reply.
   *
   * @param request the conversation
   * @return the reply
   * @throws dev.pvit.RetriableException for rate limits, server errors, connection failures and
   *     timeouts (after the automatic retries)
   * @throws dev.pvit.NonRetriableException for rejected requests, bad credentials and malformed
   *     responses
   */
  VisionChatResponse chat(VisionChatRequest request);

  /**
   * Sends the request and hands the reply to {@code listener} piece by piece as it arrives, then
   * returns the complete reply. Blocks until the reply is complete.
   *
   * <p>The default implementation calls {@link #chat(VisionChatRequest)} and delivers the whole
   * text as a single delta.
   *
   * @param request the conversation
   * @param listener receives the text deltas, in order, on the calling thread
   * @return the complete reply (its text is the concatenation of all deltas)
   */
  default VisionChatResponse chat(VisionChatRequest request, StreamListener listener) {
    VisionChatResponse response = chat(request);
    if (!response.text().isEmpty()) {
      listener.onText(response.text());
    }
    return response;
  }

  /**
   * The reply as a cold {@link Flow.Publisher} of text deltas. Each subscription sends the request
   * once, on a new daemon thread, and honours the subscriber's demand; cancelling aborts the HTTP
   * exchange. Failures arrive as {@code onError} with the same exceptions {@link
   * #chat(VisionChatRequest, StreamListener)} throws.
   *
   * @param request the conversation
   * @return a publisher of text deltas
   */
  default Flow.Publisher<String> stream(VisionChatRequest request) {
    return new ListenerPublisher(listener -> chat(request, listener));
  }

  /**
   * What this model supports.
   *
   * @return the capabilities; the default is {@link ModelCapabilities#defaults()}
   */
  default ModelCapabilities capabilities() {
    return ModelCapabilities.defaults();
  }

  /** Releases the HTTP client. Calls after {@code close()} fail. The default does nothing. */
  @Override
  default void close() {}
}
