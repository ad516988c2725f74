package dev.pvit.chat.internal;

import com.google.common.collect.ImmutableList;
import dev.pvit.chat.Abstention;
import dev.pvit.chat.Intent;
import java.util.List;
import java.util.Optional;

/**
 * A question as the embedded parser understood it.
 *
 * @param text the question as asked
 * @param form its meaning, if the question is inside the grammar
 * @param people registered people it mentions (pronouns resolved), as canonical display names, in
 *     order of mention
 * @param unknownNames names of people who are not registered, in order of mention
 * @param intent the question's family
 * @param abstention why it is not answered locally, when {@code form} is empty (or a pronoun could
 *     not be resolved)
 */
public record ParsedQuestion(
    String text,
    Optional<LogicalForm> form,
    List<String> people,
    List<String> unknownNames,
    Intent intent,
    Optional<Abstention> abstention) {

  /** Copies the lists. */
  public ParsedQuestion {
    people = ImmutableList.copyOf(people);
    unknownNames = ImmutableList.copyOf(unknownNames);
  }

  /**
   * Whether recognition is the authority for the answer (who, where, how many): a face-blind model
   * cannot improve on it, so grounded mode answers locally. Expression and age are estimates a
   * vision-language model may judge better, so grounded mode asks it.
   *
   * @return true for understood presence, identification, position, neighbour and count questions
   */
  public boolean answeredByRecognition() {
    return form.isPresent() && switch (intent) {
      case PRESENCE, IDENTIFY, IDENTIFY_AT_POSITION, LOCATE, RELATIVE_POSITION, NEIGHBOURS, COUNT -> true;
      case EXPRESSION, AGE, DESCRIBE, UNKNOWN -> false;
    };
  }
}
