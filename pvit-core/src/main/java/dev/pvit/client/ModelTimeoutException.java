package dev.pvit.client;

import dev.pvit.RetriableException;

/**
 * A timeout elapsed: connecting, waiting for the response headers, waiting between two stream
 * chunks, or the whole call. {@link #phase()} says which; the message names the setting to raise.
 */
public class ModelTimeoutException extends RetriableException {
  private static final long serialVersionUID = 1L;

  /** Which timeout elapsed. */
  public enum Phase {
    /** {@code connectTimeout}: no TCP/TLS connection. */
    CONNECT,
    /** {@code firstByteTimeout}: connected, but no response headers yet (e.g. a cold model load). */
    FIRST_BYTE,
    /** {@code idleTimeout}: the response body stalled between two chunks. */
    IDLE,
    /** {@code totalTimeout}: the whole call, retries included, took too long. */
    TOTAL
  }

  private final Phase phase;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and which setting to raise
   * @param phase which timeout elapsed
   */
  public ModelTimeoutException(String message, Phase phase) {
    super(message);
    this.phase = phase;
  }

  /**
   * Which timeout elapsed.
   *
   * @return the phase
   */
  public Phase phase() {
    return phase;
  }
}
