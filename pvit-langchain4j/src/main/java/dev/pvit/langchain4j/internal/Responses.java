package dev.pvit.langchain4j.internal;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.pvit.client.FinishReason;
import dev.pvit.client.TokenUsage;
import dev.pvit.client.VisionChatResponse;
import org.jspecify.annotations.Nullable;

/** Translates LangChain4j responses, token usage and finish reasons into PVIT's. */
public final class Responses {
  private Responses() {}

  /**
   * The PVIT response for a LangChain4j response.
   *
   * @param response the LangChain4j response
   * @param text the reply text to report (for streams: the concatenated deltas)
   * @param fallbackModelId the model id when the response names none
   * @return the PVIT response
   */
  public static VisionChatResponse toPvit(ChatResponse response, String text, String fallbackModelId) {
    String modelId = response.modelName() != null && !response.modelName().isBlank()
        ? response.modelName() : fallbackModelId;
    return new VisionChatResponse(text, finishReason(response.finishReason()), usage(response.tokenUsage()),
        modelId);
  }

  /**
   * The reply text of a response, empty when the model wrote none (e.g. only a tool call).
   *
   * @param response the LangChain4j response
   * @return the text
   */
  public static String text(ChatResponse response) {
    return response.aiMessage() == null || response.aiMessage().text() == null ? "" : response.aiMessage().text();
  }

  /**
   * PVIT's finish reason for LangChain4j's.
   *
   * @param reason LangChain4j's reason, or null when the provider reported none
   * @return the reason
   */
  public static FinishReason finishReason(dev.langchain4j.model.output.@Nullable FinishReason reason) {
    if (reason == null) {
      return FinishReason.UNKNOWN;
    }
    return switch (reason) {
      case STOP -> FinishReason.STOP;
      case LENGTH -> FinishReason.LENGTH;
      case CONTENT_FILTER -> FinishReason.CONTENT_FILTER;
      case TOOL_EXECUTION -> FinishReason.TOOL_CALLS;
      case OTHER -> FinishReason.OTHER;
    };
  }

  /**
   * PVIT's token usage for LangChain4j's; a missing count is 0 and a missing total is the sum.
   *
   * @param usage LangChain4j's usage, or null
   * @return the usage, or null when the provider reported no counts at all
   */
  public static @Nullable TokenUsage usage(dev.langchain4j.model.output.@Nullable TokenUsage usage) {
    if (usage == null || usage.inputTokenCount() == null && usage.outputTokenCount() == null
        && usage.totalTokenCount() == null) {
      return null;
    }
    int in = usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
    int out = usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
    int total = usage.totalTokenCount() == null ? in + out : usage.totalTokenCount();
    return new TokenUsage(in, out, total);
  }
}
