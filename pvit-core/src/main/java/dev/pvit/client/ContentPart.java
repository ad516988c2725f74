package dev.pvit.client;

import dev.pvit.image.ImageInput;

/**
 * One piece of a {@link ChatMessage}: a {@link TextPart} or an {@link ImagePart}. The order of parts
 * in a message is the order the model is meant to read them in.
 *
 * <pre>{@code
 * ChatMessage msg = ChatMessage.user(
 *     ContentPart.text("This is Alice:"), ContentPart.image(alicePhoto),
 *     ContentPart.text("Is Alice in this photo?"), ContentPart.image(scene));
 * }</pre>
 */
public sealed interface ContentPart permits TextPart, ImagePart {

  /**
   * A text part.
   *
   * @param text the text (may be empty)
   * @return the part
   */
  static TextPart text(String text) {
    return new TextPart(text);
  }

  /**
   * An image part.
   *
   * @param image the encoded image
   * @return the part
   */
  static ImagePart image(ImageInput image) {
    return new ImagePart(image);
  }
}
