package dev.pvit.chat.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.PvitException;
import dev.pvit.chat.Answer;
import dev.pvit.chat.Backend;
import dev.pvit.chat.ChatBusyException;
import dev.pvit.chat.ChatListener;
import dev.pvit.chat.RecognizedPerson;
import dev.pvit.client.StreamListener;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a chat needs around answering: the {@link ChatListener} events with their timings, the
 * bounded executor of asynchronous questions, and the token sink of streamed ones. Kept out of
 * {@code PersonalizedChat} so the chat only wires it in.
 */
public final class ChatRuntime implements AutoCloseable {
  /** Worker threads of the default executor. */
  private static final int DEFAULT_THREADS = 2;
  /** Questions the default executor queues before refusing more. */
  private static final int DEFAULT_QUEUE = 32;

  private static final Logger LOG = LoggerFactory.getLogger(ChatRuntime.class);
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final @Nullable ChatListener listener;
  private final boolean questionText;
  private final Backend backend;
  private final Executor executor;
  private final @Nullable ExecutorService owned;
  private final Set<TaskFuture<?>> pending = ConcurrentHashMap.newKeySet();
  private final AtomicLong ids = new AtomicLong();
  private volatile boolean closed;

  /**
   * Creates the runtime.
   *
   * @param listener the observer, or null
   * @param questionText whether events carry the question text
   * @param backend the chat's backend
   * @param executor runs asynchronous questions, or null for a default bounded pool owned (and
   *     closed) by this runtime
   */
  public ChatRuntime(@Nullable ChatListener listener, boolean questionText, Backend backend,
      @Nullable Executor executor) {
    this.listener = listener;
    this.questionText = questionText;
    this.backend = checkNotNull(backend, "backend");
    if (executor != null) {
      this.executor = executor;
      this.owned = null;
    } else {
      int pool = POOLS.incrementAndGet();
      AtomicInteger threads = new AtomicInteger();
      ThreadPoolExecutor tpe = new ThreadPoolExecutor(DEFAULT_THREADS, DEFAULT_THREADS, 30, TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(DEFAULT_QUEUE), r -> {
            Thread t = new Thread(r, "pvit-chat-" + pool + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
      // Idle workers exit, so a chat that never asks asynchronously holds no threads.
      tpe.allowCoreThreadTimeOut(true);
      this.executor = tpe;
      this.owned = tpe;
    }
  }

  /** The observation of one question, from arrival to answer or failure. */
  public final class Observation {
    private final long id = ids.incrementAndGet();
    private final long start = System.nanoTime();
    private final Optional<String> question;

    private Observation(String question, boolean streaming) {
      this.question = questionText ? Optional.ofNullable(question) : Optional.empty();
      if (listener != null) {
        ChatListener.Requested e = new ChatListener.Requested(id, Instant.now(), backend, streaming, this.question);
        safely(() -> listener.onRequest(e));
      }
    }

    void answered(Answer a) {
      if (listener != null) {
        ChatListener.Answered e = new ChatListener.Answered(id, a.backend(), a.kind(), a.intent(),
            a.abstention().map(ab -> ab.reason()), elapsed(), a.recognitionTime(), a.modelTime(), a.usage(),
            a.facesDetected(), (int) a.people().stream().map(RecognizedPerson::name).distinct().count(), question);
        safely(() -> listener.onAnswer(e));
      }
    }

    void failed(Throwable error) {
      if (listener != null) {
        Throwable t = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        ChatListener.Failed e = new ChatListener.Failed(id, backend, elapsed(), t.getClass().getName(),
            t instanceof PvitException p && p.isRetriable(), String.valueOf(t.getMessage()), question);
        safely(() -> listener.onError(e));
      }
    }

    private Duration elapsed() {
      return Duration.ofNanos(System.nanoTime() - start);
    }
  }

  private static void safely(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("A ChatListener threw; the answer is not affected", e);
    }
  }

  /**
   * Answers on the calling thread, reporting the question to the listener.
   *
   * @param question the question as asked
   * @param streaming whether the reply streams
   * @param work answers it
   * @return the answer
   */
  public Answer observe(String question, boolean streaming, Supplier<Answer> work) {
    Observation o = new Observation(question, streaming);
    return run(o, work);
  }

  private static Answer run(Observation o, Supplier<Answer> work) {
    try {
      Answer a = work.get();
      o.answered(a);
      return a;
    } catch (RuntimeException | Error e) {
      o.failed(e);
      throw e;
    }
  }

  /**
   * Answers on the executor once {@code after} has completed (a conversation's previous turn), so
   * turns keep their order. Completing the returned future from outside ({@code cancel(true)},
   * {@code orTimeout}) stops the work: a blocked model call is interrupted and a stream is aborted
   * at its next token.
   *
   * @param question the question as asked
   * @param streaming whether the reply streams
   * @param after what must finish first
   * @param work answers it; its argument tells whether the future was completed from outside
   * @return the answer's future; a saturated or closed executor fails it with {@link
   *     ChatBusyException}
   */
  public CompletableFuture<Answer> submit(String question, boolean streaming, CompletableFuture<?> after,
      Function<TaskFuture<Answer>, Answer> work) {
    Observation o = new Observation(question, streaming);
    TaskFuture<Answer> future = new TaskFuture<>();
    // One report per question, however it ends: answered, failed, cancelled, timed out or refused.
    future.whenComplete((a, e) -> {
      pending.remove(future);
      if (e == null) {
        o.answered(a);
      } else {
        o.failed(e);
      }
    });
    if (closed) {
      future.fail(new ChatBusyException("The chat is closed; no more questions are accepted."));
      return future;
    }
    pending.add(future);
    after.whenComplete((x, ignored) -> {
      try {
        executor.execute(() -> {
          if (!future.start()) {
            return;
          }
          try {
            future.succeed(work.apply(future));
          } catch (RuntimeException | Error e) {
            future.fail(e);
          }
        });
      } catch (RejectedExecutionException e) {
        future.fail(new ChatBusyException(closed
            ? "The chat is closed; no more questions are accepted."
            : "The chat is answering as many questions as its executor allows; try again shortly, or build the "
                + "chat with a larger executor(...)."));
      }
    });
    return future;
  }

  /**
   * A token sink for a streamed answer: forwards the model's pieces in order, aborts the stream once
   * the future is done, and delivers a locally answered text as one piece.
   *
   * @param tokens the caller's listener
   * @param stopped whether to stop (the future was completed from outside), or null if never
   * @return the sink
   */
  public static TokenSink tokens(StreamListener tokens, @Nullable TaskFuture<?> stopped) {
    return new TokenSink(checkNotNull(tokens, "tokens"), stopped);
  }

  /** Forwards streamed text; see {@link #tokens(StreamListener, TaskFuture)}. */
  public static final class TokenSink implements StreamListener {
    private final StreamListener tokens;
    private final @Nullable TaskFuture<?> stopped;
    private boolean delivered;

    private TokenSink(StreamListener tokens, @Nullable TaskFuture<?> stopped) {
      this.tokens = tokens;
      this.stopped = stopped;
    }

    @Override
    public void onText(String delta) {
      checkStopped();
      delivered = true;
      tokens.onText(delta);
    }

    /**
     * Delivers a locally produced answer as one piece if nothing was streamed.
     *
     * @param answer the answer
     * @return the answer
     */
    public Answer finish(Answer answer) {
      if (!delivered && !answer.text().isEmpty()) {
        onText(answer.text());
      }
      return answer;
    }

    private void checkStopped() {
      if (stopped != null && stopped.stopped()) {
        // Thrown into the model client, which aborts the HTTP exchange.
        throw new CancellationException("The question was cancelled or timed out; the reply was abandoned.");
      }
    }
  }

  /** Cancels questions still waiting or running, and shuts the default executor down. */
  @Override
  public void close() {
    closed = true;
    for (TaskFuture<?> f : pending) {
      f.cancel(true);
    }
    if (owned != null) {
      owned.shutdownNow();
    }
  }
}
