package dev.pvit.client.internal;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Makes server text safe for exception messages and logs: removes the API key and long base64 runs
 * (echoed image data), collapses whitespace and shortens.
 */
public final class Redaction {
  /** Longest body excerpt put in an exception. */
  public static final int EXCERPT_CHARS = 200;

  private static final Pattern BASE64_RUN =
      Pattern.compile("(?:data:[\\w.+/-]+;base64,)?[A-Za-z0-9+/_-]{100,}={0,2}");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private Redaction() {}

  /**
   * Redacts and shortens text.
   *
   * @param text server text
   * @param secret the API key to remove, or null
   * @param maxChars longest result, including a trailing ellipsis when shortened
   * @return the safe text
   */
  public static String redact(String text, @Nullable String secret, int maxChars) {
    String s = text;
    if (secret != null && !secret.isEmpty()) {
      s = s.replace(secret, "[api-key]");
    }
    s = BASE64_RUN.matcher(s).replaceAll(m -> "[base64 " + m.group().length() + " chars]");
    s = WHITESPACE.matcher(s).replaceAll(" ").trim();
    if (s.length() > maxChars) {
      s = s.substring(0, maxChars - 1) + "…";
    }
    return s;
  }

  /**
   * A body excerpt of at most {@value #EXCERPT_CHARS} characters.
   *
   * @param text server text
   * @param secret the API key to remove, or null
   * @return the excerpt
   */
  public static String excerpt(String text, @Nullable String secret) {
    return redact(text, secret, EXCERPT_CHARS);
  }
}
