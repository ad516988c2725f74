package dev.pvit.client;

import dev.pvit.client.internal.HttpTransport;
import dev.pvit.client.internal.JdkHttpTransport;
import dev.pvit.client.internal.RetryPolicy;
import dev.pvit.client.internal.TimeSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Transport, timeout and retry settings shared by the client builders, with their checks. */
final class ClientSettings {
  static final String USER_AGENT = "pvit-java/0.1";

  /** Headers the JDK client sets itself and refuses to take from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "content-type");

  Duration connectTimeout = Duration.ofSeconds(10);
  Duration firstByteTimeout = Duration.ofSeconds(120);
  Duration idleTimeout = Duration.ofSeconds(60);
  Duration totalTimeout = Duration.ofMinutes(10);
  int maxAttempts = 3;
  Duration initialBackoff = Duration.ofMillis(500);
  Duration maxBackoff = Duration.ofSeconds(30);
  Function<Duration, HttpTransport> transportFactory = JdkHttpTransport::new;
  TimeSource time = TimeSource.system();
  DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

  void validate() {
    positive("connectTimeout", connectTimeout);
    positive("firstByteTimeout", firstByteTimeout);
    positive("idleTimeout", idleTimeout);
    positive("totalTimeout", totalTimeout);
    positive("initialBackoff", initialBackoff);
    positive("maxBackoff", maxBackoff);
    if (maxAttempts < 1) {
      throw new InvalidModelConfigException(
          "maxAttempts must be at least 1 (1 = no retries), got " + maxAttempts + ".");
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new InvalidModelConfigException(
          "maxBackoff " + maxBackoff + " is shorter than initialBackoff " + initialBackoff + ".");
    }
  }

  RetryPolicy retryPolicy() {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, random);
  }

  private static void positive(String name, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new InvalidModelConfigException(name + " must be positive, got " + d + ".");
    }
  }

  /** Checks an http(s) URL and strips trailing slashes. */
  static String checkUrl(String url) {
    String u = url.strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    URI uri;
    try {
      uri = new URI(u);
    } catch (URISyntaxException e) {
      throw new InvalidModelConfigException("baseUrl '" + url + "' is not a valid URL: " + e.getReason() + ".");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new InvalidModelConfigException(
          "baseUrl '" + url + "' must be an http:// or https:// URL with a host, e.g. http://localhost:8000.");
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      throw new InvalidModelConfigException("baseUrl '" + url + "' must not have a query or fragment.");
    }
    return u;
  }

  static void checkSampling(@Nullable Double temperature, @Nullable Integer maxTokens) {
    if (temperature != null && (temperature.isNaN() || temperature.isInfinite() || temperature < 0)) {
      throw new InvalidModelConfigException(
          "temperature must be a finite number >= 0, got " + temperature + ".");
    }
    if (maxTokens != null && maxTokens < 1) {
      throw new InvalidModelConfigException("maxTokens must be at least 1, got " + maxTokens + ".");
    }
  }

  static void checkHeaders(Map<String, String> headers) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      String name = e.getKey();
      if (name.isBlank() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
        throw new InvalidModelConfigException("Header name '" + name + "' is not a valid HTTP header name.");
      }
      if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
        throw new InvalidModelConfigException(
            "Header '" + name + "' is set by the client itself and cannot be overridden.");
      }
      if (e.getValue().chars().anyMatch(c -> c == '\r' || c == '\n')) {
        throw new InvalidModelConfigException("Header '" + name + "' has a line break in its value.");
      }
    }
  }
}
