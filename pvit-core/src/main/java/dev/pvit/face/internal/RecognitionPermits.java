package dev.pvit.face.internal;

import dev.pvit.face.RecognitionBusyException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many images a face engine analyses at once. Each running analysis holds large native
 * buffers (libtorch convolutions at up to 1024 px); with more threads than cores they only add
 * memory and contention, so further callers wait in line, fairly, up to a timeout.
 */
public final class RecognitionPermits {
  private final Semaphore semaphore;
  private final int permits;
  private final Duration timeout;

  /**
   * Creates the permits.
   *
   * @param permits how many analyses may run at once
   * @param timeout longest wait for a permit
   */
  public RecognitionPermits(int permits, Duration timeout) {
    this.semaphore = new Semaphore(permits, true);
    this.permits = permits;
    this.timeout = timeout;
  }

  /**
   * Runs a task while holding a permit.
   *
   * @param task the analysis
   * @param <T> its result type
   * @return its result
   * @throws RecognitionBusyException if no permit became free within the timeout
   */
  public <T> T run(Supplier<T> task) {
    boolean acquired;
    try {
      acquired = semaphore.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RecognitionBusyException("Interrupted while waiting for a free recognition slot.", Duration.ZERO);
    }
    if (!acquired) {
      throw new RecognitionBusyException("All " + permits + " recognition slots of the face engine stayed busy for "
          + timeout.toMillis() + " ms (" + semaphore.getQueueLength() + " more callers waiting). Retry later, "
          + "send fewer concurrent requests, or raise FaceEngine.builder().maxConcurrentRecognitions(...) or "
          + "queueTimeout(...) if memory allows.", timeout);
    }
    try {
      return task.get();
    } finally {
      semaphore.release();
    }
  }
}
