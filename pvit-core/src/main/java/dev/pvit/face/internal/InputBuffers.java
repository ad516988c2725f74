package dev.pvit.face.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Direct buffers that net inputs are copied into, reused from call to call. libtorch reads a direct
 * buffer in place; DJL copies a heap array into a freshly allocated direct buffer instead, and
 * zeroing that fresh memory cost more than the copy (about 5 ms for one 1024×768 detector input).
 * A thread's calls run one after another, so it reuses one buffer as large as its largest input (10
 * MB for the 1024×768 detector input of a multi-scale recognition). At most {@value #KEPT_BYTES}
 * bytes of buffers are kept between calls (the largest ones, which cost most to make again); the
 * JVM frees the others, and all of them once the owning {@link FaceNets} is unreachable.
 */
final class InputBuffers {
  /** Bytes of buffers kept between calls. */
  static final long KEPT_BYTES = 32L << 20;
  /** Sizes are rounded up to this, so inputs of slightly different sizes share a buffer. */
  private static final int GRAIN = 1 << 20;

  private final List<ByteBuffer> free = new ArrayList<>();

  /**
   * A buffer of exactly {@code bytes} bytes in native order, from the pool when one is large
   * enough. Give it back with {@link #give} once nothing reads it any more.
   *
   * @param bytes the size needed
   * @return a buffer whose position is 0 and limit {@code bytes}
   */
  ByteBuffer take(long bytes) {
    if (bytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("A net input of " + bytes + " bytes is larger than a buffer can be");
    }
    ByteBuffer chosen = null;
    synchronized (free) {
      for (ByteBuffer b : free) {
        if (b.capacity() >= bytes && (chosen == null || b.capacity() < chosen.capacity())) {
          chosen = b;
        }
      }
      if (chosen != null) {
        free.remove(chosen);
      }
    }
    if (chosen == null) {
      long rounded = Math.min(Integer.MAX_VALUE, (bytes + GRAIN - 1) / GRAIN * GRAIN);
      chosen = ByteBuffer.allocateDirect((int) rounded);
    }
    chosen.clear().limit((int) bytes);
    return chosen.order(ByteOrder.nativeOrder());
  }

  /**
   * Returns a buffer from {@link #take} for reuse; the smallest free ones are dropped while more
   * than {@value #KEPT_BYTES} bytes are free.
   *
   * @param buffer the buffer
   */
  void give(ByteBuffer buffer) {
    synchronized (free) {
      free.add(buffer);
      long total = 0;
      for (ByteBuffer b : free) {
        total += b.capacity();
      }
      while (total > KEPT_BYTES) {
        ByteBuffer smallest = free.get(0);
        for (ByteBuffer b : free) {
          if (b.capacity() < smallest.capacity()) {
            smallest = b;
          }
        }
        free.remove(smallest);
        total -= smallest.capacity();
      }
    }
  }

  /**
   * Bytes of the buffers kept for reuse.
   *
   * @return the sum of their capacities
   */
  long keptBytes() {
    synchronized (free) {
      return free.stream().mapToLong(ByteBuffer::capacity).sum();
    }
  }
}
