package dev.pvit.prompt;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.image.ImageInput;

/**
 * One piece of a prompt message in its canonical interleaved order: text or an image. Every renderer
 * is built on {@link PersonalizedPrompt#segments()} / {@link PersonalizedPrompt#messages()}, so a
 * chat client can turn a prompt into any request format without re-implementing the prefix.
 *
 * <pre>{@code
 * for (PromptSegment s : prompt.segments()) {
 *   if (s instanceof PromptSegment.Text t) {
 *     parts.add(textPart(t.text()));
 *   } else if (s instanceof PromptSegment.Image img) {
 *     parts.add(imagePart(img.image().dataUrl()));
 *   }
 * }
 * }</pre>
 */
public sealed interface PromptSegment permits PromptSegment.Text, PromptSegment.Image {

  /**
   * A piece of text: a wrapper token, an introduction or the question. Text formats put a newline
   * between consecutive segments.
   *
   * @param text the text, never empty
   */
  record Text(String text) implements PromptSegment {
    /** Checks for null. */
    public Text {
      checkNotNull(text, "text");
    }
  }

  /**
   * An image and what it is for.
   *
   * @param image the image
   * @param role reference of a person, or scene
   */
  record Image(ImageInput image, ImageRole role) implements PromptSegment {
    /** Checks for nulls. */
    public Image {
      checkNotNull(image, "image");
      checkNotNull(role, "role");
    }
  }
}
