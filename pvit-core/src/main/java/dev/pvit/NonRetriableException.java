package dev.pvit;

/**
 * A failure that repeating the call will not fix: invalid input, a request the server rejected, a
 * corrupt file, a missing model resource.
 */
public class NonRetriableException extends PvitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a non-retriable exception.
   *
   * @param message the user-actionable message
   */
  public NonRetriableException(String message) {
    super(message);
  }

  /**
   * Creates a non-retriable exception with its cause.
   *
   * @param message the user-actionable message
   * @param cause the underlying failure
   */
  public NonRetriableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public final boolean isRetriable() {
    return false;
  }
}
