package dev.pvit.face.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DescriptorMatrixTest {
  private static float[] random(Random r) {
    float[] d = new float[DescriptorMatrix.DIM];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (r.nextGaussian() * 0.1);
    }
    return d;
  }

  private static double naive(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = (double) a[i] - b[i];
      s += d * d;
    }
    return Math.sqrt(s);
  }

  @Test
  void mean_distances_match_the_per_descriptor_rule() {
    Random r = new Random(1);
    List<List<float[]>> people = new ArrayList<>();
    for (int p = 0; p < 50; p++) {
      List<float[]> ds = new ArrayList<>();
      for (int k = 0; k <= p % 4; k++) {
        ds.add(random(r));
      }
      people.add(ds);
    }
    DescriptorMatrix m = DescriptorMatrix.of(people);
    assertThat(m.people()).isEqualTo(50);
    assertThat(m.size()).isEqualTo(people.stream().mapToInt(List::size).sum());
    float[] q = random(r);
    double[] got = m.meanDistances(q);
    for (int p = 0; p < people.size(); p++) {
      double expected = people.get(p).stream().mapToDouble(d -> naive(q, d)).average().orElseThrow();
      assertThat(got[p]).isCloseTo(expected, within(1e-5));
    }
  }

  @Test
  void closest_returns_top_k_and_everyone_below_the_threshold_sorted() {
    double[] d = {0.9, 0.3, 0.7, 0.1, 0.5, 0.55, 0.2};
    assertThat(DescriptorMatrix.closest(d, 0.0, 3)).containsExactly(3, 6, 1);
    assertThat(DescriptorMatrix.closest(d, 0.56, 2)).containsExactly(3, 6, 1, 4, 5);
    assertThat(DescriptorMatrix.closest(new double[0], 0.6, 3)).isEmpty();
    assertThat(DescriptorMatrix.closest(new double[] {0.4, 0.4}, 0.6, 1)).containsExactly(0, 1);
  }

  @Property
  void closest_agrees_with_a_full_sort(@ForAll("distances") double[] d, @ForAll @IntRange(min = 1, max = 5) int k) {
    double threshold = 0.5;
    int[] got = DescriptorMatrix.closest(d, threshold, k);
    List<Integer> sorted = IntStream.range(0, d.length).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> d[i]).thenComparing(i -> i)).toList();
    List<Integer> expected = new ArrayList<>();
    for (int j = 0; j < sorted.size(); j++) {
      if (j < k || d[sorted.get(j)] < threshold) {
        expected.add(sorted.get(j));
      }
    }
    assertThat(java.util.Arrays.stream(got).boxed().toList()).containsExactlyElementsOf(expected);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<double[]> distances() {
    return net.jqwik.api.Arbitraries.doubles().between(0, 1).ofScale(2).array(double[].class).ofMaxSize(40);
  }
}
