package dev.pvit.pipeline.internal;

import dev.pvit.RetriableException;
import dev.pvit.pipeline.ItemContext;
import dev.pvit.pipeline.PipelineException;
import dev.pvit.pipeline.Progress;
import dev.pvit.pipeline.RunSummary;
import dev.pvit.pipeline.Sink;
import dev.pvit.pipeline.Source;
import dev.pvit.pipeline.SourceItem;
import dev.pvit.pipeline.Stage;
import dev.pvit.pipeline.StageContext;
import dev.pvit.pipeline.StageFactory;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a pipeline on a local worker pool.
 *
 * <p>The calling thread reads the source, skips inputs the journal already has, and hands the others
 * to workers through a queue, never letting more than {@code window} inputs be in flight (loaded,
 * processing, or finished but not yet written). Workers run their own stage chain on one input at a
 * time and park the result by sequence number; the calling thread writes results strictly in
 * sequence order through the sink and commits them to the journal, so output order and content do
 * not depend on the number of workers or on timing.
 */
public final class PipelineRunner {
  private static final Logger log = LoggerFactory.getLogger(PipelineRunner.class);
  private static final Task POISON = new Task(-1, SourceItem.of("-", "-"));

  private final Source<?> source;
  private final List<StageFactory<?, ?>> factories;
  private final Sink<Object> sink;
  private final RunOptions options;
  private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition resultReady = lock.newCondition();
  private final Map<Long, Result> results = new HashMap<>();
  private @Nullable Throwable fatal;
  private final long startNanos = System.nanoTime();
  private long seen;
  private long skipped;
  private long processed;
  private long rejected;
  private long outputs;

  @SuppressWarnings("unchecked")
  private PipelineRunner(Source<?> source, List<StageFactory<?, ?>> factories, Sink<?> sink, RunOptions options) {
    this.source = source;
    this.factories = factories;
    this.sink = (Sink<Object>) sink;
    this.options = options;
  }

  /**
   * Runs a pipeline to the end of its source.
   *
   * @param source the inputs
   * @param factories the stage chain, type-checked by the builder
   * @param sink the sink
   * @param options run options
   * @return the run summary
   */
  public static RunSummary run(Source<?> source, List<StageFactory<?, ?>> factories, Sink<?> sink, RunOptions options) {
    return new PipelineRunner(source, factories, sink, options).execute();
  }

  private RunSummary execute() {
    log.info("Pipeline run into {}: {} workers, window {}, seed {}", options.output(), options.workers(),
        options.window(), options.seed());
    try (Journal journal = Journal.open(options.output(), options.seed(), options.fingerprint(), options.fsync())) {
      List<Stage<Object, Object>> opened = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      boolean sinkOpened = false;
      try {
        List<List<Stage<Object, Object>>> chains = openChains(opened);
        sink.open();
        sinkOpened = true;
        for (int w = 0; w < options.workers(); w++) {
          List<Stage<Object, Object>> chain = chains.get(w);
          Thread t = new Thread(() -> work(chain), "pvit-pipeline-worker-" + w);
          t.setDaemon(true);
          threads.add(t);
          t.start();
        }
        feed(journal);
        for (int i = 0; i < threads.size(); i++) {
          queue.add(POISON);
        }
        joinAll(threads);
        Path stats = journal.writeStats();
        RunSummary summary = new RunSummary(seen, skipped, processed, rejected, outputs, elapsed(), stats);
        log.info("Pipeline finished: {}", summary);
        return summary;
      } finally {
        threads.forEach(Thread::interrupt);
        joinAll(threads);
        if (sinkOpened) {
          closeQuietly(sink, "sink");
        }
        Collections.reverse(opened);
        opened.forEach(s -> closeQuietly(s, s.name()));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private List<List<Stage<Object, Object>>> openChains(List<Stage<Object, Object>> opened) {
    Set<Stage<?, ?>> seenStages = Collections.newSetFromMap(new IdentityHashMap<>());
    List<List<Stage<Object, Object>>> chains = new ArrayList<>();
    for (int w = 0; w < options.workers(); w++) {
      List<Stage<Object, Object>> chain = new ArrayList<>();
      for (int i = 0; i < factories.size(); i++) {
        Stage<Object, Object> stage = (Stage<Object, Object>) factories.get(i).create();
        if (stage == null) {
          throw new PipelineException("The factory of stage " + (i + 1) + " returned null; return a new stage.");
        }
        if (seenStages.add(stage)) {
          try {
            stage.open(new StageContext(options.seed(), w, options.workers(), i + 1));
          } catch (RuntimeException e) {
            throw new PipelineException("Stage " + (i + 1) + " (" + stage.name() + ") failed to open on worker "
                + w + ": " + e.getMessage(), e);
          }
          opened.add(stage);
        }
        chain.add(stage);
      }
      chains.add(chain);
    }
    return chains;
  }

  private void feed(Journal journal) {
    Set<String> keys = new HashSet<>();
    long seq = 0;
    long next = 0;
    try (Stream<? extends SourceItem<?>> items = source.items()) {
      Iterator<? extends SourceItem<?>> it = items.iterator();
      while (it.hasNext()) {
        SourceItem<?> item = it.next();
        seen++;
        if (!keys.add(item.key())) {
          throw new PipelineException(
              "Input key '" + item.key() + "' appears twice in the source; give every input a unique key.");
        }
        String version = journal.doneVersion(item.key());
        if (version != null) {
          skipped++;
          if (skipped % 1000 == 0) {
            notifyProgress();
          }
          if (!version.equals(item.version())) {
            log.warn("Input '{}' changed (version {} -> {}) since it was processed; keeping its earlier output. "
                + "Use a new output folder to process it again.", item.key(), version, item.version());
          }
          continue;
        }
        while (seq - next >= options.window()) {
          next = drain(journal, next, true);
        }
        queue.add(new Task(seq++, item));
        next = drain(journal, next, false);
      }
    }
    while (next < seq) {
      next = drain(journal, next, true);
    }
  }

  private long drain(Journal journal, long next, boolean block) {
    List<Result> batch = new ArrayList<>();
    lock.lock();
    try {
      while (block && !results.containsKey(next) && fatal == null) {
        try {
          resultReady.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new PipelineException("The pipeline run was interrupted; run again to resume.", e);
        }
      }
      for (long s = next; results.containsKey(s); s++) {
        batch.add(results.remove(s));
      }
      Throwable failure = fatal;
      if (batch.isEmpty() && failure != null) {
        if (failure instanceof PipelineException pe) {
          throw pe;
        }
        throw new PipelineException("A pipeline worker failed: " + failure
            + "; finished inputs are committed, run again to resume.", failure);
      }
    } finally {
      lock.unlock();
    }
    if (batch.isEmpty()) {
      return next;
    }
    List<Commit> commits = new ArrayList<>(batch.size());
    for (Result r : batch) {
      commits.add(toCommit(r));
    }
    journal.commit(commits);
    for (Commit c : commits) {
      processed++;
      if (c.ok()) {
        outputs += c.outputs();
      } else {
        rejected++;
      }
    }
    notifyProgress();
    return next + batch.size();
  }

  private void notifyProgress() {
    if (!options.progress().isEmpty()) {
      Progress p = new Progress(seen, skipped, processed, rejected, outputs, elapsed());
      for (Consumer<Progress> listener : options.progress()) {
        listener.accept(p);
      }
    }
  }

  private Commit toCommit(Result r) {
    String key = r.item().key();
    Reject reject = r.reject();
    if (reject == null) {
      SinkOutputImpl out = new SinkOutputImpl(options.output(), key, options.fsync());
      try {
        for (int j = 0; j < r.outputs().size(); j++) {
          out.index(j);
          sink.write(r.outputs().get(j), out);
        }
        return new Commit(key, r.item().version(), true, r.outputs().size(), out.lines(), out.counts());
      } catch (UncheckedIOException e) {
        throw new PipelineException("The sink could not write the output of '" + key + "': " + e.getMessage()
            + "; fix the disk problem and run again to resume.", e);
      } catch (RuntimeException e) {
        reject = new Reject(factories.size() + 1, "sink", e);
      }
    }
    Throwable error = reject.error();
    String reason = error.getMessage() != null ? error.getMessage() : error.getClass().getName();
    log.warn("Rejected input '{}' at {}: {}", key, reject.stageName(), reason);
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("key", key);
    line.put("stage", reject.stage());
    line.put("stageName", reject.stageName());
    line.put("error", error.getClass().getSimpleName());
    line.put("reason", reason);
    String json;
    try {
      json = Journal.JSON.writeValueAsString(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return new Commit(key, r.item().version(), false, 0, Map.of(Journal.REJECTS, List.of(json)),
        Map.of("rejects", Map.of(error.getClass().getSimpleName(), 1L)));
  }

  private void work(List<Stage<Object, Object>> chain) {
    try {
      while (true) {
        Task t = queue.take();
        if (t == POISON) {
          return;
        }
        Result r = process(chain, t);
        lock.lock();
        try {
          results.put(t.seq(), r);
          resultReady.signalAll();
        } finally {
          lock.unlock();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      lock.lock();
      try {
        if (fatal == null) {
          fatal = e;
        }
        resultReady.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private Result process(List<Stage<Object, Object>> chain, Task t) {
    SourceItem<?> item = t.item();
    Object loaded;
    try {
      loaded = retrying(item.key(), "load", item::load);
      if (loaded == null) {
        throw new NullPointerException("The source loaded null for '" + item.key() + "'.");
      }
    } catch (RetriableException | PipelineException e) {
      throw e;
    } catch (RuntimeException e) {
      return new Result(item, List.of(), new Reject(0, "load", e));
    }
    List<Keyed> items = List.of(new Keyed(item.key(), loaded));
    for (int i = 0; i < chain.size(); i++) {
      Stage<Object, Object> stage = chain.get(i);
      int stageIndex = i + 1;
      List<Keyed> next = new ArrayList<>();
      for (Keyed k : items) {
        List<Object> outs;
        try {
          // A fresh context per attempt, so that a retry draws the same random numbers.
          outs = retrying(item.key(), stage.name(),
              () -> stage.process(k.value(), ItemContext.of(options.seed(), stageIndex, k.key())));
          if (outs == null || outs.stream().anyMatch(o -> o == null)) {
            throw new NullPointerException(
                "Stage " + stageIndex + " (" + stage.name() + ") returned null or a null item; return a list of items.");
          }
        } catch (RetriableException | PipelineException e) {
          throw e;
        } catch (RuntimeException e) {
          return new Result(item, List.of(), new Reject(stageIndex, stage.name(), e));
        }
        for (int j = 0; j < outs.size(); j++) {
          next.add(new Keyed(outs.size() == 1 ? k.key() : k.key() + "#" + j, outs.get(j)));
        }
      }
      items = next;
    }
    List<Object> values = new ArrayList<>(items.size());
    items.forEach(k -> values.add(k.value()));
    return new Result(item, values, null);
  }

  private <T> T retrying(String key, String what, Supplier<T> action) {
    for (int attempt = 0; ; attempt++) {
      try {
        return action.get();
      } catch (RetriableException e) {
        if (attempt >= options.retries()) {
          throw new PipelineException("Input '" + key + "' failed at " + what + " with a retriable error after "
              + options.retries() + " retries: " + e.getMessage()
              + "; finished inputs are committed, run again to resume.", e);
        }
        long wait = options.retryBackoff().toMillis() << Math.min(attempt, 20);
        log.warn("Input '{}' failed at {} ({}); retrying in {} ms", key, what, e.getMessage(), wait);
        try {
          Thread.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static void joinAll(List<Thread> threads) {
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void closeQuietly(AutoCloseable c, String what) {
    try {
      c.close();
    } catch (Exception e) {
      log.warn("Closing {} failed: {}", what, e.toString());
    }
  }

  private record Task(long seq, SourceItem<?> item) {}

  private record Keyed(String key, Object value) {}

  private record Reject(int stage, String stageName, Throwable error) {}

  private record Result(SourceItem<?> item, List<Object> outputs, @Nullable Reject reject) {}
}
