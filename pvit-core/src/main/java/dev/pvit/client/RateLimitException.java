package dev.pvit.client;

import dev.pvit.RetriableException;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server answered HTTP 429 (rate limit or quota) on every attempt. Retried automatically, waiting
 * as long as the server's {@code Retry-After} asks (capped by the model's maximum backoff).
 */
public class RateLimitException extends RetriableException {
  private static final long serialVersionUID = 1L;

  private final String serverMessage;
  private final @Nullable Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do
   * @param serverMessage the server's error message (redacted and shortened), or empty
   * @param retryAfter the server's last {@code Retry-After}, or null
   */
  public RateLimitException(String message, String serverMessage, @Nullable Duration retryAfter) {
    super(message);
    this.serverMessage = serverMessage;
    this.retryAfter = retryAfter;
  }

  /**
   * The HTTP status.
   *
   * @return always 429
   */
  public int statusCode() {
    return 429;
  }

  /**
   * The server's error message, redacted and shortened.
   *
   * @return the message, or empty
   */
  public String serverMessage() {
    return serverMessage;
  }

  /**
   * How long the server last asked to wait.
   *
   * @return the {@code Retry-After} delay, if the server sent one
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
