package dev.pvit.pipeline.dataset;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Random;

/**
 * How many generated samples are unanswerable. PVIT found that training without refusals collapses
 * a model's ability to refuse, so by default one sample in five is unanswerable, split evenly
 * between the two refusal families.
 *
 * <pre>{@code
 * SampleKind kind = SampleMix.defaults().draw(ctx.random());
 * }</pre>
 *
 * @param unanswerableShare expected fraction of unanswerable samples, in [0, 1]
 */
public record SampleMix(double unanswerableShare) {
  /** The default share of unanswerable samples. */
  public static final double DEFAULT_UNANSWERABLE_SHARE = 0.2;

  /** Checks the share. */
  public SampleMix {
    checkArgument(unanswerableShare >= 0 && unanswerableShare <= 1,
        "unanswerableShare must be in [0, 1], got %s", unanswerableShare);
  }

  /**
   * The default mix (20 % unanswerable).
   *
   * @return the mix
   */
  public static SampleMix defaults() {
    return new SampleMix(DEFAULT_UNANSWERABLE_SHARE);
  }

  /**
   * Chooses the kind of one sample. Always consumes two random numbers, so later draws from the
   * same source do not depend on the outcome.
   *
   * @param random the random source
   * @return the kind
   */
  public SampleKind draw(Random random) {
    checkNotNull(random, "random");
    double u = random.nextDouble();
    boolean absent = random.nextBoolean();
    if (u >= unanswerableShare) {
      return SampleKind.ANSWERABLE;
    }
    return absent ? SampleKind.ABSENT_PERSON : SampleKind.UNKNOWN_NAME;
  }
}
