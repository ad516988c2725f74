package dev.pvit.chat.internal;

import com.google.common.collect.ImmutableList;
import dev.pvit.chat.Abstention;
import dev.pvit.chat.Intent;
import dev.pvit.chat.Position;
import java.util.List;
import java.util.Optional;

/**
 * A question as the embedded parser understood it.
 *
 * @param text the question as asked
 * @param intent what it asks
 * @param people registered people it mentions, as canonical display names, in order of mention
 * @param unknownNames names that look like people but are not registered, in order of mention
 * @param side for {@link Intent#IDENTIFY_AT_POSITION} and {@link Intent#RELATIVE_POSITION}: the side
 *     asked about
 * @param registeredOnly for {@link Intent#COUNT}: whether only registered people are counted
 */
public record ParsedQuestion(
    String text,
    Intent intent,
    List<String> people,
    List<String> unknownNames,
    Optional<Position> side,
    boolean registeredOnly) {

  /** Copies the lists. */
  public ParsedQuestion {
    people = ImmutableList.copyOf(people);
    unknownNames = ImmutableList.copyOf(unknownNames);
  }

  /**
   * Why the question is not answered locally, if it is not.
   *
   * @return the abstention, empty for questions recognition answers
   */
  public Optional<Abstention> abstention() {
    return intent == Intent.DESCRIBE
        ? Optional.of(new Abstention(Abstention.Reason.NEEDS_VISION_MODEL, List.of()))
        : Optional.empty();
  }

  /**
   * Whether recognition is the authority for the answer (who, where, how many): a face-blind model
   * cannot improve on it, so grounded mode answers locally.
   *
   * @return true for presence, identification, position and counting questions
   */
  public boolean answeredByRecognition() {
    return switch (intent) {
      case PRESENCE, IDENTIFY, IDENTIFY_AT_POSITION, LOCATE, RELATIVE_POSITION, NEIGHBOURS, COUNT -> true;
      case EXPRESSION, AGE, DESCRIBE, UNKNOWN -> false;
    };
  }
}
