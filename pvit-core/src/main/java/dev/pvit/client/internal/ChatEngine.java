package dev.pvit.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pvit.PvitException;
import dev.pvit.client.ChatMessage;
import dev.pvit.client.InvalidChatRequestException;
import dev.pvit.client.MalformedModelResponseException;
import dev.pvit.client.ModelAuthenticationException;
import dev.pvit.client.ModelConnectionException;
import dev.pvit.client.ModelRequestRejectedException;
import dev.pvit.client.ModelServerException;
import dev.pvit.client.ModelTimeoutException;
import dev.pvit.client.RateLimitException;
import dev.pvit.client.StreamListener;
import dev.pvit.client.VisionChatRequest;
import dev.pvit.client.VisionChatResponse;
import dev.pvit.image.ImageInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends chat requests for one configured model: timeouts, the retry loop, status-to-exception
 * mapping, stream framing and redaction. Holds no per-call state, so one engine serves concurrent
 * callers.
 */
public final class ChatEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChatEngine.class);
  private static final int MAX_ERROR_BODY = 64 * 1024;
  private static final int MAX_BODY = 64 * 1024 * 1024;
  private static final int MAX_LINE = 16 * 1024 * 1024;
  private static final int SERVER_MESSAGE_CHARS = 500;

  private final HttpTransport transport;
  private final WireCodec codec;
  private final Config config;
  private final TimeSource time;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Settings of one engine.
   *
   * @param endpoint the full chat URL
   * @param headers headers sent with every request (including authorization)
   * @param secret the API key, removed from every excerpt, or null
   * @param firstByteTimeout longest wait for response headers
   * @param idleTimeout longest wait between two body chunks
   * @param totalTimeout longest duration of a whole call, retries included
   * @param retry the retry policy
   * @param maxImagesPerRequest images above this count are rejected before sending
   */
  public record Config(
      URI endpoint,
      Map<String, String> headers,
      @Nullable String secret,
      Duration firstByteTimeout,
      Duration idleTimeout,
      Duration totalTimeout,
      RetryPolicy retry,
      int maxImagesPerRequest) {
    /**
     * Creates the settings; the header map is copied in order.
     *
     * @param endpoint the full chat URL
     * @param headers headers sent with every request
     * @param secret the API key, or null
     * @param firstByteTimeout longest wait for response headers
     * @param idleTimeout longest wait between two body chunks
     * @param totalTimeout longest duration of a whole call
     * @param retry the retry policy
     * @param maxImagesPerRequest image limit per request
     */
    public Config {
      headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** Never shows header values (they may hold credentials). */
    @Override
    public String toString() {
      return "Config[endpoint=" + endpoint + ", headers=" + headers.keySet() + ", firstByteTimeout="
          + firstByteTimeout + ", idleTimeout=" + idleTimeout + ", totalTimeout=" + totalTimeout
          + ", maxAttempts=" + retry.maxAttempts() + "]";
    }
  }

  /**
   * Creates the engine.
   *
   * @param transport the HTTP transport (owned: closed with the engine)
   * @param codec the server dialect
   * @param config the settings
   * @param time clock and sleeper
   */
  public ChatEngine(HttpTransport transport, WireCodec codec, Config config, TimeSource time) {
    this.transport = transport;
    this.codec = codec;
    this.config = config;
    this.time = time;
  }

  /**
   * Runs one chat call.
   *
   * @param request the request
   * @param listener receives deltas when streaming, or null for a single response
   * @return the response
   */
  public VisionChatResponse call(VisionChatRequest request, @Nullable StreamListener listener) {
    if (closed.get()) {
      throw new InvalidChatRequestException(
          "This chat model for " + config.endpoint() + " is closed; build a new one.");
    }
    int images = request.imageCount();
    if (images > config.maxImagesPerRequest()) {
      throw new InvalidChatRequestException(
          "The request has " + images + " images but this model accepts at most "
              + config.maxImagesPerRequest() + " per request; send fewer images or raise"
              + " maxImagesPerRequest (and the server's own limit, e.g. vLLM --limit-mm-per-prompt).");
    }
    boolean stream = listener != null;
    byte[] body = codec.encode(request, stream);
    if (LOG.isDebugEnabled()) {
      LOG.debug("POST {} ({} messages, images [{}], stream={}, {} body bytes)",
          config.endpoint(), request.messages().size(), describeImages(request), stream, body.length);
    }
    long deadline = time.nanoTime() + config.totalTimeout().toNanos();
    int maxAttempts = config.retry().maxAttempts();
    for (int attempt = 1; ; attempt++) {
      Delivery delivery = new Delivery(listener);
      try {
        long start = time.nanoTime();
        VisionChatResponse response = attempt(body, delivery, deadline, attempt);
        if (LOG.isDebugEnabled()) {
          LOG.debug("{} answered in {} ms: model={}, finish={}, usage={}, {} chars",
              codec.serverKind(), (time.nanoTime() - start) / 1_000_000, response.modelId(),
              response.finishReason(), response.usage(), response.text().length());
        }
        return response;
      } catch (Failure f) {
        if (!f.retry || delivery.delivered || attempt >= maxAttempts) {
          throw f.exception;
        }
        Duration delay = config.retry().delay(attempt, f.retryAfter);
        if (delay.toNanos() >= deadline - time.nanoTime()) {
          LOG.warn("{} attempt {}/{} failed and the next one would exceed totalTimeout {}: {}",
              codec.serverKind(), attempt, maxAttempts, config.totalTimeout(), f.exception.getMessage());
          throw f.exception;
        }
        LOG.warn("{} attempt {}/{} failed, retrying in {} ms: {}",
            codec.serverKind(), attempt, maxAttempts, delay.toMillis(), f.exception.getMessage());
        try {
          time.sleep(delay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw interrupted();
        }
      }
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      transport.close();
    }
  }

  private VisionChatResponse attempt(byte[] body, Delivery delivery, long deadline, int attempt) {
    boolean stream = delivery.listener != null;
    Duration remaining = remaining(deadline);
    if (remaining.isZero()) {
      throw new Failure(totalTimeout(), false, null);
    }
    boolean totalBinds = remaining.compareTo(config.firstByteTimeout()) < 0;
    Duration firstByte = totalBinds ? remaining : config.firstByteTimeout();
    Map<String, String> headers = new LinkedHashMap<>(config.headers());
    headers.put("Accept", stream && codec.framing() == WireCodec.Framing.SSE
        ? "text/event-stream" : stream ? "application/x-ndjson" : "application/json");
    HttpTransport.Response response;
    try {
      response = transport.send(new HttpTransport.Request(config.endpoint(), headers, body, firstByte));
    } catch (HttpConnectTimeoutException e) {
      throw new Failure(new ModelTimeoutException(
          where() + " did not accept a connection within connectTimeout (attempt " + attempt
              + "). Check that the server is running and reachable, or raise connectTimeout.",
          ModelTimeoutException.Phase.CONNECT), true, null);
    } catch (HttpTimeoutException e) {
      throw new Failure(totalBinds ? totalTimeout() : new ModelTimeoutException(
          where() + " sent no response within firstByteTimeout " + config.firstByteTimeout()
              + ". The model may still be loading or generating; raise firstByteTimeout"
              + " (a cold model load can take minutes).",
          ModelTimeoutException.Phase.FIRST_BYTE), false, null);
    } catch (IOException e) {
      throw new Failure(new ModelConnectionException(
          "Could not reach " + where() + " (attempt " + attempt + "): " + describe(e)
              + ". Check that the server is running at this URL.", e), true, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted();
    }
    try (response) {
      int status = response.statusCode();
      if (status < 200 || status > 299) {
        throw statusFailure(response, status, deadline, stream, attempt);
      }
      String contentType = response.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
      if (!stream || codec.framing() == WireCodec.Framing.SSE && contentType.startsWith("application/json")) {
        // A server may ignore "stream": then it answers with one JSON document, delivered whole.
        String text = readAll(response, deadline, MAX_BODY, delivery);
        VisionChatResponse parsed = decodeFull(status, text, contentType);
        if (stream && !parsed.text().isEmpty()) {
          delivery.accept(parsed.text());
        }
        return parsed;
      }
      return readStream(response, status, deadline, delivery);
    }
  }

  private VisionChatResponse decodeFull(int status, String text, String contentType) {
    try {
      JsonNode node = Json.parseObject(text, "a JSON object");
      return codec.decode(node);
    } catch (WireFormatException e) {
      throw new Failure(malformed(status, e, contentType.isEmpty() ? "" : " (" + contentType + ")"),
          false, null);
    } catch (ServerErrorEvent e) {
      throw new Failure(serverError(status, e.getMessage()), true, null);
    }
  }

  private VisionChatResponse readStream(
      HttpTransport.Response response, int status, long deadline, Delivery delivery) {
    LineSplitter splitter = new LineSplitter(MAX_LINE);
    SseParser sse = codec.framing() == WireCodec.Framing.SSE ? new SseParser() : null;
    WireCodec.StreamDecoder decoder = codec.streamDecoder();
    List<String> lines = new ArrayList<>();
    List<SseParser.Event> sseEvents = new ArrayList<>();
    boolean sawEvent = false;
    List<String> events = new ArrayList<>();
    try {
      while (true) {
        byte[] chunk = read(response, deadline, delivery);
        lines.clear();
        if (chunk == null) {
          splitter.finish(lines);
        } else {
          splitter.feed(chunk, lines);
        }
        events.clear();
        sseEvents.clear();
        for (String line : lines) {
          if (sse != null) {
            sse.line(line, sseEvents);
          } else if (!line.isBlank()) {
            events.add(line);
          }
        }
        if (chunk == null && sse != null) {
          sse.finish();
        }
        // An event with empty data (a keep-alive "data:") carries nothing to decode.
        sawEvent |= !sseEvents.isEmpty();
        sseEvents.stream().map(SseParser.Event::data).filter(d -> !d.isBlank()).forEach(events::add);
        for (String event : events) {
          if (decoder.onEvent(event, delivery)) {
            return decoder.response();
          }
        }
        if (chunk == null) {
          break;
        }
      }
    } catch (WireFormatException e) {
      throw new Failure(malformed(status, e, ""), false, null);
    } catch (ServerErrorEvent e) {
      throw new Failure(serverError(status, e.getMessage()), true, null);
    }
    if (decoder.complete()) {
      return decoder.response();
    }
    String ignored = sse == null ? null : sse.firstIgnoredLine();
    if (!sawEvent && ignored != null) {
      // The spec ignores lines it does not know, but a whole stream of them is another format.
      throw new Failure(malformed(status, new WireFormatException(
          "server-sent events ('data: ...' lines)", ignored), ""), false, null);
    }
    throw new Failure(new ModelConnectionException(
        where() + " ended the stream before the reply was complete (after " + delivery.chars
            + " characters, no end marker)."
            + (delivery.delivered ? " Not retried because text was already delivered." : "")),
        true, null);
  }

  private Failure statusFailure(
      HttpTransport.Response response, int status, long deadline, boolean stream, int attempt) {
    String text;
    try {
      text = readAll(response, deadline, MAX_ERROR_BODY, new Delivery(null));
    } catch (Failure f) {
      text = "";
    }
    String serverMessage = serverMessage(text);
    String quoted = serverMessage.isEmpty() ? "" : ": " + serverMessage;
    if (status == 429) {
      Duration retryAfter = retryAfter(response);
      return new Failure(new RateLimitException(
          where() + " is rate limiting (HTTP 429, attempt " + attempt + ")" + quoted
              + ". Wait and retry, or lower the request rate.", serverMessage, retryAfter),
          true, retryAfter);
    }
    if (status >= 500 || status == 408) {
      return new Failure(new ModelServerException(
          where() + " failed with HTTP " + status + " (attempt " + attempt + ")" + quoted
              + ". Check the server's log; retry later.", status, serverMessage),
          true, retryAfter(response));
    }
    if (status == 401 || status == 403) {
      return new Failure(new ModelAuthenticationException(
          where() + " refused the credentials (HTTP " + status + ")" + quoted
              + ". Check the API key given to apiKey(...).", status, serverMessage), false, null);
    }
    if (status >= 300 && status < 400) {
      String location = response.header("Location").orElse("(no Location header)");
      return new Failure(new ModelRequestRejectedException(
          where() + " redirected the request (HTTP " + status + ") to " + location
              + ". Use the final URL as the base URL.", status, serverMessage), false, null);
    }
    if (status >= 400) {
      return new Failure(new ModelRequestRejectedException(
          where() + " rejected the request (HTTP " + status + ")" + quoted + "."
              + codec.rejectionHint(status, serverMessage, stream), status, serverMessage),
          false, null);
    }
    return new Failure(new MalformedModelResponseException(
        where() + " answered with unexpected HTTP status " + status + ": "
            + Redaction.excerpt(text, config.secret()), status, Redaction.excerpt(text, config.secret())),
        false, null);
  }

  private String serverMessage(String body) {
    if (body.isBlank()) {
      return "";
    }
    String message;
    try {
      message = codec.errorMessage(Json.parseObject(body, "an error object"));
    } catch (WireFormatException e) {
      message = null;
    }
    return message != null
        ? Redaction.redact(message, config.secret(), SERVER_MESSAGE_CHARS)
        : Redaction.excerpt(body, config.secret());
  }

  private @Nullable Duration retryAfter(HttpTransport.Response response) {
    Optional<String> header = response.header("Retry-After");
    return header.map(h -> RetryPolicy.parseRetryAfter(h, time.now())).orElse(null);
  }

  private String readAll(HttpTransport.Response response, long deadline, int max, Delivery delivery) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      byte[] chunk = read(response, deadline, delivery);
      if (chunk == null) {
        break;
      }
      if (out.size() + chunk.length > max) {
        out.write(chunk, 0, max - out.size());
        break;
      }
      out.write(chunk, 0, chunk.length);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private byte @Nullable [] read(HttpTransport.Response response, long deadline, Delivery delivery) {
    Duration remaining = remaining(deadline);
    boolean totalBinds = remaining.compareTo(config.idleTimeout()) < 0;
    try {
      return response.read(totalBinds ? remaining : config.idleTimeout());
    } catch (TimeoutException e) {
      throw new Failure(totalBinds ? totalTimeout() : new ModelTimeoutException(
          where() + " stalled: no data for idleTimeout " + config.idleTimeout() + " (after "
              + delivery.chars + " characters of reply). Raise idleTimeout if the server is slow"
              + " between tokens.", ModelTimeoutException.Phase.IDLE), false, null);
    } catch (IOException e) {
      throw new Failure(new ModelConnectionException(
          "The connection to " + where() + " broke while reading the response (after "
              + delivery.chars + " characters of reply): " + describe(e)
              + (delivery.delivered ? ". Not retried because text was already delivered." : "."),
          e), true, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted();
    }
  }

  private MalformedModelResponseException malformed(int status, WireFormatException e, String type) {
    String excerpt = Redaction.excerpt(e.offending(), config.secret());
    return new MalformedModelResponseException(
        where() + " answered HTTP " + status + type + " with something other than " + e.getMessage()
            + ": '" + excerpt + "'. Check that the base URL points at the "
            + codec.serverKind() + " API.", status, excerpt);
  }

  private ModelServerException serverError(int status, @Nullable String message) {
    String m = Redaction.redact(message == null ? "" : message, config.secret(), SERVER_MESSAGE_CHARS);
    return new ModelServerException(
        where() + " reported an error in its response (HTTP " + status + "): " + m
            + ". Check the server's log; retry later.", status, m);
  }

  private ModelTimeoutException totalTimeout() {
    return new ModelTimeoutException(
        "The call to " + where() + " did not finish within totalTimeout " + config.totalTimeout()
            + " (retries included). Raise totalTimeout for slow models.",
        ModelTimeoutException.Phase.TOTAL);
  }

  private ModelConnectionException interrupted() {
    return new ModelConnectionException(
        "The call to " + where() + " was interrupted; the request was abandoned.");
  }

  private Duration remaining(long deadline) {
    long nanos = deadline - time.nanoTime();
    return nanos <= 0 ? Duration.ZERO : Duration.ofNanos(nanos);
  }

  private String where() {
    return codec.serverKind() + " at " + config.endpoint();
  }

  private String describe(IOException e) {
    String m = e.getMessage();
    String text = e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " (" + m + ")");
    return Redaction.redact(text, config.secret(), Redaction.EXCERPT_CHARS);
  }

  private static String describeImages(VisionChatRequest request) {
    return request.messages().stream()
        .map(ChatMessage::images)
        .flatMap(List::stream)
        .map(ChatEngine::describeImage)
        .collect(Collectors.joining(", "));
  }

  private static String describeImage(ImageInput image) {
    return image.mediaType() + " " + image.byteCount() + " bytes";
  }

  /** Passes deltas to the listener and remembers whether any text has been handed out. */
  private static final class Delivery implements Consumer<String> {
    final @Nullable StreamListener listener;
    boolean delivered;
    long chars;

    Delivery(@Nullable StreamListener listener) {
      this.listener = listener;
    }

    @Override
    public void accept(String delta) {
      chars += delta.length();
      if (listener != null) {
        delivered = true;
        listener.onText(delta);
      }
    }
  }

  /** One failed attempt: the exception to throw, whether a retry may help, the server's wait. */
  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final PvitException exception;
    final boolean retry;
    final transient @Nullable Duration retryAfter;

    Failure(PvitException exception, boolean retry, @Nullable Duration retryAfter) {
      super(null, null, false, false);
      this.exception = exception;
      this.retry = retry;
      this.retryAfter = retryAfter;
    }
  }
}
