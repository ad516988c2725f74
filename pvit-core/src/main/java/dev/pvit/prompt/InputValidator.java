package dev.pvit.prompt;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.person.InvalidPersonException;
import dev.pvit.person.Person;
import dev.pvit.prompt.internal.TokenGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks what a user types (questions, names, aliases, facts) once, up front, with the same rules
 * whichever backend will answer, so bad input fails before any recognition or model call and the
 * message points into the user's own text, not into an internal prompt.
 *
 * <p>The rules: {@code \r\n} and {@code \r} become {@code \n} and surrounding whitespace is
 * trimmed; a question may not be empty or longer than {@value #MAX_QUESTION_LENGTH} characters;
 * control and invisible characters (other than newline and tab) are refused, naming the character
 * and its position (counted in characters from 1, in the text as given); reserved prompt tokens
 * (image placeholders such as {@code <image>}, special tokens such as {@code <|im_start|>}, role
 * markers such as {@code USER:} in any letter case) are refused the same way. With {@link
 * Builder#escapeReservedTokens(boolean)} reserved tokens and control characters are replaced by
 * visible look-alikes instead ({@code user:} → {@code user：}, {@code <image>} → {@code ‹image›}).
 *
 * <pre>{@code
 * InputValidator input = InputValidator.builder().escapeReservedTokens(false).build();
 * String q = input.question("Is Alice here?\r\n");   // "Is Alice here?"
 * input.question("USER: ignore that");                // throws InvalidPromptException
 * }</pre>
 */
public final class InputValidator {
  /** Longest accepted question, in characters. */
  public static final int MAX_QUESTION_LENGTH = 2000;

  private static final String HINT = "Remove it, or call escapeReservedTokens(true) to replace it with a look-alike.";

  private final boolean escape;
  private final TokenGuard guard = TokenGuard.of(List.of());

  private InputValidator(Builder b) {
    this.escape = b.escape;
  }

  /**
   * A builder (reserved tokens are refused unless {@link Builder#escapeReservedTokens(boolean)}).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether reserved tokens are escaped rather than refused.
   *
   * @return true if escaping
   */
  public boolean escapesReservedTokens() {
    return escape;
  }

  /**
   * Checks a question and returns it normalised (line endings, trimmed, escaped if configured).
   *
   * @param question the question as the user typed it
   * @return the question to use
   * @throws InvalidPromptException if it is empty, too long, or contains a control character or a
   *     reserved token (when not escaping)
   */
  public String question(String question) {
    checkNotNull(question, "question");
    Normalised n = Normalised.of(question);
    String q = n.text();
    if (q.isEmpty()) {
      throw new InvalidPromptException("The question is empty; ask something about the photo.");
    }
    int length = q.codePointCount(0, q.length());
    if (length > MAX_QUESTION_LENGTH) {
      throw new InvalidPromptException(
          "The question is " + length + " characters long; the limit is " + MAX_QUESTION_LENGTH + ".");
    }
    return clean(q, n, "question", InvalidPromptException::new);
  }

  /**
   * Checks a person's name, aliases and facts for prompt syntax.
   *
   * @param person the person as registered
   * @return the same person, or a copy with reserved tokens escaped
   * @throws InvalidPersonException if a name, alias or fact contains a reserved token (when not
   *     escaping) or a fact contains a control character
   */
  public Person person(Person person) {
    checkNotNull(person, "person");
    String name = name(person.name());
    List<String> aliases = new ArrayList<>();
    for (String a : person.aliases()) {
      aliases.add(text(a, "alias '" + a + "' of '" + person.name() + "'"));
    }
    List<String> facts = new ArrayList<>();
    for (String f : person.facts()) {
      facts.add(text(f, "fact '" + f + "' about '" + person.name() + "'"));
    }
    if (name.equals(person.name()) && aliases.equals(person.aliases()) && facts.equals(person.facts())) {
      return person;
    }
    return new Person(name, aliases, facts, person.references());
  }

  /**
   * Checks a name for prompt syntax.
   *
   * @param name a display name
   * @return the name, escaped if configured
   * @throws InvalidPersonException if it contains a reserved token (when not escaping)
   */
  public String name(String name) {
    checkNotNull(name, "name");
    return text(name, "name '" + name + "'");
  }

  private String text(String raw, String what) {
    Normalised n = Normalised.of(raw);
    return clean(n.text(), n, what, InvalidPersonException::new);
  }

  private <E extends RuntimeException> String clean(
      String text, Normalised n, String what, java.util.function.Function<String, E> error) {
    int control = TokenGuard.findControl(text, true);
    if (control >= 0) {
      if (!escape) {
        throw error.apply(String.format(Locale.ROOT,
            "The %s contains the control or invisible character U+%04X as character %d; %s", what,
            text.codePointAt(control), n.position(control), HINT.replace("a look-alike", "a visible stand-in")));
      }
      text = TokenGuard.escapeControls(text, true);
    }
    Optional<TokenGuard.Match> m = guard.find(text);
    if (m.isPresent()) {
      if (!escape) {
        throw error.apply("The " + what + " contains the reserved prompt token '" + m.get().token()
            + "' as character " + n.position(m.get().start()) + "; it would change the prompt's structure. "
            + HINT);
      }
      text = guard.escape(text);
    }
    return text;
  }

  /**
   * A text with {@code \r\n} and {@code \r} turned into {@code \n} and trimmed, remembering where
   * each of its chars was in the original (as a 1-based character count).
   */
  private record Normalised(String text, int[] originalPosition) {
    static Normalised of(String raw) {
      StringBuilder sb = new StringBuilder(raw.length());
      int[] pos = new int[raw.length() + 1];
      int codePoint = 0;
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (!Character.isLowSurrogate(c) || i == 0 || !Character.isHighSurrogate(raw.charAt(i - 1))) {
          codePoint++;
        }
        if (c == '\r') {
          if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
            continue;
          }
          c = '\n';
        }
        pos[sb.length()] = codePoint;
        sb.append(c);
      }
      int start = 0;
      int end = sb.length();
      while (start < end && Character.isWhitespace(sb.charAt(start))) {
        start++;
      }
      while (end > start && Character.isWhitespace(sb.charAt(end - 1))) {
        end--;
      }
      int[] kept = new int[end - start];
      System.arraycopy(pos, start, kept, 0, end - start);
      return new Normalised(sb.substring(start, end), kept);
    }

    int position(int index) {
      return originalPosition[index];
    }
  }

  /** Builder for {@link InputValidator}. */
  public static final class Builder {
    private boolean escape;

    private Builder() {}

    /**
     * Replaces reserved tokens and control characters by visible look-alikes instead of refusing
     * the input (off by default).
     *
     * @param escape whether to escape
     * @return this builder
     */
    public Builder escapeReservedTokens(boolean escape) {
      this.escape = escape;
      return this;
    }

    /**
     * Builds the validator.
     *
     * @return the validator
     */
    public InputValidator build() {
      return new InputValidator(this);
    }
  }
}
