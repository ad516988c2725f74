package dev.pvit.face.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.pvit.face.LandmarkModel;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaceNetsTest {
  private static FaceNets nets;

  @BeforeAll
  static void load() {
    nets = FaceNets.load(LandmarkModel.FULL);
  }

  @AfterAll
  static void close() {
    nets.close();
  }

  static float[] noise(long seed, int length) {
    Random random = new Random(seed);
    float[] x = new float[length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (random.nextFloat() - 0.5f) * 0.8f;
    }
    return x;
  }

  @Test
  void the_detector_on_the_top_of_a_square_matches_the_square_away_from_the_cut() {
    float[] square = noise(6, 3 * 416 * 416);
    float[] top = new float[3 * 320 * 416];
    for (int c = 0; c < 3; c++) {
      System.arraycopy(square, c * 416 * 416, top, c * 320 * 416, 320 * 416);
    }
    float[] full = nets.detect(square, 1, 416);
    float[] cut = nets.detect(top, 1, 320, 416);
    assertThat(cut).hasSize(10 * 13 * 25);
    // The receptive field reaches about 95 pixels: rows 0-6 (centres up to 224) never see the cut at 320.
    for (int i = 0; i < 7 * 13 * 25; i++) {
      assertThat(cut[i]).isCloseTo(full[i], within(1e-4f));
    }
    assertThatThrownBy(() -> nets.detect(new float[3 * 100 * 64], 1, 100, 64)).hasMessageContaining("multiple of 32");
  }

  @Test
  void every_net_returns_the_documented_shapes() {
    assertThat(nets.detect(noise(1, 2 * 3 * 416 * 416), 2, 416)).hasSize(2 * 13 * 13 * 25);
    assertThat(nets.detect(noise(1, 3 * 608 * 608), 1, 608)).hasSize(19 * 19 * 25);
    assertThat(nets.landmarks(noise(2, 3 * 3 * 112 * 112), 3)).hasSize(3 * 136);
    assertThat(nets.descriptors(noise(3, 2 * 3 * 150 * 150), 2)).hasSize(2 * 128).doesNotContain(Float.NaN);
    float[] ageGender = nets.ageGender(noise(4, 2 * 3 * 112 * 112), 2);
    assertThat(ageGender).hasSize(4);
    assertThat(ageGender[1]).isBetween(0f, 1f);
    float[] expressions = nets.expressions(noise(5, 3 * 112 * 112), 1);
    assertThat(expressions).hasSize(7);
    double sum = 0;
    for (float p : expressions) {
      sum += p;
    }
    assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  void batching_does_not_change_results() {
    float[] a = noise(10, 3 * 150 * 150);
    float[] b = noise(11, 3 * 150 * 150);
    float[] both = new float[a.length * 2];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    float[] batched = nets.descriptors(both, 2);
    float[] single = nets.descriptors(b, 1);
    for (int i = 0; i < 128; i++) {
      assertThat(batched[128 + i]).isCloseTo(single[i], org.assertj.core.data.Offset.offset(1e-4f));
    }
  }

  @Test
  void rejects_inputs_of_the_wrong_length_or_size() {
    assertThatThrownBy(() -> nets.descriptors(new float[10], 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3x150x150");
    assertThatThrownBy(() -> nets.detect(new float[3 * 100 * 100], 1, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple of 32");
  }

  private static int liveArrays() throws ReflectiveOperationException {
    Field field = FaceNets.class.getDeclaredField("manager");
    field.setAccessible(true);
    return ((NDManager) field.get(nets)).getManagedArrays().size();
  }

  @Test
  void concurrent_calls_give_the_same_answers_and_leave_no_native_arrays() throws Exception {
    float[] input = noise(20, 3 * 150 * 150);
    float[] expected = nets.descriptors(input, 1);
    int before = liveArrays();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[]>> futures = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        futures.add(pool.submit(() -> nets.descriptors(input, 1)));
      }
      for (Future<float[]> f : futures) {
        assertThat(f.get()).containsExactly(expected);
      }
      assertThat(liveArrays()).isEqualTo(before);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void tiny_landmarks_load_and_a_closed_instance_refuses_calls() {
    FaceNets tiny = FaceNets.load(LandmarkModel.TINY);
    assertThat(tiny.landmarks(noise(6, 3 * 112 * 112), 1)).hasSize(136);
    tiny.close();
    tiny.close();
    assertThatThrownBy(() -> tiny.landmarks(noise(6, 3 * 112 * 112), 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
