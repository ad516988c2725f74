package dev.pvit.chat.internal;

import dev.pvit.face.RecognizedFace;
import dev.pvit.face.SceneRecognition;
import java.util.List;

/**
 * Thrown when the faces do not settle the answer: a registered person whom an unnamed face
 * resembles ({@link SceneRecognition#lookalikes}) can be neither confirmed nor ruled out, or two
 * estimates are too close to call.
 */
final class Uncertain extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** The abstention's text: "I can't tell: " and the facts. */
  final String text;
  /** The registered people concerned. */
  final List<String> names;

  /**
   * @param facts what the faces do tell, after "I can't tell: "
   * @param names the registered people concerned
   */
  Uncertain(String facts, List<String> names) {
    super(null, null, false, false);
    this.text = "I can't tell: " + facts;
    this.names = List.copyOf(names);
  }

  /** The registered people among some faces (the people an abstention is about). */
  static List<String> names(RecognizedFace... faces) {
    return java.util.Arrays.stream(faces).flatMap(x -> x.name().stream()).toList();
  }
}
