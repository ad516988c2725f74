package dev.pvit.prompt;

import com.google.common.collect.ImmutableList;
import dev.pvit.image.ImageInput;
import java.util.List;

/**
 * A prompt as plain text with one placeholder per image, plus the images in placeholder order, for
 * local engines that take text and an image list.
 *
 * @param text the text, containing one image placeholder per image
 * @param images the images, in placeholder order
 */
public record TextPrompt(String text, List<ImageInput> images) {
  /** Copies the image list. */
  public TextPrompt {
    images = ImmutableList.copyOf(images);
  }
}
