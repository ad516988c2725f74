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
 */
public record Reply(String text, AnswerKind kind) {
  /**
   * The public answer for this reply, with no model involved.
   *
   * @param recognition the scene it is about
   * @param backend the mode that answered
   * @param recognitionTime time spent recognising the scene
   * @param intent the question's family
   * @param abstention why it was not answered, if it was not
   * @return the answer
   */
  public Answer toAnswer(SceneRecognition recognition, Backend backend, Duration recognitionTime, Intent intent,
      Optional<Abstention> abstention) {
    return new Answer(text, kind, recognized(recognition), recognition.faces().size(), backend, recognitionTime,
        Duration.ZERO, Optional.empty(), intent, abstention);
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
