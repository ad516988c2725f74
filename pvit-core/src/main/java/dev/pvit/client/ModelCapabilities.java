package dev.pvit.client;

/**
 * What a {@link VisionChatModel} supports, so callers (e.g. the prompt builder) can adapt a request
 * before sending it.
 *
 * @param maxImagesPerRequest most images one request may carry ({@link Integer#MAX_VALUE} when not
 *     known to be limited)
 * @param streaming whether {@link VisionChatModel#chat(VisionChatRequest, StreamListener)} delivers
 *     text incrementally (otherwise it delivers the whole reply as one delta)
 * @param systemPrompt whether {@link Role#SYSTEM} messages are honoured
 */
public record ModelCapabilities(int maxImagesPerRequest, boolean streaming, boolean systemPrompt) {
  /**
   * Creates capabilities.
   *
   * @param maxImagesPerRequest at least 1
   * @param streaming incremental streaming support
   * @param systemPrompt system message support
   * @throws InvalidModelConfigException if {@code maxImagesPerRequest} is below 1
   */
  public ModelCapabilities {
    if (maxImagesPerRequest < 1) {
      throw new InvalidModelConfigException(
          "maxImagesPerRequest must be at least 1, got " + maxImagesPerRequest + ".");
    }
  }

  /**
   * The assumptions for a model that declares nothing: any number of images, no incremental
   * streaming, system prompts honoured.
   *
   * @return the defaults
   */
  public static ModelCapabilities defaults() {
    return new ModelCapabilities(Integer.MAX_VALUE, false, true);
  }
}
