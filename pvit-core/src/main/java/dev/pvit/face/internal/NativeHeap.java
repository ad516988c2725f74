package dev.pvit.face.internal;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the nets' activation buffers in malloc's heap, from call to call.
 *
 * <p>glibc's malloc maps blocks at or above its mmap threshold (128 KB at process start) straight
 * from the kernel and unmaps them when freed, and returns the free top of a heap to the kernel once
 * it exceeds its trim threshold. A detector pass allocates and frees tens of megabytes of
 * activations, so with the start-up thresholds the kernel maps, zeroes and unmaps that memory on
 * every call: on a 1024×768 detector input that was thousands of page faults a call, a sixth of its
 * time or more, depending on what the process had allocated before. glibc raises both thresholds
 * by itself ("dynamic threshold") the first time a program frees a mapped block: to that block's
 * size (at most 32 MB) and twice that. {@link #keepBuffersInHeap} frees one 31 MB block once per
 * process to make that happen now rather than by chance.
 *
 * <p>This is a process-wide setting, stated in {@code FaceEngine}'s documentation: malloc may keep
 * up to about 62 MB per arena for reuse instead of returning it to the kernel. It changes nothing
 * where the application tuned malloc itself ({@code MALLOC_MMAP_THRESHOLD_} or {@code
 * MALLOC_TRIM_THRESHOLD_} in the environment, or {@code mallopt}: glibc then never adjusts), and
 * nothing on other C libraries and operating systems, where it is skipped.
 */
final class NativeHeap {
  /** Just under glibc's largest dynamic mmap threshold (32 MB on 64-bit), so it is honoured. */
  static final long BLOCK_BYTES = 31L << 20;

  private static final AtomicBoolean DONE = new AtomicBoolean();

  private NativeHeap() {}

  /**
   * Frees one mapped 31 MB block through libtorch's allocator, once per process, on Linux.
   *
   * @param manager a manager of the started engine
   */
  static void keepBuffersInHeap(NDManager manager) {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux") || !DONE.compareAndSet(false, true)) {
      return;
    }
    // Uninitialised: its pages are never touched, so mapping and unmapping it costs microseconds.
    manager.create(new Shape(BLOCK_BYTES / 4), DataType.FLOAT32).close();
  }
}
