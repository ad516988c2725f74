package dev.pvit.face;

import dev.pvit.RetriableException;
import java.time.Duration;

/**
 * Every recognition slot of a {@link FaceEngine} stayed busy for the whole queue timeout. Retriable:
 * retry later, or give the engine more slots ({@code maxConcurrentRecognitions}) if memory allows.
 */
public class RecognitionBusyException extends RetriableException {
  private static final long serialVersionUID = 1L;

  private final transient Duration waited;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   * @param waited how long the caller waited
   */
  public RecognitionBusyException(String message, Duration waited) {
    super(message);
    this.waited = waited;
  }

  /**
   * How long the caller waited in line.
   *
   * @return the wait
   */
  public Duration waited() {
    return waited;
  }
}
