package dev.pvit.chat.internal;

/** Thrown when a description ("the stranger") fits no face or several. */
final class Unclear extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Unclear(String message) {
    super(message, null, false, false);
  }
}
