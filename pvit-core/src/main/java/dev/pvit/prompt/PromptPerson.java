package dev.pvit.prompt;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.person.Person;

/**
 * One person in a prompt's personalized prefix: the person (name and reference images) and the exact
 * introduction sentence that follows their images.
 *
 * @param person the person
 * @param introduction the rendered introduction, e.g. "This is Alice."
 */
public record PromptPerson(Person person, String introduction) {
  /** Checks for nulls; content is validated by {@link PersonalizedPrompt.Builder#build()}. */
  public PromptPerson {
    checkNotNull(person, "person");
    checkNotNull(introduction, "introduction");
  }

  /**
   * The person's display name.
   *
   * @return the name
   */
  public String name() {
    return person.name();
  }
}
