package dev.pvit.client.internal;

import java.time.Duration;
import java.time.Instant;

/** Clock and sleeper, injectable so retry and backoff tests never really sleep. */
public interface TimeSource {
  /**
   * Monotonic time for deadlines.
   *
   * @return nanoseconds from an arbitrary origin
   */
  long nanoTime();

  /**
   * Wall-clock time, for {@code Retry-After} HTTP dates.
   *
   * @return now
   */
  Instant now();

  /**
   * Waits.
   *
   * @param duration how long
   * @throws InterruptedException if interrupted
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * The real clock.
   *
   * @return the system time source
   */
  static TimeSource system() {
    return SystemTimeSource.INSTANCE;
  }

  /** The real clock. */
  enum SystemTimeSource implements TimeSource {
    /** The only instance. */
    INSTANCE;

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public Instant now() {
      return Instant.now();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
    }
  }
}
