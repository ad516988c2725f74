package dev.pvit.client.internal;

/**
 * Internal signal that a response did not have the expected shape; the engine turns it into a
 * {@link dev.pvit.client.MalformedModelResponseException} with status and redacted excerpt.
 */
public final class WireFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String offending;

  /**
   * Creates the signal.
   *
   * @param problem what was expected, e.g. "a JSON object with 'choices'"
   * @param offending the text that was received instead (unredacted; the engine redacts it)
   */
  public WireFormatException(String problem, String offending) {
    super(problem, null, false, false);
    this.offending = offending;
  }

  /**
   * The text received instead of the expected shape.
   *
   * @return unredacted text
   */
  public String offending() {
    return offending;
  }
}
