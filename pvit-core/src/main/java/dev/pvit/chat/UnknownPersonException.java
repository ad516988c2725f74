package dev.pvit.chat;

import dev.pvit.NonRetriableException;

/** A typed call named a person who is not registered with the chat. */
public class UnknownPersonException extends NonRetriableException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param name the name that is not registered
   */
  public UnknownPersonException(String name) {
    super("'" + name + "' is not a registered person; add them with addPerson(...) first.");
  }
}
