package dev.pvit.client;

import java.util.Locale;

/**
 * The OpenAI {@code image_url.detail} hint: how much resolution the server should spend on each
 * image. Most self-hosted servers ignore it.
 */
public enum ImageDetail {
  /** Let the server decide. */
  AUTO,
  /** A fixed small budget per image: cheaper and faster, fine for faces that fill the image. */
  LOW,
  /** Full resolution tiles: needed to tell apart small faces in large scenes. */
  HIGH;

  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
