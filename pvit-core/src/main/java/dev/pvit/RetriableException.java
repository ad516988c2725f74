package dev.pvit;

/**
 * A failure that may go away when the same call is repeated later: a rate limit, an overloaded or
 * restarting server, a dropped connection, a timeout.
 */
public class RetriableException extends PvitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a retriable exception.
   *
   * @param message the user-actionable message
   */
  public RetriableException(String message) {
    super(message);
  }

  /**
   * Creates a retriable exception with its cause.
   *
   * @param message the user-actionable message
   * @param cause the underlying failure
   */
  public RetriableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public final boolean isRetriable() {
    return true;
  }
}
