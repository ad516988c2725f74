package dev.pvit.langchain4j;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.pvit.client.ImageDetail;
import dev.pvit.client.InvalidChatRequestException;
import dev.pvit.client.InvalidModelConfigException;
import dev.pvit.client.ModelCapabilities;
import dev.pvit.client.StreamListener;
import dev.pvit.client.VisionChatModel;
import dev.pvit.client.VisionChatRequest;
import dev.pvit.client.VisionChatResponse;
import dev.pvit.langchain4j.internal.Failures;
import dev.pvit.langchain4j.internal.Requests;
import dev.pvit.langchain4j.internal.Responses;
import dev.pvit.langchain4j.internal.StreamBridge;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Any LangChain4j {@link ChatModel} (and, for streaming, {@link StreamingChatModel}) as a PVIT
 * {@link VisionChatModel}, so the grounded and in-context modes run on every provider LangChain4j
 * supports: OpenAI, Azure OpenAI, Gemini, Anthropic, Bedrock, Mistral, Ollama and more, with their
 * authentication and quirks handled by LangChain4j.
 *
 * <p>Text and image parts keep their order; images travel as base64 with their media type. System
 * prompts, sampling settings, token usage and finish reasons are mapped both ways. LangChain4j's
 * exceptions become PVIT's: rate limits, timeouts, 5xx responses and connection failures are
 * {@link dev.pvit.RetriableException}s; bad credentials, rejected requests, unknown models and
 * content filters are {@link dev.pvit.NonRetriableException}s. Retries are LangChain4j's (its
 * builders' {@code maxRetries}); this adapter adds none.
 *
 * <pre>{@code
 * ChatModel gemini = GoogleAiGeminiChatModel.builder()
 *     .apiKey(System.getenv("GEMINI_API_KEY")).modelName("gemini-2.5-flash").build();
 * try (PersonalizedChat chat = PersonalizedChat.builder()
 *         .person(Person.of("Alice", Path.of("alice.jpg")))
 *         .grounded(LangChain4jVisionModel.of(gemini))
 *         .build()) {
 *   chat.ask(Path.of("party.jpg"), "What is Alice holding?");
 * }
 * }</pre>
 *
 * <p>Thread-safe when the wrapped LangChain4j models are (LangChain4j's are). Closing the adapter
 * does not close the LangChain4j models, which the application owns.
 */
public final class LangChain4jVisionModel implements VisionChatModel {
  private final @Nullable ChatModel chatModel;
  private final @Nullable StreamingChatModel streamingModel;
  private final Requests requests;
  private final ModelCapabilities capabilities;
  private final Duration idleTimeout;
  private final String where;
  private final String modelId;
  private final AtomicBoolean closed = new AtomicBoolean();

  private LangChain4jVisionModel(Builder b) {
    this.chatModel = b.chatModel;
    this.streamingModel = b.streamingModel;
    this.requests = new Requests(b.imageDetail, b.systemPrompt);
    this.capabilities = new ModelCapabilities(b.maxImagesPerRequest, b.streamingModel != null, b.systemPrompt);
    this.idleTimeout = b.idleTimeout;
    String provider = chatModel != null ? chatModel.provider().name() : requireNonNull(streamingModel).provider().name();
    this.where = "The LangChain4j " + provider + " model";
    String configured = chatModel != null ? chatModel.defaultRequestParameters().modelName()
        : requireNonNull(streamingModel).defaultRequestParameters().modelName();
    this.modelId = configured != null && !configured.isBlank() ? configured : provider.toLowerCase(Locale.ROOT);
  }

  /**
   * Wraps a blocking LangChain4j model; {@link #chat(VisionChatRequest, StreamListener)} then
   * delivers each reply as one piece.
   *
   * @param model the LangChain4j model (not closed by this adapter)
   * @return the adapter
   */
  public static LangChain4jVisionModel of(ChatModel model) {
    return builder().chatModel(model).build();
  }

  /**
   * Wraps a blocking and a streaming LangChain4j model of the same provider and model name.
   *
   * @param model used for blocking calls
   * @param streamingModel used for streamed calls
   * @return the adapter
   */
  public static LangChain4jVisionModel of(ChatModel model, StreamingChatModel streamingModel) {
    return builder().chatModel(model).streamingChatModel(streamingModel).build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public VisionChatResponse chat(VisionChatRequest request) {
    requireNonNull(request, "request");
    checkOpen();
    ChatModel m = chatModel;
    if (m == null) {
      return StreamBridge.stream(requireNonNull(streamingModel), requests.toLangChain4j(request), delta -> { },
          idleTimeout, where, modelId);
    }
    ChatRequest lc4j = requests.toLangChain4j(request);
    ChatResponse response;
    try {
      response = m.chat(lc4j);
    } catch (RuntimeException e) {
      throw Failures.map(e, where);
    }
    return Responses.toPvit(response, Responses.text(response), modelId);
  }

  /**
   * Streams the reply through the LangChain4j {@link StreamingChatModel} when one was given
   * (otherwise the whole reply arrives as one piece). If the listener throws, the thread is
   * interrupted or no event arrives within the idle timeout, the LangChain4j stream is cancelled.
   */
  @Override
  public VisionChatResponse chat(VisionChatRequest request, StreamListener listener) {
    requireNonNull(request, "request");
    requireNonNull(listener, "listener");
    checkOpen();
    StreamingChatModel s = streamingModel;
    if (s == null) {
      return VisionChatModel.super.chat(request, listener);
    }
    return StreamBridge.stream(s, requests.toLangChain4j(request), listener, idleTimeout, where, modelId);
  }

  @Override
  public ModelCapabilities capabilities() {
    return capabilities;
  }

  /** Marks the adapter closed; the LangChain4j models stay open (the application owns them). */
  @Override
  public void close() {
    closed.set(true);
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new InvalidChatRequestException(where + " adapter was closed; build a new one.");
    }
  }

  @Override
  public String toString() {
    return "LangChain4jVisionModel[" + where.substring("The LangChain4j ".length()) + ", " + modelId + "]";
  }

  /** Builder for {@link LangChain4jVisionModel}. Not thread-safe. */
  public static final class Builder {
    private @Nullable ChatModel chatModel;
    private @Nullable StreamingChatModel streamingModel;
    private @Nullable ImageDetail imageDetail;
    private boolean systemPrompt = true;
    private int maxImagesPerRequest = Integer.MAX_VALUE;
    private Duration idleTimeout = Duration.ofMinutes(2);

    private Builder() {}

    /**
     * The blocking LangChain4j model.
     *
     * @param model the model (not closed by the adapter)
     * @return this builder
     */
    public Builder chatModel(ChatModel model) {
      this.chatModel = requireNonNull(model, "model");
      return this;
    }

    /**
     * The streaming LangChain4j model; without one, streamed calls deliver the whole reply at once.
     * With only a streaming model, blocking calls stream internally.
     *
     * @param model the model (not closed by the adapter)
     * @return this builder
     */
    public Builder streamingChatModel(StreamingChatModel model) {
      this.streamingModel = requireNonNull(model, "model");
      return this;
    }

    /**
     * The detail hint sent with every image (providers that have one, e.g. OpenAI). Unset: the
     * provider's default.
     *
     * @param detail the detail level
     * @return this builder
     */
    public Builder imageDetail(ImageDetail detail) {
      this.imageDetail = requireNonNull(detail, "detail");
      return this;
    }

    /**
     * Whether the model honours system messages (default true). When false, system text is put in
     * front of the first user message instead.
     *
     * @param supported whether system messages are sent as such
     * @return this builder
     */
    public Builder systemPrompt(boolean supported) {
      this.systemPrompt = supported;
      return this;
    }

    /**
     * Most images the provider accepts in one request (default unlimited); PVIT refuses larger
     * prompts with a message instead of sending them.
     *
     * @param max at least 1
     * @return this builder
     */
    public Builder maxImagesPerRequest(int max) {
      this.maxImagesPerRequest = max;
      return this;
    }

    /**
     * Longest wait for the next piece of a streamed reply before the stream is cancelled with a
     * {@link dev.pvit.client.ModelTimeoutException} (default 2 minutes). The LangChain4j model's own
     * timeouts apply as well.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder idleTimeout(Duration timeout) {
      requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new InvalidModelConfigException("idleTimeout must be positive, got " + timeout + ".");
      }
      this.idleTimeout = timeout;
      return this;
    }

    /**
     * Builds the adapter.
     *
     * @return the adapter
     * @throws InvalidModelConfigException if neither model was given or a limit is out of range
     */
    public LangChain4jVisionModel build() {
      if (chatModel == null && streamingModel == null) {
        throw new InvalidModelConfigException(
            "A LangChain4jVisionModel needs a chatModel(...) or a streamingChatModel(...).");
      }
      if (maxImagesPerRequest < 1) {
        throw new InvalidModelConfigException(
            "maxImagesPerRequest must be at least 1, got " + maxImagesPerRequest + ".");
      }
      return new LangChain4jVisionModel(this);
    }
  }
}
