package dev.pvit.chat.internal;

import dev.pvit.chat.Answer;
import dev.pvit.chat.AnswerKind;
import dev.pvit.chat.Backend;
import dev.pvit.person.Person;
import dev.pvit.prompt.PersonalizedPrompt;
import dev.pvit.prompt.RefusalClassifier;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * In-context (PVIT) mode: every question goes to the model with the personalized prefix (one
 * reference photo and introduction per registered person, then the scene); refusals are recognised
 * in the model's text. No local recognition runs.
 */
public final class InContextMode implements ModeAnswerer {
  private final ModelCaller model;
  private final Supplier<List<Person>> people;
  private final RefusalClassifier refusals = RefusalClassifier.create();

  /**
   * An in-context answerer.
   *
   * @param model the PVIT-tuned vision-language model
   * @param people the registered people, in registration order
   */
  public InContextMode(ModelCaller model, Supplier<List<Person>> people) {
    this.model = model;
    this.people = people;
  }

  @Override
  public Answer answer(Request request) {
    PersonalizedPrompt.Builder prompt = PersonalizedPrompt.builder()
        .scene(request.scene()).question(request.question()).history(request.history());
    for (Person p : people.get()) {
      prompt.person(ModelCaller.firstReferenceOnly(p));
    }
    ModelCaller.Result r = model.call(prompt.build(), request.tokens());
    AnswerKind kind = switch (refusals.classify(r.response().text())) {
      case ABSENT -> AnswerKind.PERSON_ABSENT;
      case UNKNOWN -> AnswerKind.PERSON_UNKNOWN;
      case NOT_A_REFUSAL -> AnswerKind.ANSWERED;
    };
    return new Answer(r.response().text(), kind, List.of(), -1, Backend.IN_CONTEXT, Duration.ZERO, r.time(),
        Optional.ofNullable(r.response().usage()), request.parsed().intent(), Optional.empty());
  }
}
