package dev.pvit.client.internal;

/**
 * Internal signal that a response body carried an error object (e.g. an error event in the middle
 * of a stream); the engine turns it into a {@link dev.pvit.client.ModelServerException}.
 */
public final class ServerErrorEvent extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the signal.
   *
   * @param serverMessage the server's message (unredacted; the engine redacts it)
   */
  public ServerErrorEvent(String serverMessage) {
    super(serverMessage, null, false, false);
  }
}
