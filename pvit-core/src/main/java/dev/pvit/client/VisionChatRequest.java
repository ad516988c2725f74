package dev.pvit.client;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A chat request: ordered messages plus optional per-request sampling settings that override the
 * model's defaults.
 *
 * <p>{@link #toString()} is safe to log: images show as media type and byte count only.
 *
 * <pre>{@code
 * VisionChatRequest request = VisionChatRequest.builder()
 *     .system("Answer briefly.")
 *     .user(ContentPart.text("What is in this photo?"), ContentPart.image(scene))
 *     .maxTokens(64)
 *     .build();
 * }</pre>
 *
 * @param messages the conversation, in order; never empty
 * @param temperature sampling temperature for this request, or null for the model's default
 * @param maxTokens the reply's token limit for this request, or null for the model's default
 */
public record VisionChatRequest(
    List<ChatMessage> messages, @Nullable Double temperature, @Nullable Integer maxTokens) {

  /**
   * Creates a request.
   *
   * @param messages the conversation, in order
   * @param temperature sampling temperature, or null
   * @param maxTokens reply token limit, or null
   * @throws InvalidChatRequestException if there are no messages, the temperature is negative or
   *     not finite, or {@code maxTokens} is not positive
   */
  public VisionChatRequest {
    checkNotNull(messages, "messages");
    messages = List.copyOf(messages);
    if (messages.isEmpty()) {
      throw new InvalidChatRequestException("A chat request needs at least one message.");
    }
    if (temperature != null && (temperature.isNaN() || temperature.isInfinite() || temperature < 0)) {
      throw new InvalidChatRequestException(
          "temperature must be a finite number >= 0, got " + temperature + ".");
    }
    if (maxTokens != null && maxTokens < 1) {
      throw new InvalidChatRequestException("maxTokens must be at least 1, got " + maxTokens + ".");
    }
  }

  /**
   * A request of the given messages with the model's default settings.
   *
   * @param messages the conversation, in order
   * @return the request
   */
  public static VisionChatRequest of(ChatMessage... messages) {
    return new VisionChatRequest(Arrays.asList(messages), null, null);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Total number of images across all messages.
   *
   * @return the image count
   */
  public int imageCount() {
    return messages.stream().mapToInt(m -> m.images().size()).sum();
  }

  /** Builds a {@link VisionChatRequest}; messages are kept in call order. Not thread-safe. */
  public static final class Builder {
    private final List<ChatMessage> messages = new ArrayList<>();
    private @Nullable Double temperature;
    private @Nullable Integer maxTokens;

    private Builder() {}

    /**
     * Appends a message.
     *
     * @param message the message
     * @return this builder
     */
    public Builder message(ChatMessage message) {
      messages.add(checkNotNull(message, "message"));
      return this;
    }

    /**
     * Appends messages.
     *
     * @param messages the messages, in order
     * @return this builder
     */
    public Builder messages(List<ChatMessage> messages) {
      messages.forEach(this::message);
      return this;
    }

    /**
     * Appends a system message.
     *
     * @param text the instructions
     * @return this builder
     */
    public Builder system(String text) {
      return message(ChatMessage.system(text));
    }

    /**
     * Appends a user message of text only.
     *
     * @param text the question
     * @return this builder
     */
    public Builder user(String text) {
      return message(ChatMessage.user(text));
    }

    /**
     * Appends a user message of parts in the given order.
     *
     * @param parts the content
     * @return this builder
     */
    public Builder user(ContentPart... parts) {
      return message(ChatMessage.user(parts));
    }

    /**
     * Appends an assistant message (an earlier reply).
     *
     * @param text the reply
     * @return this builder
     */
    public Builder assistant(String text) {
      return message(ChatMessage.assistant(text));
    }

    /**
     * Sampling temperature for this request.
     *
     * @param temperature a finite value &gt;= 0
     * @return this builder
     */
    public Builder temperature(double temperature) {
      this.temperature = temperature;
      return this;
    }

    /**
     * Token limit for the reply of this request.
     *
     * @param maxTokens at least 1
     * @return this builder
     */
    public Builder maxTokens(int maxTokens) {
      this.maxTokens = maxTokens;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws InvalidChatRequestException if no message was added or a setting is out of range
     */
    public VisionChatRequest build() {
      return new VisionChatRequest(messages, temperature, maxTokens);
    }
  }
}
