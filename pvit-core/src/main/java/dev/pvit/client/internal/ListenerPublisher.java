package dev.pvit.client.internal;

import dev.pvit.client.StreamListener;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Adapts a blocking, listener-based streaming call to a cold {@link Flow.Publisher}. Each
 * subscription runs the call on its own daemon thread; the listener blocks while the subscriber has
 * no outstanding demand, which in turn stops reading from the network (back-pressure).
 */
public final class ListenerPublisher implements Flow.Publisher<String> {
  private final Consumer<StreamListener> call;

  /**
   * Creates the publisher.
   *
   * @param call runs the streaming call with the given listener, blocking until it completes
   */
  public ListenerPublisher(Consumer<StreamListener> call) {
    this.call = Objects.requireNonNull(call, "call");
  }

  @Override
  public void subscribe(Flow.Subscriber<? super String> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    StreamSubscription subscription = new StreamSubscription(subscriber);
    subscriber.onSubscribe(subscription);
    Thread thread = new Thread(subscription::run, "pvit-chat-stream");
    thread.setDaemon(true);
    thread.start();
  }

  /** Thrown inside the listener to abort the HTTP exchange once the subscriber cancelled. */
  private static final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CancelledException() {
      super("subscription cancelled", null, false, false);
    }
  }

  private final class StreamSubscription implements Flow.Subscription {
    private final Flow.Subscriber<? super String> subscriber;
    private final Object lock = new Object();
    private final AtomicBoolean done = new AtomicBoolean();
    private long demand;
    private boolean cancelled;
    private @Nullable Throwable pendingError;

    StreamSubscription(Flow.Subscriber<? super String> subscriber) {
      this.subscriber = subscriber;
    }

    @Override
    public void request(long n) {
      synchronized (lock) {
        if (n <= 0) {
          // Reactive Streams rule 3.9; signalled from the producer thread to keep signals serial.
          pendingError =
              new IllegalArgumentException("request(" + n + "): demand must be positive");
          cancelled = true;
          lock.notifyAll();
          return;
        }
        demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
        lock.notifyAll();
      }
    }

    @Override
    public void cancel() {
      synchronized (lock) {
        cancelled = true;
        lock.notifyAll();
      }
    }

    void run() {
      if (isCancelled()) {
        // Cancelled (or given an invalid demand) before the call started: send nothing.
        Throwable error = pendingErrorOrNull();
        if (error != null && done.compareAndSet(false, true)) {
          subscriber.onError(error);
        }
        return;
      }
      try {
        call.accept(this::deliver);
        if (done.compareAndSet(false, true) && !isCancelled()) {
          subscriber.onComplete();
        }
      } catch (CancelledException e) {
        Throwable error;
        synchronized (lock) {
          error = pendingError;
        }
        if (done.compareAndSet(false, true) && error != null) {
          subscriber.onError(error);
        }
      } catch (Throwable t) {
        if (done.compareAndSet(false, true) && !isCancelled()) {
          subscriber.onError(t);
        }
      }
    }

    private @Nullable Throwable pendingErrorOrNull() {
      synchronized (lock) {
        return pendingError;
      }
    }

    private boolean isCancelled() {
      synchronized (lock) {
        return cancelled;
      }
    }

    private void deliver(String delta) {
      synchronized (lock) {
        while (demand == 0 && !cancelled) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
          }
        }
        if (cancelled) {
          throw new CancelledException();
        }
        demand--;
      }
      subscriber.onNext(delta);
    }
  }
}
