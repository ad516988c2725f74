package dev.pvit.face.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class InputBuffersTest {
  @Test
  void a_buffer_is_direct_native_ordered_and_exactly_as_long_as_asked() {
    ByteBuffer b = new InputBuffers().take(12);
    assertThat(b.isDirect()).isTrue();
    assertThat(b.order()).isEqualTo(ByteOrder.nativeOrder());
    assertThat(b.position()).isZero();
    assertThat(b.remaining()).isEqualTo(12);
  }

  @Test
  void a_returned_buffer_is_reused_for_a_request_it_can_hold() {
    InputBuffers buffers = new InputBuffers();
    ByteBuffer first = buffers.take(3_000_000);
    buffers.give(first);
    ByteBuffer second = buffers.take(1_000_000);
    assertThat(second).isSameAs(first);
    assertThat(second.remaining()).isEqualTo(1_000_000);
    // Taken, so no longer free: the next request gets a new buffer.
    assertThat(buffers.take(1_000_000)).isNotSameAs(first);
  }

  @Test
  void the_smallest_buffer_that_fits_is_chosen() {
    InputBuffers buffers = new InputBuffers();
    ByteBuffer large = buffers.take(8 << 20);
    ByteBuffer small = buffers.take(2 << 20);
    buffers.give(large);
    buffers.give(small);
    assertThat(buffers.take(1 << 20)).isSameAs(small);
    assertThat(buffers.take(3 << 20)).isSameAs(large);
  }

  @Test
  void free_buffers_beyond_the_budget_are_dropped_smallest_first() {
    InputBuffers buffers = new InputBuffers();
    ByteBuffer[] taken = new ByteBuffer[5];
    for (int i = 0; i < taken.length; i++) {
      taken[i] = buffers.take((i + 8L) << 20);
    }
    for (ByteBuffer b : taken) {
      buffers.give(b);
    }
    assertThat(buffers.keptBytes()).isLessThanOrEqualTo(InputBuffers.KEPT_BYTES);
    // The largest (12 MB) and the next (11 MB) stay; 8, 9 and 10 MB went.
    assertThat(buffers.take(12 << 20)).isSameAs(taken[4]);
    assertThat(buffers.take(11 << 20)).isSameAs(taken[3]);
  }

  @Test
  void an_input_too_large_for_a_buffer_is_refused() {
    assertThatThrownBy(() -> new InputBuffers().take(1L << 32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("larger than a buffer can be");
  }
}
