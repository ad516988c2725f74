package dev.pvit.prompt.internal;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and escapes reserved tokens (image placeholders, wrapper tokens, chat-template role markers
 * and special tokens) in user-supplied text, so that a name or question can never change a prompt's
 * structure.
 *
 * <p>Escaping replaces each reserved token with a visible look-alike and never inserts invisible
 * characters: {@code <} and {@code >} become {@code ‹} and {@code ›} ({@code <image>} →
 * {@code ‹image›}); in tokens without angle brackets, {@code :}, {@code [}, {@code ]} and {@code |}
 * become their full-width forms ({@code USER:} → {@code USER：}, {@code [INST]} → {@code ［INST］});
 * any other custom token gets its first ASCII character replaced by the full-width form. Control
 * characters become the matching Unicode "control picture" (U+2400 block) or U+FFFD. Thread-safe.
 */
public final class TokenGuard {
  /** Tokens reserved whatever the configured placeholder and wrappers (matched ignoring case). */
  static final List<String> BUILT_IN_TOKENS =
      List.of(
          "<image>", "<video>", "<img>", "</img>", "<IMG_CONTEXT>", "<person>", "</person>", "<s>",
          "</s>", "[INST]", "[/INST]", "<<SYS>>", "<</SYS>>", "<start_of_turn>", "<end_of_turn>",
          "<start_of_image>", "<end_of_image>", "<image_soft_token>", "<bos>", "<eos>", "<unk>", "<pad>");

  /** ChatML, Qwen, Llama 3, Phi special tokens: {@code <|anything|>}. */
  private static final String SPECIAL_TOKEN = "<\\|[^<>|\\s]{1,64}\\|>";

  /**
   * Conversation-template role markers such as {@code USER:} and {@code Human:}, in any letter case:
   * templates differ in case ({@code USER:}, {@code User:}, {@code user:}) and a model reads them all
   * as a turn change.
   */
  private static final String ROLE_MARKER =
      "(?<![\\p{L}\\p{N}_])(?:USER|ASSISTANT|SYSTEM|HUMAN|GPT)[ \\t]*:";

  private final Pattern pattern;

  /** A reserved token found in text. */
  public record Match(String token, int start) {}

  private static final LoadingCache<List<String>, TokenGuard> CACHE =
      CacheBuilder.newBuilder().maximumSize(64).build(CacheLoader.from(TokenGuard::new));

  /**
   * A shared guard for the given configured tokens; compiling the pattern is the expensive part, and
   * a data pipeline checks millions of texts against the same few configurations.
   *
   * @param configuredTokens tokens of the current configuration (placeholder, wrapper tokens)
   * @return the guard
   */
  public static TokenGuard of(List<String> configuredTokens) {
    return CACHE.getUnchecked(List.copyOf(configuredTokens));
  }

  /**
   * Creates a guard for the given configured tokens (placeholder, wrapper tokens).
   *
   * @param configuredTokens tokens of the current configuration, matched exactly; empty strings are
   *     ignored
   */
  public TokenGuard(List<String> configuredTokens) {
    Set<String> exact = new LinkedHashSet<>();
    for (String t : configuredTokens) {
      if (!t.isEmpty()) {
        exact.add(t);
      }
    }
    List<String> exactSorted = new ArrayList<>(exact);
    exactSorted.sort(Comparator.comparingInt(String::length).reversed());
    List<String> builtIn = new ArrayList<>(BUILT_IN_TOKENS);
    builtIn.sort(Comparator.comparingInt(String::length).reversed());
    StringBuilder re = new StringBuilder();
    for (String t : exactSorted) {
      re.append("(?-i:").append(Pattern.quote(t)).append(")|");
    }
    for (String t : builtIn) {
      re.append(Pattern.quote(t)).append('|');
    }
    re.append(SPECIAL_TOKEN).append('|').append(ROLE_MARKER);
    this.pattern =
        Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /**
   * The first reserved token in the text.
   *
   * @param text any text
   * @return the first match, if any
   */
  public Optional<Match> find(String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(new Match(m.group(), m.start())) : Optional.empty();
  }

  /**
   * Replaces every reserved token by a visible look-alike until none is left.
   *
   * @param text any text
   * @return the escaped text (the same string if nothing was reserved)
   * @throws IllegalArgumentException if a custom token has no ASCII character to replace
   */
  public String escape(String text) {
    String current = text;
    // Each round replaces at least one ASCII character by a non-ASCII one, so this terminates.
    for (int round = 0; round <= text.length(); round++) {
      Matcher m = pattern.matcher(current);
      if (!m.find()) {
        return current;
      }
      StringBuilder sb = new StringBuilder();
      m.reset();
      while (m.find()) {
        m.appendReplacement(sb, Matcher.quoteReplacement(escapeToken(m.group())));
      }
      m.appendTail(sb);
      current = sb.toString();
    }
    throw new IllegalArgumentException("reserved tokens could not be escaped");
  }

  private static String escapeToken(String token) {
    if (token.indexOf('<') >= 0 || token.indexOf('>') >= 0) {
      return token.replace('<', '\u2039').replace('>', '\u203A');
    }
    StringBuilder sb = new StringBuilder(token.length());
    boolean changed = false;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == ':' || c == '[' || c == ']' || c == '|') {
        sb.append((char) (c + 0xFEE0));
        changed = true;
      } else {
        sb.append(c);
      }
    }
    if (changed) {
      return sb.toString();
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c > 0x20 && c < 0x7F) {
        return token.substring(0, i) + (char) (c + 0xFEE0) + token.substring(i + 1);
      }
    }
    throw new IllegalArgumentException("token '" + token + "' has no ASCII character to escape");
  }

  /**
   * Index of the first control or invisible character, or -1. Newline and tab are allowed when
   * {@code allowLineBreaks} is set.
   *
   * @param text any text
   * @param allowLineBreaks whether {@code \n} and {@code \t} are allowed
   * @return the char index, or -1
   */
  public static int findControl(String text, boolean allowLineBreaks) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (isForbidden(cp, allowLineBreaks)) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return -1;
  }

  /**
   * Replaces control and invisible characters by visible stand-ins (U+2400 control pictures for C0
   * controls and DEL, U+FFFD otherwise).
   *
   * @param text any text
   * @param allowLineBreaks whether {@code \n} and {@code \t} are kept
   * @return the cleaned text
   */
  public static String escapeControls(String text, boolean allowLineBreaks) {
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (!isForbidden(cp, allowLineBreaks)) {
                sb.appendCodePoint(cp);
              } else if (cp < 0x20) {
                sb.appendCodePoint(0x2400 + cp);
              } else if (cp == 0x7F) {
                sb.appendCodePoint(0x2421);
              } else {
                sb.append('\uFFFD');
              }
            });
    return sb.toString();
  }

  private static boolean isForbidden(int cp, boolean allowLineBreaks) {
    if (allowLineBreaks && (cp == '\n' || cp == '\t')) {
      return false;
    }
    int type = Character.getType(cp);
    return Character.isISOControl(cp) || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.UNASSIGNED || type == Character.SURROGATE
        || type == Character.PRIVATE_USE;
  }

  /**
   * The built-in reserved tokens (besides the generic {@code <|…|>} special tokens and role markers).
   *
   * @return the list
   */
  public static List<String> builtInTokens() {
    return ImmutableList.copyOf(BUILT_IN_TOKENS);
  }
}
