package dev.pvit;

/**
 * Root of every exception the SDK throws. All SDK exceptions are unchecked.
 *
 * <p>Catch {@link RetriableException} for failures that may succeed when the same call is repeated
 * later (a server that is overloaded, a connection reset, a timeout) and {@link
 * NonRetriableException} for failures that will not go away by retrying (invalid input, a rejected
 * request, a corrupt file).
 *
 * <pre>{@code
 * try {
 *   Answer answer = chat.ask(scene, "Is Alice here?");
 * } catch (RetriableException e) {
 *   // back off and try again
 * } catch (PvitException e) {
 *   // show e.getMessage() to the user: it says what to fix
 * }
 * }</pre>
 */
public abstract class PvitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that tells the user what went wrong and what to do.
   *
   * @param message the user-actionable message
   */
  protected PvitException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and its cause.
   *
   * @param message the user-actionable message
   * @param cause the underlying failure
   */
  protected PvitException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Whether repeating the same call later may succeed.
   *
   * @return true for {@link RetriableException}s
   */
  public abstract boolean isRetriable();
}
