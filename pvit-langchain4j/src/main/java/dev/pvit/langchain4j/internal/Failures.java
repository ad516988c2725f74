package dev.pvit.langchain4j.internal;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.pvit.NonRetriableException;
import dev.pvit.PvitException;
import dev.pvit.RetriableException;
import dev.pvit.client.InvalidChatRequestException;
import dev.pvit.client.InvalidModelConfigException;
import dev.pvit.client.MalformedModelResponseException;
import dev.pvit.client.ModelAuthenticationException;
import dev.pvit.client.ModelConnectionException;
import dev.pvit.client.ModelRequestRejectedException;
import dev.pvit.client.ModelServerException;
import dev.pvit.client.ModelTimeoutException;
import dev.pvit.client.RateLimitException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Maps what a LangChain4j model throws to PVIT's exceptions: rate limits, timeouts, 5xx responses
 * and connection failures become {@link RetriableException}s; bad credentials, rejected requests,
 * unknown models, content filters, unresolvable hosts and malformed responses become {@link
 * NonRetriableException}s.
 *
 * <p>LangChain4j puts the server's response body in its exception messages. Those bodies may echo
 * request data (base64 images), so PVIT exceptions carry a redacted, shortened excerpt and never the
 * LangChain4j exception itself as their cause; only I/O causes (which carry no body) are chained.
 */
public final class Failures {
  /** Longest server excerpt put in a message. */
  static final int EXCERPT_CHARS = 200;

  private static final Pattern BASE64_RUN =
      Pattern.compile("(?:data:[\\w.+/-]+;base64,)?[A-Za-z0-9+/_-]{100,}={0,2}");
  private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+\\S+");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private Failures() {}

  /**
   * The PVIT exception for a LangChain4j failure.
   *
   * @param error what the LangChain4j model threw or reported
   * @param where names the model for messages, e.g. {@code "The LangChain4j OPEN_AI model"}
   * @return the PVIT exception (the error itself if it already is one)
   */
  public static PvitException map(Throwable error, String where) {
    if (error instanceof PvitException p) {
      return p;
    }
    HttpException http = find(error, HttpException.class);
    int status = http != null ? http.statusCode() : -1;
    String server = excerpt(http != null ? http.getMessage() : error.getMessage());
    String said = server.isEmpty() ? "" : ": " + server;
    String type = " (" + error.getClass().getSimpleName() + ")";

    if (error instanceof dev.langchain4j.exception.RateLimitException || status == 429) {
      return new RateLimitException(where + " is rate-limited or out of quota" + said + type
          + ". Wait and try again, or lower the request rate.", server, null);
    }
    if (find(error, HttpConnectTimeoutException.class) != null) {
      return new ModelTimeoutException(where + " could not connect in time" + type
          + ". Check that the server is reachable, or raise the model's timeout.",
          ModelTimeoutException.Phase.CONNECT);
    }
    if (error instanceof TimeoutException || status == 408
        || find(error, HttpTimeoutException.class) != null
        || find(error, java.util.concurrent.TimeoutException.class) != null) {
      return new ModelTimeoutException(where + " did not answer in time" + type
          + ". Raise the timeout of the LangChain4j model (e.g. its builder's timeout(...)).",
          ModelTimeoutException.Phase.TOTAL);
    }
    if (error instanceof InternalServerException || status >= 500 && status <= 599) {
      return new ModelServerException(where + " failed with a server error" + said + type
          + ". Try again later.", status > 0 ? status : 500, server);
    }
    if (error instanceof AuthenticationException || status == 401 || status == 403) {
      return new ModelAuthenticationException(where + " refused the credentials" + said + type
          + ". Check the API key and that it has access to this model.", status > 0 ? status : 401, server);
    }
    if (error instanceof ModelNotFoundException || status == 404) {
      return new ModelRequestRejectedException(where + " does not know this model or endpoint" + said + type
          + ". Check the model name and base URL.", 404, server);
    }
    if (error instanceof ContentFilteredException) {
      return new ModelRequestRejectedException(where + " refused the request by its content filter" + said
          + type + ".", status > 0 ? status : 400, server);
    }
    if (error instanceof InvalidRequestException || status >= 400 && status <= 499) {
      return new ModelRequestRejectedException(where + " rejected the request" + said + type
          + ". Retrying the same request will fail again; check the model's image and size limits.",
          status > 0 ? status : 400, server);
    }
    if (error instanceof UnresolvedModelServerException
        || find(error, UnresolvedAddressException.class) != null
        || find(error, UnknownHostException.class) != null) {
      return new InvalidModelConfigException(where + " has a server address that cannot be resolved" + type
          + ". Check the base URL.");
    }
    if (error instanceof UnsupportedFeatureException) {
      return new InvalidChatRequestException(where + " does not support this request" + said + type + ".");
    }
    if (isJsonError(error)) {
      return new MalformedModelResponseException(where + " received a response it could not parse" + said
          + type + ". Check that the base URL points at the provider's API.", status > 0 ? status : 200, server);
    }
    if (find(error, InterruptedException.class) != null) {
      Thread.currentThread().interrupt();
      return new ModelConnectionException(where + " call was interrupted; the request was abandoned.");
    }
    IOException io = find(error, IOException.class);
    if (io != null) {
      return new ModelConnectionException(where + " could not reach the server: "
          + excerpt(io.getClass().getSimpleName() + " " + io.getMessage()) + ". Check that it is running.", io);
    }
    if (error instanceof dev.langchain4j.exception.RetriableException) {
      return new RetriableException(where + " failed" + said + type + ". Try again later.");
    }
    if (error instanceof IllegalArgumentException) {
      return new InvalidChatRequestException(where + " refused the request before sending it" + said + type + ".");
    }
    return new NonRetriableException(where + " failed" + said + type + ".");
  }

  /**
   * Server text made safe for a message: long base64 runs and bearer tokens removed, whitespace
   * collapsed, at most {@value #EXCERPT_CHARS} characters.
   *
   * @param text the text, or null
   * @return the excerpt, empty for null
   */
  public static String excerpt(@Nullable String text) {
    if (text == null) {
      return "";
    }
    String s = BASE64_RUN.matcher(text).replaceAll(m -> "[base64 " + m.group().length() + " chars]");
    s = BEARER.matcher(s).replaceAll("Bearer [redacted]");
    s = WHITESPACE.matcher(s).replaceAll(" ").strip();
    return s.length() > EXCERPT_CHARS ? s.substring(0, EXCERPT_CHARS - 1) + "…" : s;
  }

  private static boolean isJsonError(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getClass().getName().startsWith("com.fasterxml.jackson.")) {
        return true;
      }
    }
    return false;
  }

  private static <T extends Throwable> @Nullable T find(Throwable error, Class<T> type) {
    int depth = 0;
    for (Throwable t = error; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
