package dev.pvit.client;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.client.internal.ChatEngine;
import dev.pvit.client.internal.OllamaCodec;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link VisionChatModel} for Ollama's native {@code /api/chat} API.
 *
 * <p>Single responses are requested with {@code "stream": false} (Ollama streams by default);
 * streamed responses are read as NDJSON. Images are sent as raw base64 in each message's {@code
 * images} array.
 *
 * <p><b>Image order.</b> Ollama places all of a message's images before its text, so the
 * interleaving of text and images is lost (ollama#10274). This client therefore rewrites every
 * user message that has images: the images are listed in their original order and numbered across
 * the whole request, each image's position in the text is replaced by a marker {@code [Image 1]},
 * {@code [Image 2]}, ..., and the text starts with the line "Images are numbered in the order
 * given." Prompts that bind names to images should refer to them by these numbers (the SDK's prompt
 * builder does).
 *
 * <p>Thread-safe: one instance serves any number of concurrent callers.
 *
 * <pre>{@code
 * // ollama pull llava
 * try (OllamaChatModel model = OllamaChatModel.builder()
 *     .baseUrl("http://localhost:11434")
 *     .model("llava")
 *     .keepAlive(Duration.ofMinutes(10))
 *     .build()) {
 *   String answer = model.chat(VisionChatRequest.builder()
 *       .user(ContentPart.text("What is in this photo?"), ContentPart.image(scene))
 *       .build()).text();
 * }
 * }</pre>
 */
public final class OllamaChatModel implements VisionChatModel {
  /** The default Ollama address. */
  public static final String DEFAULT_BASE_URL = "http://localhost:11434";

  private final ChatEngine engine;
  private final String endpoint;
  private final String model;
  private final ModelCapabilities capabilities;

  private OllamaChatModel(Builder b, String endpoint) {
    this.endpoint = endpoint;
    this.model = b.model;
    this.capabilities = new ModelCapabilities(b.maxImagesPerRequest, true, true);
    Map<String, String> headers = new LinkedHashMap<>(b.headers);
    headers.put("Content-Type", "application/json");
    headers.putIfAbsent("User-Agent", ClientSettings.USER_AGENT);
    OllamaCodec codec = new OllamaCodec(b.model, b.temperature, b.maxTokens, b.keepAlive, b.options);
    ChatEngine.Config config = new ChatEngine.Config(
        URI.create(endpoint), headers, null, b.settings.firstByteTimeout, b.settings.idleTimeout,
        b.settings.totalTimeout, b.settings.retryPolicy(), b.maxImagesPerRequest);
    this.engine = new ChatEngine(
        b.settings.transportFactory.apply(b.settings.connectTimeout), codec, config, b.settings.time);
  }

  /**
   * A new builder. {@code model} is required; {@code baseUrl} defaults to {@value
   * #DEFAULT_BASE_URL}.
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
   * The chat URL requests go to.
   *
   * @return e.g. {@code http://localhost:11434/api/chat}
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

  @Override
  public String toString() {
    return "OllamaChatModel[endpoint=" + endpoint + ", model=" + model + "]";
  }

  /** {@code http://h:11434}, {@code http://h:11434/} and {@code http://h:11434/api} give {@code .../api/chat}. */
  static String endpointFor(String baseUrl) {
    String base = ClientSettings.checkUrl(baseUrl);
    if (base.endsWith("/api/chat")) {
      return base;
    }
    if (base.endsWith("/api")) {
      base = base.substring(0, base.length() - 4);
    }
    return base + "/api/chat";
  }

  /** Builds an {@link OllamaChatModel}. Not thread-safe. */
  public static final class Builder extends ChatModelBuilder<Builder> {
    private String baseUrl = DEFAULT_BASE_URL;
    private @Nullable String model;
    private @Nullable Double temperature;
    private @Nullable Integer maxTokens;
    private @Nullable Long keepAlive;
    private int maxImagesPerRequest = Integer.MAX_VALUE;
    private final Map<String, Number> options = new LinkedHashMap<>();

    @Override
    Builder self() {
      return this;
    }

    private Builder() {
      // Ollama answers only when the model is loaded, which can take minutes on first use.
      settings.firstByteTimeout = Duration.ofMinutes(5);
    }

    /**
     * The Ollama address, with or without a trailing {@code /api}. Default {@value
     * #DEFAULT_BASE_URL}.
     *
     * @param baseUrl an http or https URL
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = checkNotNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * The model name, e.g. {@code llava} or {@code qwen2.5vl:7b}. Required.
     *
     * @param model the model name
     * @return this builder
     */
    public Builder model(String model) {
      this.model = checkNotNull(model, "model");
      return this;
    }

    /**
     * Default sampling temperature, sent as {@code options.temperature} (a request may override
     * it).
     *
     * @param temperature a finite value &gt;= 0
     * @return this builder
     */
    public Builder temperature(double temperature) {
      this.temperature = temperature;
      return this;
    }

    /**
     * Default reply token limit, sent as {@code options.num_predict} (a request may override it).
     *
     * @param maxTokens at least 1
     * @return this builder
     */
    public Builder maxTokens(int maxTokens) {
      this.maxTokens = maxTokens;
      return this;
    }

    /**
     * How long Ollama keeps the model loaded after the call ({@code keep_alive}); a negative
     * duration keeps it loaded indefinitely, zero unloads it at once. Unset: the server's default
     * (5 minutes).
     *
     * @param keepAlive the duration
     * @return this builder
     */
    public Builder keepAlive(Duration keepAlive) {
      checkNotNull(keepAlive, "keepAlive");
      this.keepAlive = keepAlive.isNegative() ? -1L : keepAlive.toSeconds();
      return this;
    }

    /**
     * Another numeric entry of Ollama's {@code options} (e.g. {@code num_ctx}, {@code top_p},
     * {@code seed}).
     *
     * @param name the option name
     * @param value its value
     * @return this builder
     */
    public Builder option(String name, Number value) {
      options.put(checkNotNull(name, "name"), checkNotNull(value, "value"));
      return this;
    }

    /**
     * The most images per request; requests with more are rejected before sending. Default:
     * unlimited.
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
     * @throws InvalidModelConfigException if {@code model} is missing or a setting is out of range
     */
    public OllamaChatModel build() {
      if (model == null || model.isBlank()) {
        throw new InvalidModelConfigException(
            "model is required, e.g. .model(\"llava\") (see 'ollama list').");
      }
      String endpoint = endpointFor(baseUrl);
      ClientSettings.checkSampling(temperature, maxTokens);
      ClientSettings.checkHeaders(headers);
      if (maxImagesPerRequest < 1) {
        throw new InvalidModelConfigException(
            "maxImagesPerRequest must be at least 1, got " + maxImagesPerRequest + ".");
      }
      settings.validate();
      return new OllamaChatModel(this, endpoint);
    }
  }
}
