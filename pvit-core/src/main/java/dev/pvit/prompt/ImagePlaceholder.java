package dev.pvit.prompt;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * The text that stands for one image in text-based prompt formats (LLaVA conversation JSON, plain
 * text). Different model families expect different tokens; the placeholder is reserved, so names and
 * questions may not contain it.
 *
 * <pre>{@code
 * PersonalizedPrompt.builder().imagePlaceholder(ImagePlaceholder.QWEN_VL)...
 * }</pre>
 *
 * @param token the placeholder text, e.g. {@code <image>}
 */
public record ImagePlaceholder(String token) {
  /** {@code <image>}: LLaVA, PVIT/P-LLaVA (the released format) and the default. */
  public static final ImagePlaceholder LLAVA = new ImagePlaceholder("<image>");

  /** Qwen2-VL / Qwen2.5-VL: {@code <|vision_start|><|image_pad|><|vision_end|>}. */
  public static final ImagePlaceholder QWEN_VL =
      new ImagePlaceholder("<|vision_start|><|image_pad|><|vision_end|>");

  /** InternVL chat: {@code <image>} (expanded by the model's own processor). */
  public static final ImagePlaceholder INTERNVL = new ImagePlaceholder("<image>");

  /** Gemma 3: {@code <start_of_image>} (the processor expands it to image soft tokens). */
  public static final ImagePlaceholder GEMMA3 = new ImagePlaceholder("<start_of_image>");

  /** Llama 3.2 Vision: {@code <|image|>}. */
  public static final ImagePlaceholder LLAMA_VISION = new ImagePlaceholder("<|image|>");

  /**
   * Validates the token.
   *
   * @throws InvalidPromptException if the token is blank or contains whitespace or control
   *     characters
   */
  public ImagePlaceholder {
    checkNotNull(token, "token");
    if (token.isEmpty()) {
      throw new InvalidPromptException("The image placeholder is empty; use e.g. '<image>'.");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new InvalidPromptException(
            "The image placeholder '" + token
                + "' contains whitespace or a control character; use a single visible token.");
      }
    }
  }

  /**
   * A custom placeholder.
   *
   * @param token the placeholder text
   * @return the placeholder
   * @throws InvalidPromptException if the token is invalid
   */
  public static ImagePlaceholder of(String token) {
    return new ImagePlaceholder(token);
  }
}
