package dev.pvit.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bulk registration and matching against a large gallery through the flat descriptor scan. */
class FaceGalleryBulkTest {
  private static FaceDescriptor random(Random r) {
    float[] v = new float[FaceDescriptor.LENGTH];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (r.nextGaussian() * 0.1);
    }
    return FaceDescriptor.of(v);
  }

  @Test
  void add_all_registers_everyone_and_match_finds_the_closest_of_many() {
    Random r = new Random(7);
    Map<String, List<FaceDescriptor>> people = new LinkedHashMap<>();
    for (int i = 0; i < 20_000; i++) {
      people.put("P" + i, List.of(random(r), random(r)));
    }
    FaceGallery g = FaceGallery.builder().threshold(0.6).candidates(3).build();
    g.add("Alice", List.of(random(r)));
    g.addAll(people);
    assertThat(g.size()).isEqualTo(20_001);
    assertThat(g.names().get(0)).isEqualTo("Alice");

    FaceDescriptor query = random(r);
    String best = null;
    double bestDistance = Double.MAX_VALUE;
    for (String name : g.names()) {
      double mean = g.descriptors(name).stream().mapToDouble(d -> d.distance(query)).average().orElseThrow();
      if (mean < bestDistance) {
        bestDistance = mean;
        best = name;
      }
    }
    FaceMatch m = g.match(query);
    assertThat(m.candidates()).hasSize(3);
    assertThat(m.candidates().get(0).name()).isEqualTo(best);
    assertThat(m.distance()).isCloseTo(bestDistance, within(1e-5));
    assertThat(m.candidates().get(1).distance()).isGreaterThanOrEqualTo(m.candidates().get(0).distance());

    // A change after matching is seen by the next match.
    g.add("Twin", List.of(query));
    assertThat(g.match(query).name()).contains("Twin");
  }

  @Test
  void add_all_replaces_existing_names_and_rejects_empty_lists() {
    Random r = new Random(3);
    FaceGallery g = FaceGallery.builder().build();
    g.add("alice", List.of(random(r)));
    FaceDescriptor d = random(r);
    g.addAll(Map.of("Alice", List.of(d)));
    assertThat(g.names()).containsExactly("Alice");
    assertThat(g.descriptors("ALICE")).containsExactly(d);
    assertThatThrownBy(() -> g.addAll(Map.of("Bob", List.of()))).isInstanceOf(IllegalArgumentException.class);
  }
}
