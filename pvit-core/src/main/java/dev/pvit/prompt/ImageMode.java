package dev.pvit.prompt;

/** How a renderer writes an image. */
public enum ImageMode {
  /** The image data: a {@code data:} URL (OpenAI, LLaVA) or raw base64 (Ollama). */
  INLINE,
  /** The image's name (its file path as given), for display and for dataset records. */
  FILE_NAME
}
