package dev.pvit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class DjlSmokeTest {
  @Test
  void pytorch_engine_runs_offline() {
    Engine engine = Engine.getEngine("PyTorch");
    try (NDManager manager = engine.newBaseManager()) {
      NDArray a = manager.create(new float[] {1, 2, 3, 4}, new ai.djl.ndarray.types.Shape(2, 2));
      NDArray b = a.matMul(a);
      assertThat(b.toFloatArray()).containsExactly(7f, 10f, 15f, 22f);
    }
    assertThat(engine.getVersion()).startsWith("2.7.1");
  }
}
