package dev.pvit.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.PvitException;
import dev.pvit.face.internal.Nets;
import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The engine bounds how many analyses run at once; callers beyond that wait, then fail retriably. */
class FaceEngineConcurrencyTest {

  /** Fake nets that record how many detector calls overlap and can be held open. */
  static final class GatedNets implements Nets {
    final FakeNets fake = new FakeNets();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();
    volatile CountDownLatch gate = new CountDownLatch(0);
    final CountDownLatch entered = new CountDownLatch(1);

    @Override
    public float[] detect(float[] input, int batch, int height, int width) {
      int now = running.incrementAndGet();
      maxRunning.accumulateAndGet(now, Math::max);
      entered.countDown();
      try {
        gate.await(10, TimeUnit.SECONDS);
        Thread.sleep(5);
        return fake.detect(input, batch, height, width);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        running.decrementAndGet();
      }
    }

    @Override
    public float[] landmarks(float[] input, int batch) {
      return fake.landmarks(input, batch);
    }

    @Override
    public float[] descriptors(float[] input, int batch) {
      return fake.descriptors(input, batch);
    }

    @Override
    public float[] ageGender(float[] input, int batch) {
      return fake.ageGender(input, batch);
    }

    @Override
    public float[] expressions(float[] input, int batch) {
      return fake.expressions(input, batch);
    }

    @Override
    public void close() {
      fake.close();
    }
  }

  @Test
  void no_more_analyses_run_at_once_than_the_engine_has_slots() throws Exception {
    GatedNets nets = new GatedNets();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (FaceEngine engine = FaceEngine.create(FaceEngine.builder().maxConcurrentRecognitions(2), nets)) {
      FaceGallery gallery = FaceGallery.builder().build();
      List<Future<SceneRecognition>> results = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        results.add(pool.submit(() -> engine.recognize(FaceEngineTest.photo("s.jpg", Color.WHITE, 200, 160), gallery)));
      }
      for (Future<SceneRecognition> r : results) {
        assertThat(r.get(30, TimeUnit.SECONDS).faces()).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(nets.maxRunning.get()).isEqualTo(2);
  }

  @Test
  void a_caller_that_waits_past_the_queue_timeout_gets_a_retriable_busy_exception() throws Exception {
    GatedNets nets = new GatedNets();
    nets.gate = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (FaceEngine engine = FaceEngine.create(
        FaceEngine.builder().maxConcurrentRecognitions(1).queueTimeout(Duration.ofMillis(200)), nets)) {
      Future<FaceAnalysis> holder = pool.submit(() -> engine.analyze(FaceEngineTest.photo("a.jpg", Color.WHITE, 100, 100)));
      assertThat(nets.entered.await(10, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> engine.analyze(FaceEngineTest.photo("b.jpg", Color.WHITE, 100, 100)))
          .isInstanceOf(RecognitionBusyException.class)
          .hasMessageContaining("All 1 recognition slots")
          .hasMessageContaining("maxConcurrentRecognitions")
          .satisfies(e -> assertThat(((PvitException) e).isRetriable()).isTrue());
      nets.gate.countDown();
      assertThat(holder.get(10, TimeUnit.SECONDS).faces()).hasSize(1);
      // The slot is free again.
      assertThat(engine.analyze(FaceEngineTest.photo("c.jpg", Color.WHITE, 100, 100)).faces()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void slot_settings_are_checked() {
    assertThatThrownBy(() -> FaceEngine.builder().maxConcurrentRecognitions(0).check())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConcurrentRecognitions");
    assertThatThrownBy(() -> FaceEngine.builder().queueTimeout(Duration.ZERO).check())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queueTimeout");
  }
}
