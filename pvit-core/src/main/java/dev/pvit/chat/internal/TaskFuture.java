package dev.pvit.chat.internal;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A future whose work stops when anyone completes it from outside: {@code cancel(true)}, {@code
 * orTimeout(...)} or {@code complete(...)} interrupt the worker thread (which aborts a blocked model
 * call) and make {@link #stopped()} true (which aborts a stream at its next token).
 *
 * @param <T> the result type
 */
public final class TaskFuture<T> extends CompletableFuture<T> {
  private @Nullable Thread worker;
  private boolean finishing;

  /**
   * Whether the future was completed, so its work should stop.
   *
   * @return true once done
   */
  public boolean stopped() {
    return isDone();
  }

  /**
   * Marks the current thread as the worker; false if the future is already done (skip the work).
   *
   * @return whether to run the work
   */
  synchronized boolean start() {
    if (isDone()) {
      return false;
    }
    worker = Thread.currentThread();
    return true;
  }

  /** Completes with the work's result (a no-op if already completed from outside). */
  void succeed(T value) {
    finishing(() -> super.complete(value));
  }

  /** Completes with the work's failure (a no-op if already completed from outside). */
  void fail(Throwable error) {
    finishing(() -> super.completeExceptionally(error));
  }

  private void finishing(Runnable complete) {
    synchronized (this) {
      finishing = true;
      worker = null;
    }
    complete.run();
    // The pool thread must not carry an interrupt meant for this task into the next one.
    Thread.interrupted();
  }

  @Override
  public boolean complete(T value) {
    boolean done = super.complete(value);
    stopWork();
    return done;
  }

  @Override
  public boolean completeExceptionally(Throwable ex) {
    boolean done = super.completeExceptionally(ex);
    stopWork();
    return done;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean done = super.cancel(mayInterruptIfRunning);
    stopWork();
    return done;
  }

  private synchronized void stopWork() {
    if (!finishing && worker != null) {
      worker.interrupt();
    }
  }
}
