package dev.pvit.pipeline.text;

import dev.pvit.NonRetriableException;

/**
 * A vision-language model replied with text the pipeline cannot use (empty, or missing a required
 * placeholder). The input is written to {@code rejects.jsonl} and the run goes on; if it happens
 * often, adjust the prompts ({@link PipelinePrompts}) or use a stronger model.
 */
public class UnusableModelOutputException extends NonRetriableException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which step and what was wrong
   */
  public UnusableModelOutputException(String message) {
    super(message);
  }
}
