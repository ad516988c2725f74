package dev.pvit.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineSettingsTest {
  @Test
  void building_an_engine_leaves_the_jvm_system_properties_as_they_were() {
    Map<String, String> before = djlAndLoggingProperties();
    try (FaceEngine engine = FaceEngine.builder().offline(true).threads(1).build()) {
      assertThat(engine.detectorSize()).isEqualTo(FaceEngine.DEFAULT_DETECTOR_SIZE);
    }
    assertThat(djlAndLoggingProperties()).isEqualTo(before);
  }

  /** What the engine start may touch: DJL settings and slf4j-simple logger levels. */
  private static Map<String, String> djlAndLoggingProperties() {
    Map<String, String> props = new HashMap<>();
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith("ai.djl.") || k.startsWith("org.slf4j."))
        .forEach(k -> props.put(k, System.getProperty(k)));
    return props;
  }

  @Test
  void rejects_a_negative_thread_count() {
    assertThatThrownBy(() -> FaceEngine.builder().threads(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads");
  }
}
