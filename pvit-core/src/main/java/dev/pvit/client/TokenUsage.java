package dev.pvit.client;

/**
 * Token counts reported by the server for one call.
 *
 * @param promptTokens tokens in the request (text and images)
 * @param completionTokens tokens in the reply
 * @param totalTokens their sum, as reported (or computed when the server omits it)
 */
public record TokenUsage(int promptTokens, int completionTokens, int totalTokens) {
  /**
   * Usage with the total computed as the sum.
   *
   * @param promptTokens tokens in the request
   * @param completionTokens tokens in the reply
   * @return the usage
   */
  public static TokenUsage of(int promptTokens, int completionTokens) {
    return new TokenUsage(promptTokens, completionTokens, promptTokens + completionTokens);
  }
}
