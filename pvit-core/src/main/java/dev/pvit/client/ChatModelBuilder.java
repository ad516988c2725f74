package dev.pvit.client;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.client.internal.HttpTransport;
import dev.pvit.client.internal.TimeSource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Transport, timeout and retry settings shared by the builders of {@link OpenAiCompatibleChatModel}
 * and {@link OllamaChatModel}. Not thread-safe.
 *
 * @param <B> the concrete builder, returned by every setter for chaining
 */
public abstract class ChatModelBuilder<B extends ChatModelBuilder<B>> {
  final ClientSettings settings = new ClientSettings();
  final Map<String, String> headers = new LinkedHashMap<>();

  ChatModelBuilder() {}

  /**
   * This builder, typed as the concrete builder.
   *
   * @return this
   */
  abstract B self();

  /**
   * An extra header sent with every request (e.g. an organisation or gateway header). {@code
   * Content-Type} and, when an API key is set, {@code Authorization} are always set by the client.
   *
   * @param name the header name
   * @param value the value
   * @return this builder
   */
  public B header(String name, String value) {
    headers.put(checkNotNull(name, "name"), checkNotNull(value, "value"));
    return self();
  }

  /**
   * Extra headers sent with every request; added to those given before.
   *
   * @param extraHeaders names to values
   * @return this builder
   */
  public B headers(Map<String, String> extraHeaders) {
    extraHeaders.forEach(this::header);
    return self();
  }

  /**
   * Longest wait to establish a TCP/TLS connection. Default 10 s.
   *
   * @param timeout positive
   * @return this builder
   */
  public B connectTimeout(Duration timeout) {
    settings.connectTimeout = checkNotNull(timeout, "timeout");
    return self();
  }

  /**
   * Longest wait from sending the request to the response headers. For a single (non-streamed)
   * response this covers the whole generation, because servers send headers with the finished
   * reply; Ollama also holds them back while it loads the model. Default 120 s, and 5 min for
   * Ollama.
   *
   * @param timeout positive
   * @return this builder
   */
  public B firstByteTimeout(Duration timeout) {
    settings.firstByteTimeout = checkNotNull(timeout, "timeout");
    return self();
  }

  /**
   * Longest silence between two chunks of the response body (a stalled stream). Default 60 s.
   *
   * @param timeout positive
   * @return this builder
   */
  public B idleTimeout(Duration timeout) {
    settings.idleTimeout = checkNotNull(timeout, "timeout");
    return self();
  }

  /**
   * Longest duration of one {@code chat} call, retries and backoff included. Default 10 min.
   *
   * @param timeout positive
   * @return this builder
   */
  public B totalTimeout(Duration timeout) {
    settings.totalTimeout = checkNotNull(timeout, "timeout");
    return self();
  }

  /**
   * Total attempts per call, including the first (1 disables retries). Rate limits (429), server
   * errors (5xx, 408) and connection failures are retried; rejected requests, timeouts after
   * connecting, and failures after streamed text was delivered are not. Default 3.
   *
   * @param maxAttempts at least 1
   * @return this builder
   */
  public B maxAttempts(int maxAttempts) {
    settings.maxAttempts = maxAttempts;
    return self();
  }

  /**
   * The first backoff step; each further retry doubles it, and a random jitter picks a wait
   * between half and all of the step. Default 500 ms.
   *
   * @param backoff positive
   * @return this builder
   */
  public B initialBackoff(Duration backoff) {
    settings.initialBackoff = checkNotNull(backoff, "backoff");
    return self();
  }

  /**
   * Cap on any single wait between attempts, including a server's {@code Retry-After}. Default
   * 30 s.
   *
   * @param backoff positive, at least {@code initialBackoff}
   * @return this builder
   */
  public B maxBackoff(Duration backoff) {
    settings.maxBackoff = checkNotNull(backoff, "backoff");
    return self();
  }

  B transport(Function<Duration, HttpTransport> factory) {
    settings.transportFactory = factory;
    return self();
  }

  B timeSource(TimeSource time) {
    settings.time = time;
    return self();
  }

  B jitter(DoubleSupplier random) {
    settings.random = random;
    return self();
  }
}
