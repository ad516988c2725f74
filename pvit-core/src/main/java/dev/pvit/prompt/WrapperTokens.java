package dev.pvit.prompt;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * The pair of tokens that delimits one person's part of the personalized prefix.
 *
 * <p>{@link #NONE} is the released PVIT format (each introduction simply follows its image); {@link
 * #PERSON_TAGS} wraps each person in {@code <person>} … {@code </person>}; {@link #of(String,
 * String)} makes a custom pair, e.g. a backend's own special tokens. Both tokens are reserved: names
 * and questions may not contain them.
 *
 * <pre>{@code
 * PersonalizedPrompt.builder().wrapperTokens(WrapperTokens.PERSON_TAGS)...
 * }</pre>
 *
 * @param open the token before a person's images, empty for none
 * @param close the token after a person's introduction, empty for none
 */
public record WrapperTokens(String open, String close) {
  /** No wrapper tokens: the released PVIT format. */
  public static final WrapperTokens NONE = new WrapperTokens("", "");

  /** {@code <person>} … {@code </person>}. */
  public static final WrapperTokens PERSON_TAGS = new WrapperTokens("<person>", "</person>");

  /**
   * Validates the pair.
   *
   * @throws InvalidPromptException if only one token is empty, the tokens are equal, or a token
   *     contains whitespace or a control character
   */
  public WrapperTokens {
    checkNotNull(open, "open");
    checkNotNull(close, "close");
    if (open.isEmpty() != close.isEmpty()) {
      throw new InvalidPromptException(
          "Wrapper tokens must both be empty or both be set; got open='" + open + "', close='" + close
              + "'.");
    }
    if (!open.isEmpty() && open.equals(close)) {
      throw new InvalidPromptException(
          "Wrapper tokens must differ so a person's start and end can be told apart; both are '" + open
              + "'.");
    }
    checkToken(open, "open");
    checkToken(close, "close");
  }

  /**
   * A custom pair.
   *
   * @param open the token before a person's images
   * @param close the token after a person's introduction
   * @return the pair
   * @throws InvalidPromptException if the pair is invalid
   */
  public static WrapperTokens of(String open, String close) {
    return new WrapperTokens(open, close);
  }

  /**
   * Whether this is {@link #NONE}.
   *
   * @return true if no tokens are emitted
   */
  public boolean isNone() {
    return open.isEmpty();
  }

  private static void checkToken(String token, String which) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new InvalidPromptException(
            "The " + which + " wrapper token '" + token
                + "' contains whitespace or a control character; use a single visible token.");
      }
    }
  }
}
