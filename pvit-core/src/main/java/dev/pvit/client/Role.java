package dev.pvit.client;

/** Who wrote a {@link ChatMessage}. */
public enum Role {
  /** Instructions that frame the conversation (text only). */
  SYSTEM,
  /** The user's turn: text and images. */
  USER,
  /** An earlier reply of the model (text only), for multi-turn conversations. */
  ASSISTANT
}
