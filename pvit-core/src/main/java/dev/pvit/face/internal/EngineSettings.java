package dev.pvit.face.internal;

/**
 * How the PyTorch engine is started for the face nets.
 *
 * @param offline never let DJL reach the network while the engine starts (the natives come from the
 *     pvit-core dependency)
 * @param threads libtorch intra- and inter-op threads; 0 leaves libtorch's own default
 */
public record EngineSettings(boolean offline, int threads) {
  /** Offline, one thread per calling thread (see {@code FaceEngine.Builder#threads}). */
  public static final EngineSettings DEFAULTS = new EngineSettings(true, 1);

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if {@code threads} is negative
   */
  public EngineSettings {
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be 0 (libtorch default) or positive, got " + threads + ".");
    }
  }
}
