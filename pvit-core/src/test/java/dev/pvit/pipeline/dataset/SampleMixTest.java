package dev.pvit.pipeline.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SampleMixTest {

  @Test
  void default_share_is_about_one_in_five_split_between_refusal_families() {
    Map<SampleKind, Integer> counts = new EnumMap<>(SampleKind.class);
    Random r = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      counts.merge(SampleMix.defaults().draw(r), 1, Integer::sum);
    }
    assertThat(counts.get(SampleKind.ANSWERABLE) / 20_000.0).isBetween(0.78, 0.82);
    assertThat(counts.get(SampleKind.ABSENT_PERSON) / 20_000.0).isBetween(0.09, 0.11);
    assertThat(counts.get(SampleKind.UNKNOWN_NAME) / 20_000.0).isBetween(0.09, 0.11);
  }

  @Property(tries = 50)
  void zero_and_one_are_exact_and_draws_use_two_numbers(@ForAll long seed) {
    Random a = new Random(seed);
    Random b = new Random(seed);
    assertThat(new SampleMix(0).draw(a)).isEqualTo(SampleKind.ANSWERABLE);
    assertThat(new SampleMix(1).draw(b).isRefusal()).isTrue();
    assertThat(a.nextLong()).isEqualTo(b.nextLong());
  }

  @Test
  void rejects_shares_outside_zero_to_one() {
    assertThatThrownBy(() -> new SampleMix(1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unanswerableShare");
  }
}
