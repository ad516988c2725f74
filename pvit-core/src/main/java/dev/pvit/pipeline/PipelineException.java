package dev.pvit.pipeline;

import dev.pvit.NonRetriableException;

/**
 * A run could not start or had to stop: the output folder belongs to a different run or is locked,
 * the checkpoint is inconsistent with the output files, a stage failed to open, or an item failed
 * with a retriable error after all retries. Inputs finished before the failure stay committed; run
 * again with the same output folder to resume.
 */
public class PipelineException extends NonRetriableException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to do
   */
  public PipelineException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what failed and what to do
   * @param cause the underlying failure
   */
  public PipelineException(String message, Throwable cause) {
    super(message, cause);
  }
}
