package dev.pvit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GenerateOptionsTest {
  private static GenerateOptions.Builder base() {
    return GenerateOptions.builder().input("in").output("out");
  }

  @Test
  void the_fingerprint_follows_what_shapes_records_and_ignores_partitioning() {
    String f = base().seed(7).build().fingerprint();
    assertThat(base().seed(7).partitions(9).jsonl(true).torchThreads(2).build().fingerprint()).isEqualTo(f);
    assertThat(base().seed(8).build().fingerprint()).isNotEqualTo(f);
    assertThat(base().seed(7).samplesPerScene(3).build().fingerprint()).isNotEqualTo(f);
    assertThat(base().seed(7).names(List.of("Ann", "Bo")).build().fingerprint()).isNotEqualTo(f);
  }

  @Test
  void rejects_missing_folders_and_out_of_range_values_with_their_names() {
    assertThatThrownBy(() -> GenerateOptions.builder().input("in").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("output");
    assertThatThrownBy(() -> base().unanswerableShare(1.5).build()).hasMessageContaining("unanswerableShare");
    assertThatThrownBy(() -> base().partitions(-1).build()).hasMessageContaining("partitions");
    assertThatThrownBy(() -> base().minPeople(0).build()).hasMessageContaining("minPeople");
  }

  @Test
  void survives_java_serialisation_as_spark_ships_it() throws Exception {
    GenerateOptions o = base().seed(3).names(List.of("Ann")).failFirstAttempts(List.of(1)).build();
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(o);
    }
  }
}
