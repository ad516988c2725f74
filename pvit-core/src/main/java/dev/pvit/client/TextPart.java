package dev.pvit.client;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A text piece of a message.
 *
 * @param text the text, possibly empty
 */
public record TextPart(String text) implements ContentPart {
  /**
   * Creates the part.
   *
   * @param text the text, possibly empty
   */
  public TextPart {
    checkNotNull(text, "text");
  }
}
