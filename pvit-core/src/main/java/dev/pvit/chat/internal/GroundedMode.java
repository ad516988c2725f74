package dev.pvit.chat.internal;

import dev.pvit.chat.Answer;
import dev.pvit.chat.AnswerKind;
import dev.pvit.chat.Backend;
import dev.pvit.person.Person;
import dev.pvit.prompt.PersonalizedPrompt;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * Grounded mode: people are recognised locally; what recognition answers (who, where, how many)
 * and refusals for absent or unknown names are answered locally, everything else goes to the model
 * together with who is where.
 */
public final class GroundedMode implements ModeAnswerer {
  private final EmbeddedAnswerer local;
  private final ModelCaller model;
  private final Function<String, Optional<Person>> people;
  private final boolean referenceImages;
  private final long seed;

  /**
   * A grounded answerer.
   *
   * @param local answers what recognition answers
   * @param model the vision-language model
   * @param people looks a registered person up by display name (for their reference photo)
   * @param referenceImages whether to send each recognised person's reference photo
   * @param seed chooses refusal phrasings reproducibly
   */
  public GroundedMode(EmbeddedAnswerer local, ModelCaller model, Function<String, Optional<Person>> people,
      boolean referenceImages, long seed) {
    this.local = local;
    this.model = model;
    this.people = people;
    this.referenceImages = referenceImages;
    this.seed = seed;
  }

  @Override
  public Answer answer(Request request) {
    Request.Timed r = request.recognize();
    ParsedQuestion q = request.parsed();
    Random random = request.random(seed);
    if (q.answeredByRecognition()) {
      return local.answer(q, r.scene(), random).toAnswer(r.scene(), Backend.GROUNDED, r.time(), q.intent(),
          q.abstention());
    }
    Optional<Reply> refusal = local.refusal(q, r.scene(), random);
    if (refusal.isPresent()) {
      return refusal.get().toAnswer(r.scene(), Backend.GROUNDED, r.time(), q.intent(), Optional.empty());
    }
    PersonalizedPrompt.Builder prompt = PersonalizedPrompt.builder()
        .systemPrompt(Grounding.SYSTEM_PROMPT)
        .scene(request.scene())
        .question(Grounding.describe(r.scene()) + "\n" + request.question())
        .history(request.history());
    if (referenceImages) {
      for (String name : r.scene().recognizedPeople()) {
        people.apply(name).ifPresent(p -> prompt.person(ModelCaller.firstReferenceOnly(p)));
      }
    }
    ModelCaller.Result m = model.call(prompt.build(), request.tokens());
    return new Answer(m.response().text(), AnswerKind.ANSWERED, Reply.recognized(r.scene()),
        r.scene().faces().size(), Backend.GROUNDED, r.time(), m.time(),
        Optional.ofNullable(m.response().usage()), q.intent(), q.abstention());
  }
}
