package dev.pvit.bench.perf;

import dev.pvit.face.FaceAnalysis;
import dev.pvit.face.FaceEngine;
import dev.pvit.face.FaceGallery;
import dev.pvit.face.SceneRecognition;
import dev.pvit.image.ImageInput;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The whole engine on the bundled 5-face photo (1920x1398 JPEG): decode, detect, landmarks,
 * alignment, descriptors; {@code analyze} is the face-api reference pipeline at 608, {@code
 * recognize} the SDK's multi-scale recognition against a gallery of the photo's own faces.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FaceEngineBenchmark {
  private FaceEngine engine;
  private FaceGallery gallery;
  private ImageInput photo;

  /** Builds the engine and a gallery of the photo's faces. */
  @Setup
  public void setUp() {
    engine = FaceEngine.builder().build();
    photo = BenchInputs.fiveFaces();
    FaceAnalysis faces = engine.analyze(photo);
    gallery = FaceGallery.builder().engine(engine).build();
    for (int i = 0; i < faces.faces().size(); i++) {
      gallery.add("Person" + (char) ('A' + i), java.util.List.of(faces.faces().get(i).descriptor()));
    }
  }

  /** Frees the engine. */
  @TearDown
  public void tearDown() {
    engine.close();
  }

  /**
   * The face-api reference pipeline at detector size 608.
   *
   * @return the faces
   */
  @Benchmark
  public FaceAnalysis analyzeFiveFacePhoto() {
    return engine.analyze(photo);
  }

  /**
   * Multi-scale recognition of the five faces against a five-person gallery.
   *
   * @return who is where
   */
  @Benchmark
  public SceneRecognition recognizeFiveFacePhoto() {
    return engine.recognize(photo, gallery);
  }
}
