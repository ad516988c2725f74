package dev.pvit.chat.internal;

import dev.pvit.chat.Abstention;
import dev.pvit.chat.Answer;
import dev.pvit.chat.AnswerKind;
import dev.pvit.chat.Backend;
import dev.pvit.chat.Intent;
import dev.pvit.chat.Position;
import dev.pvit.chat.RecognizedPerson;
import dev.pvit.face.RecognizedFace;
import dev.pvit.face.SceneRecognition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An answer's text and kind, before timings and people are attached.
 *
 * @param text the answer
 * @param kind its kind
 * @param abstention why the reply does not answer, when the evaluation (not the parser) decided so
 */
public record Reply(String text, AnswerKind kind, Optional<Abstention> abstention) {
  /**
   * A reply without an abstention of its own.
   *
   * @param text the answer
   * @param kind its kind
   */
  public Reply(String text, AnswerKind kind) {
    this(text, kind, Optional.empty());
  }

  /**
   * The public answer for this reply, with no model involved.
   *
   * @param recognition the scene it is about
   * @param backend the mode that answered
   * @param recognitionTime time spent recognising the scene
   * @param intent the question's family
   * @param abstention why the parser did not answer, if it did not (the reply's own abstention wins)
   * @return the answer
   */
  public Answer toAnswer(SceneRecognition recognition, Backend backend, Duration recognitionTime, Intent intent,
      Optional<Abstention> abstention) {
    return new Answer(text, kind, recognized(recognition), recognition.faces().size(), backend, recognitionTime,
        Duration.ZERO, Optional.empty(), intent, this.abstention.or(() -> abstention));
  }

  /**
   * The registered people recognised in a scene, left to right.
   *
   * @param scene the recognised scene
   * @return one entry per recognised registered face
   */
  public static List<RecognizedPerson> recognized(SceneRecognition scene) {
    List<RecognizedPerson> out = new ArrayList<>();
    for (RecognizedFace f : scene.faces()) {
      f.name().ifPresent(n -> out.add(new RecognizedPerson(
          n, f.box(), f.distance(), Position.of(f.box().centerX(), scene.width()),
          f.decision().threshold(), f.decision().margin())));
    }
    return out;
  }
}
