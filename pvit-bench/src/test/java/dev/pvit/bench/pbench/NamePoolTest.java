package dev.pvit.bench.pbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NamePoolTest {
  private static final List<String> IDS = List.of("barack_obama", "joe_biden", "amy", "sheldon");

  @Test
  void same_seed_gives_the_same_names() {
    assertThat(NamePool.DEFAULT.assign(IDS, 7, 3)).isEqualTo(NamePool.DEFAULT.assign(IDS, 7, 3));
  }

  @Test
  void different_seeds_give_different_names() {
    assertThat(NamePool.DEFAULT.assign(IDS, 7, 3).names()).isNotEqualTo(NamePool.DEFAULT.assign(IDS, 8, 3).names());
  }

  @Test
  void names_and_strangers_are_distinct_pool_names() {
    NamePool.Assignment a = NamePool.DEFAULT.assign(IDS, 1, 5);
    List<String> all = new ArrayList<>(a.names().values());
    all.addAll(a.strangers());
    assertThat(new HashSet<>(all)).hasSize(IDS.size() + 5);
    assertThat(NamePool.DEFAULT.names()).containsAll(all);
    assertThat(a.names().keySet()).containsExactlyElementsOf(IDS);
  }

  @Test
  void default_pool_is_the_pipeline_pool_as_it_is_names_that_are_words_included() {
    Set<String> unique = new HashSet<>(NamePool.DEFAULT.names());
    assertThat(unique).hasSize(NamePool.DEFAULT.names().size());
    assertThat(NamePool.DEFAULT.names()).isEqualTo(dev.pvit.pipeline.dataset.NamePool.builtIn().names())
        .contains("Rose", "Grace", "Mark");
  }

  @Test
  void refuses_more_identities_than_names() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      many.add("id" + i);
    }
    assertThatThrownBy(() -> NamePool.DEFAULT.assign(many, 1, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
