package dev.pvit.client;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.client.internal.ChatEngine;
import dev.pvit.client.internal.OpenAiCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link VisionChatModel} for servers that speak the OpenAI Chat Completions API: vLLM, SGLang,
 * llama.cpp {@code llama-server}, LM Studio, Ollama's {@code /v1}, and hosted APIs.
 *
 * <p>Images are sent as base64 {@code data:} URLs in {@code image_url} parts, interleaved with the
 * text parts in their original order. Streaming uses server-sent events with {@code
 * stream_options.include_usage} so token usage arrives at the end of the stream; servers that reject
 * that option need {@link Builder#includeUsage(boolean) includeUsage(false)}. Requests use HTTP/1.1
 * (the JDK's default {@code Upgrade: h2c} breaks vLLM and LM Studio).
 *
 * <p>Thread-safe: one instance serves any number of concurrent callers. The API key is never logged
 * and never shown by {@link #toString()}.
 *
 * <pre>{@code
 * try (OpenAiCompatibleChatModel model = OpenAiCompatibleChatModel.builder()
 *     .baseUrl("http://localhost:8000")          // or "http://localhost:8000/v1"
 *     .model("Qwen/Qwen2.5-VL-7B-Instruct")
 *     .apiKey(System.getenv("OPENAI_API_KEY"))   // optional
 *     .maxTokens(256)
 *     .build()) {
 *   VisionChatResponse reply = model.chat(VisionChatRequest.builder()
 *       .user(ContentPart.text("Who is in this photo?"), ContentPart.image(scene))
 *       .build());
 * }
 * }</pre>
 */
public final class OpenAiCompatibleChatModel implements VisionChatModel {
  private final ChatEngine engine;
  private final String endpoint;
  private final String model;
  private final boolean hasApiKey;
  private final ModelCapabilities capabilities;

  private OpenAiCompatibleChatModel(Builder b, String endpoint) {
    this.endpoint = endpoint;
    this.model = b.model;
    this.hasApiKey = b.apiKey != null;
    this.capabilities = new ModelCapabilities(b.maxImagesPerRequest, true, true);
    Map<String, String> headers = new LinkedHashMap<>(b.headers);
    headers.put("Content-Type", "application/json");
    headers.putIfAbsent("User-Agent", ClientSettings.USER_AGENT);
    if (b.apiKey != null) {
      headers.put("Authorization", "Bearer " + b.apiKey);
    }
    OpenAiCodec codec = new OpenAiCodec(
        b.model, b.temperature, b.maxTokens, b.includeUsage,
        b.imageDetail == null ? null : b.imageDetail.wire());
    ChatEngine.Config config = new ChatEngine.Config(
        java.net.URI.create(endpoint), headers, b.apiKey, b.settings.firstByteTimeout,
        b.settings.idleTimeout, b.settings.totalTimeout, b.settings.retryPolicy(),
        b.maxImagesPerRequest);
    this.engine = new ChatEngine(
        b.settings.transportFactory.apply(b.settings.connectTimeout), codec, config, b.settings.time);
  }

  /**
   * A new builder. {@code baseUrl} and {@code model} are required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public VisionChatResponse chat(VisionChatRequest request) {
    return engine.call(checkNotNull(request, "request"), null);
  }

  @Override
  public VisionChatResponse chat(VisionChatRequest request, StreamListener listener) {
    return engine.call(checkNotNull(request, "request"), checkNotNull(listener, "listener"));
  }

  @Override
  public ModelCapabilities capabilities() {
    return capabilities;
  }

  /**
   * The chat completions URL requests go to.
   *
   * @return e.g. {@code http://localhost:8000/v1/chat/completions}
   */
  public String endpoint() {
    return endpoint;
  }

  /**
   * The configured model name.
   *
   * @return the model
   */
  public String model() {
    return model;
  }

  @Override
  public void close() {
    engine.close();
  }

  /** Shows endpoint and model; the API key only as {@code ***}. */
  @Override
  public String toString() {
    return "OpenAiCompatibleChatModel[endpoint=" + endpoint + ", model=" + model + ", apiKey="
        + (hasApiKey ? "***" : "none") + "]";
  }

  /**
   * Normalises a base URL to the chat completions endpoint: {@code http://h:8000}, {@code
   * http://h:8000/}, {@code http://h:8000/v1} and {@code http://h:8000/v1/chat/completions} all
   * give {@code http://h:8000/v1/chat/completions}.
   */
  static String endpointFor(String baseUrl) {
    String base = ClientSettings.checkUrl(baseUrl);
    if (base.endsWith("/chat/completions")) {
      return base;
    }
    if (!base.endsWith("/v1")) {
      base = base + "/v1";
    }
    return base + "/chat/completions";
  }

  /** Builds an {@link OpenAiCompatibleChatModel}. Not thread-safe. */
  public static final class Builder extends ChatModelBuilder<Builder> {
    private @Nullable String baseUrl;
    private @Nullable String model;
    private @Nullable String apiKey;
    private @Nullable Double temperature;
    private @Nullable Integer maxTokens;
    private boolean includeUsage = true;
    private @Nullable ImageDetail imageDetail;
    private int maxImagesPerRequest = Integer.MAX_VALUE;

    @Override
    Builder self() {
      return this;
    }

    private Builder() {}

    /**
     * The server's base URL, with or without the trailing {@code /v1} (e.g. {@code
     * http://localhost:8000} or {@code https://api.openai.com/v1}); a full {@code
     * .../chat/completions} URL is used as is. Required.
     *
     * @param baseUrl an http or https URL
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = checkNotNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * The model name the server serves (vLLM: the {@code --served-model-name} or the HF id).
     * Required.
     *
     * @param model the model name
     * @return this builder
     */
    public Builder model(String model) {
      this.model = checkNotNull(model, "model");
      return this;
    }

    /**
     * The API key, sent as {@code Authorization: Bearer ...}. Optional: local servers usually need
     * none. A null or blank key sends no header. The key is never logged.
     *
     * @param apiKey the key, or null
     * @return this builder
     */
    public Builder apiKey(@Nullable String apiKey) {
      this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
      return this;
    }

    /**
     * Default sampling temperature (a request may override it). Unset: the server's default.
     *
     * @param temperature a finite value &gt;= 0
     * @return this builder
     */
    public Builder temperature(double temperature) {
      this.temperature = temperature;
      return this;
    }

    /**
     * Default reply token limit, sent as {@code max_tokens} (a request may override it). Unset: the
     * server's default.
     *
     * @param maxTokens at least 1
     * @return this builder
     */
    public Builder maxTokens(int maxTokens) {
      this.maxTokens = maxTokens;
      return this;
    }

    /**
     * Whether streamed calls send {@code "stream_options": {"include_usage": true}} to get token
     * usage at the end of the stream. Default true; set false for servers that reject the option
     * with HTTP 400 (streamed responses then usually carry no usage).
     *
     * @param includeUsage whether to ask for usage while streaming
     * @return this builder
     */
    public Builder includeUsage(boolean includeUsage) {
      this.includeUsage = includeUsage;
      return this;
    }

    /**
     * The {@code detail} hint sent with every image. Unset: omitted (server default).
     *
     * @param detail the detail level
     * @return this builder
     */
    public Builder imageDetail(ImageDetail detail) {
      this.imageDetail = checkNotNull(detail, "detail");
      return this;
    }

    /**
     * The most images the server accepts per request (e.g. vLLM's {@code --limit-mm-per-prompt}).
     * Requests with more are rejected before sending, with a clear message. Default: unlimited.
     *
     * @param maxImages at least 1
     * @return this builder
     */
    public Builder maxImagesPerRequest(int maxImages) {
      this.maxImagesPerRequest = maxImages;
      return this;
    }

    /**
     * Builds the model.
     *
     * @return the model
     * @throws InvalidModelConfigException if {@code baseUrl} or {@code model} is missing, or a
     *     setting is out of range
     */
    public OpenAiCompatibleChatModel build() {
      if (baseUrl == null) {
        throw new InvalidModelConfigException(
            "baseUrl is required, e.g. .baseUrl(\"http://localhost:8000/v1\").");
      }
      if (model == null || model.isBlank()) {
        throw new InvalidModelConfigException(
            "model is required: the model name the server serves, e.g. .model(\"Qwen/Qwen2.5-VL-7B-Instruct\").");
      }
      String endpoint = endpointFor(baseUrl);
      ClientSettings.checkSampling(temperature, maxTokens);
      ClientSettings.checkHeaders(headers);
      if (maxImagesPerRequest < 1) {
        throw new InvalidModelConfigException(
            "maxImagesPerRequest must be at least 1, got " + maxImagesPerRequest + ".");
      }
      settings.validate();
      return new OpenAiCompatibleChatModel(this, endpoint);
    }
  }
}
