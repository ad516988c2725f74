package dev.pvit.chat.internal;

import com.google.common.collect.ImmutableList;
import dev.pvit.chat.Intent;
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
    Optional<Side> side,
    boolean registeredOnly) {

  /** A horizontal side or the middle of the image. */
  public enum Side {
    /** Smaller x. */
    LEFT,
    /** Middle third. */
    CENTER,
    /** Larger x. */
    RIGHT
  }

  /** Copies the lists. */
  public ParsedQuestion {
    people = ImmutableList.copyOf(people);
    unknownNames = ImmutableList.copyOf(unknownNames);
  }
}
