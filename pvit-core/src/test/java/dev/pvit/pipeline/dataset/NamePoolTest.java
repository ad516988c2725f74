package dev.pvit.pipeline.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.person.InvalidPersonException;
import dev.pvit.person.Person;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamePoolTest {
  @TempDir Path tmp;

  @Test
  void built_in_pool_has_at_least_600_valid_distinct_names() {
    NamePool pool = NamePool.builtIn();
    assertThat(pool.size()).isGreaterThanOrEqualTo(600);
    Set<String> keys = new HashSet<>();
    for (String n : pool.names()) {
      assertThat(Person.validateName(n)).isEqualTo(n);
      assertThat(keys.add(Person.matchKey(n))).as("duplicate %s", n).isTrue();
    }
    assertThat(pool.names()).contains("Kristina", "Travis", "Chiamaka", "Haruto", "Seán", "Min-jun", "Aroha");
  }

  @Test
  void user_pool_is_validated_and_deduplicated_by_match_key() {
    NamePool pool = NamePool.of(List.of("Zoë", "zoe", " Kai ", "ZOE"));
    assertThat(pool.names()).containsExactly("Zoë", "Kai");
    assertThat(pool.contains("ZOË")).isTrue();
    assertThatThrownBy(() -> NamePool.of(List.of("Ann", "\u0007"))).isInstanceOf(InvalidPersonException.class);
    assertThatThrownBy(() -> NamePool.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void union_keeps_order_and_drops_repeats() {
    NamePool pool = NamePool.of(List.of("Ann", "Bo")).with(NamePool.of(List.of("bo", "Cy")));
    assertThat(pool.names()).containsExactly("Ann", "Bo", "Cy");
  }

  @Test
  void loads_a_name_file_and_reports_the_bad_line() throws IOException {
    Path f = tmp.resolve("names.txt");
    Files.writeString(f, "# mine\nAlice\n\nBob\n");
    assertThat(NamePool.load(f).names()).containsExactly("Alice", "Bob");
    Files.writeString(f, "Alice\n!!!\n");
    assertThatThrownBy(() -> NamePool.load(f)).isInstanceOf(InvalidPersonException.class)
        .hasMessageContaining("Line 2");
  }

  @Test
  void sampling_more_names_than_available_fails_clearly() {
    NamePool pool = NamePool.of(List.of("Ann", "Bo", "Cy"));
    assertThatThrownBy(() -> pool.sample(3, new Random(1), List.of("ann")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 available");
  }

  @Property(tries = 200)
  void samples_are_distinct_deterministic_and_avoid_exclusions(
      @ForAll @IntRange(min = 0, max = 40) int count, @ForAll long seed) {
    NamePool pool = NamePool.builtIn();
    List<String> excluded = pool.sample(5, new Random(~seed));
    List<String> a = pool.sample(count, new Random(seed), excluded);
    List<String> b = pool.sample(count, new Random(seed), excluded);
    assertThat(a).isEqualTo(b).hasSize(count).doesNotHaveDuplicates().doesNotContainAnyElementsOf(excluded);
    assertThat(a).allMatch(pool::contains);
  }

  @Test
  void sampling_covers_the_whole_pool() {
    NamePool pool = NamePool.builtIn();
    Set<String> seen = new HashSet<>();
    Random r = new Random(3);
    for (int i = 0; i < 3000; i++) {
      seen.addAll(pool.sample(3, r));
    }
    assertThat(seen).hasSizeGreaterThan(pool.size() * 95 / 100);
  }
}
