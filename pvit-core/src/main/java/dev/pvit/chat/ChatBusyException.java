package dev.pvit.chat;

import dev.pvit.RetriableException;

/**
 * An asynchronous question was refused because the chat's executor is saturated (all workers busy
 * and its queue full) or closed. Retry later, or give the builder a larger executor.
 */
public class ChatBusyException extends RetriableException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do
   */
  public ChatBusyException(String message) {
    super(message);
  }
}
