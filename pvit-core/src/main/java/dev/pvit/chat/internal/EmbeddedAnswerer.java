package dev.pvit.chat.internal;

import dev.pvit.chat.Abstention;
import dev.pvit.chat.AnswerKind;
import dev.pvit.chat.internal.LogicalForm.AllOf;
import dev.pvit.chat.internal.LogicalForm.Clauses;
import dev.pvit.chat.internal.LogicalForm.Names;
import dev.pvit.chat.internal.LogicalForm.Present;
import dev.pvit.chat.internal.LogicalForm.Want;
import dev.pvit.face.RecognizedFace;
import dev.pvit.face.SceneRecognition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Answers what face recognition alone can answer: refusals for unknown and absent people first,
 * then the {@link Evaluator} for understood questions. Anything else gets an honest {@link
 * AnswerKind#NEEDS_VISION_MODEL} answer that says who is where, never a guess.
 */
public final class EmbeddedAnswerer {
  private final Refusals refusals;
  private final Evaluator evaluator;

  /**
   * Creates an answerer.
   *
   * @param refusals where refusal sentences come from
   * @param registered the registered people's display names
   */
  public EmbeddedAnswerer(Refusals refusals, Supplier<List<String>> registered) {
    this.refusals = refusals;
    this.evaluator = new Evaluator(registered);
  }

  /**
   * Answers a parsed question about a recognised scene.
   *
   * @param q the question
   * @param scene the recognised faces
   * @param random chooses refusal phrasings
   * @return the answer
   */
  public Reply answer(ParsedQuestion q, SceneRecognition scene, Random random) {
    Optional<Reply> refusal = refusal(q, scene, random);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    return q.form().map(f -> evaluator.evaluate(f, scene)).orElseGet(() -> notAnswered(q, scene));
  }

  /**
   * The refusal a question gets before anything else: an unregistered name; a registered person who
   * is not in the scene (for every question but "is X here?", whose answer is simply "no"); or,
   * for who/where questions, a photo without faces.
   *
   * @param q the question
   * @param scene the recognised faces
   * @param random chooses the phrasing
   * @return the refusal, or empty if the question can be answered
   */
  public Optional<Reply> refusal(ParsedQuestion q, SceneRecognition scene, Random random) {
    if (!q.unknownNames().isEmpty()) {
      return Optional.of(new Reply(refusals.unknown(q.unknownNames().get(0), random), AnswerKind.PERSON_UNKNOWN));
    }
    Set<String> mustBeHere = q.form().map(EmbeddedAnswerer::mustBeHere).orElse(Set.copyOf(q.people()));
    for (String name : q.people()) {
      if (mustBeHere.contains(name)) {
        if (scene.find(name).isEmpty()) {
          List<RecognizedFace> like = scene.lookalikes(name);
          if (!like.isEmpty()) {
            return Optional.of(new Reply("I can't tell: " + Wording.resemblance(name, like, scene) + ".",
                AnswerKind.NEEDS_VISION_MODEL, Optional.of(new Abstention(Abstention.Reason.UNCERTAIN, List.of(name)))));
          }
          String text = refusals.absent(name, random);
          if (scene.faces().isEmpty()) {
            text = text + " (I could not find any face in this photo.)";
          }
          return Optional.of(new Reply(text, AnswerKind.PERSON_ABSENT));
        }
      }
    }
    boolean needsFaces = q.form().map(f -> f.want() == Want.WHO || f.want() == Want.WHERE || f.want() == Want.VALUE)
        .orElse(false);
    if (needsFaces && scene.faces().isEmpty()) {
      return Optional.of(new Reply("I can't find any face in this photo.", AnswerKind.NO_FACES));
    }
    return Optional.empty();
  }

  /**
   * The people a question is about who must be in the photo for it to make sense. "Is X here?",
   * "Which of X, Y and Z is here?" and "Is X here and smiling?" are answered, not refused, when
   * someone is absent; in "Is Raj here and is Howard here?" only the clauses that ask more than
   * presence need their people.
   */
  private static Set<String> mustBeHere(LogicalForm f) {
    if (f.relation() instanceof Clauses c) {
      return c.parts().stream().flatMap(p -> mustBeHere(p).stream()).collect(Collectors.toSet());
    }
    boolean presence = (f.want() == Want.YES_NO || f.want() == Want.WHO) && f.subject() instanceof Names
        && (f.relation() instanceof Present
            || f.want() == Want.YES_NO && f.relation() instanceof AllOf a && a.parts().contains(new Present()));
    List<String> subject = presence ? ((Names) f.subject()).names() : List.of();
    return f.names().stream().filter(n -> !subject.contains(n)).collect(Collectors.toSet());
  }

  /** Outside the grammar: say why, and what recognition can tell. */
  private static Reply notAnswered(ParsedQuestion q, SceneRecognition scene) {
    Abstention a = q.abstention().orElseThrow();
    String why = switch (a.reason()) {
      case NEEDS_VISION_MODEL -> "I can't answer that without a vision-language model.";
      case NOT_UNDERSTOOD -> a.words().isEmpty() ? "I didn't understand that question well enough to answer it."
          : "I didn't understand \"" + String.join(" ", a.words()) + "\", so I won't guess.";
      case UNRESOLVED_PRONOUN -> "I'm not sure who \"" + String.join("\", \"", a.words())
          + "\" refers to; please use a name.";
      case AMBIGUOUS -> "That question can be read in more than one way; please rephrase it.";
      case UNCERTAIN -> "I can't tell from the faces alone.";
      case SEVERAL_QUESTIONS -> "That is more than one question; please ask them one at a time.";
    };
    return new Reply(why + " What I can tell: " + whoIsWhere(q, scene), AnswerKind.NEEDS_VISION_MODEL);
  }

  private static String whoIsWhere(ParsedQuestion q, SceneRecognition scene) {
    if (scene.faces().isEmpty()) {
      return "I can't find any face in this photo.";
    }
    List<String> parts = new ArrayList<>();
    for (String name : q.people()) {
      scene.find(name).ifPresent(f -> parts.add(name + " is in this photo, " + Wording.where(f, scene)));
    }
    if (!parts.isEmpty()) {
      return String.join("; ", parts) + ".";
    }
    List<String> known = new ArrayList<>();
    for (RecognizedFace f : scene.faces()) {
      if (f.isKnown()) {
        known.add(Wording.whoWhere(f, scene));
      }
    }
    int strangers = scene.unknownFaces().size();
    if (known.isEmpty()) {
      return "I see " + Wording.people(strangers) + ", but none of them is someone you registered.";
    }
    return "from left to right I can see " + Wording.join(known)
        + (strangers == 0 ? "." : ", and " + Wording.people(strangers) + " I don't recognise.");
  }
}
