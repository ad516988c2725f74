package dev.pvit.spark.internal;

import dev.pvit.face.FaceEngine;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one face engine of this JVM (an executor, or the driver in local mode), built on the first
 * task that needs it and closed when the JVM exits. Never serialised: tasks look it up here.
 * All task threads of the executor share it (the engine is thread-safe), so an executor with C
 * task slots holds one copy of the model weights, not C.
 *
 * <p>JVM-wide side effect, once: unless {@code ai.djl.pytorch.num_threads} is already set, it is set
 * to the run's {@code torchThreads} before the engine loads, since PyTorch's default pool spins on
 * every core and made the face nets many times slower next to parallel tasks.
 */
public final class ExecutorEngine {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorEngine.class);
  private static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";
  private static @Nullable FaceEngine engine;
  private static int created;

  private ExecutorEngine() {}

  /**
   * The engine, built on first use.
   *
   * @param torchThreads intra-op threads if not set by the JVM's options
   * @return the shared engine
   */
  public static synchronized FaceEngine get(int torchThreads) {
    if (engine == null) {
      if (System.getProperty(TORCH_THREADS) == null) {
        System.setProperty(TORCH_THREADS, Integer.toString(torchThreads));
      }
      engine = FaceEngine.builder().attributes(true).build();
      created++;
      LOG.info("Face engine loaded in this executor JVM ({} PyTorch threads)", System.getProperty(TORCH_THREADS));
      Runtime.getRuntime().addShutdownHook(new Thread(ExecutorEngine::close, "pvit-engine-shutdown"));
    }
    return engine;
  }

  /**
   * How many engines this JVM has built (1 after the first task; tests check it stays 1).
   *
   * @return the count
   */
  public static synchronized int created() {
    return created;
  }

  private static synchronized void close() {
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }
}
