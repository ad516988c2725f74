package dev.pvit.client;

import static com.google.common.base.Preconditions.checkNotNull;

import org.jspecify.annotations.Nullable;

/**
 * The model's reply.
 *
 * @param text the reply text (empty if the model wrote nothing)
 * @param finishReason why the model stopped
 * @param usage token counts, or null when the server did not report them (some servers omit usage
 *     while streaming, or when {@code includeUsage(false)} is set)
 * @param modelId the model id the server reports, or the configured model when it reports none
 */
public record VisionChatResponse(
    String text, FinishReason finishReason, @Nullable TokenUsage usage, String modelId) {
  /**
   * Creates a response.
   *
   * @param text the reply text
   * @param finishReason why the model stopped
   * @param usage token counts, or null
   * @param modelId the model id
   */
  public VisionChatResponse {
    checkNotNull(text, "text");
    checkNotNull(finishReason, "finishReason");
    checkNotNull(modelId, "modelId");
  }
}
