package dev.pvit.chat.internal;

import dev.pvit.face.RecognizedFace;

/** Thrown when an answer needs expression or age estimates that the engine did not compute. */
final class NoEstimates extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final transient RecognizedFace face;

  NoEstimates(RecognizedFace face) {
    super(null, null, false, false);
    this.face = face;
  }
}
