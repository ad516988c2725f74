package dev.pvit.person;

import dev.pvit.NonRetriableException;

/** A person's name, alias, fact or reference photos cannot be used; the message names the part. */
public class InvalidPersonException extends NonRetriableException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which part of which person is invalid, and why
   */
  public InvalidPersonException(String message) {
    super(message);
  }
}
