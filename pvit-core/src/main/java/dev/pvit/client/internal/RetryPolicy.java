package dev.pvit.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * When and how long to wait before another attempt: exponential backoff with "equal jitter" (a
 * random delay between half and all of the exponential step, so concurrent clients spread out
 * without ever retrying immediately), or the server's {@code Retry-After}; both capped.
 *
 * @param maxAttempts total attempts including the first (1 = no retries)
 * @param initialBackoff the step before the second attempt
 * @param maxBackoff cap on any single wait, including a server's {@code Retry-After}
 * @param random uniform values in [0, 1) for the jitter
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, DoubleSupplier random) {

  /**
   * The wait after failed attempt number {@code attempt}.
   *
   * @param attempt the attempt that failed, from 1
   * @param retryAfter the server's requested wait, or null
   * @return the delay before the next attempt
   */
  public Duration delay(int attempt, @Nullable Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.compareTo(maxBackoff) > 0 ? maxBackoff : retryAfter;
    }
    long base = initialBackoff.toNanos();
    long cap = maxBackoff.toNanos();
    long step = base;
    for (int i = 1; i < attempt && step < cap; i++) {
      step = step > cap / 2 ? cap : step * 2;
    }
    step = Math.min(step, cap);
    double r = Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
    return Duration.ofNanos((long) (step * (0.5 + 0.5 * r)));
  }

  /**
   * Parses a {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 7231).
   *
   * @param value the header value
   * @param now the current wall-clock time, for dates
   * @return the delay (zero for dates in the past), or null if the value is unparseable
   */
  public static @Nullable Duration parseRetryAfter(String value, Instant now) {
    String v = value.trim();
    if (v.matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(v));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
