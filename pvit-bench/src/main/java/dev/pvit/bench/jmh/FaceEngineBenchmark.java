package dev.pvit.bench.jmh;

import dev.pvit.face.FaceAnalysis;
import dev.pvit.face.FaceEngine;
import dev.pvit.face.FaceGallery;
import dev.pvit.face.SceneRecognition;
import dev.pvit.image.ImageInput;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole-pipeline cost per photo through the public API: decode, detect, landmarks, alignment and
 * descriptors ({@code analyze}, the reference pipeline) and the multi-scale {@code recognize}.
 * The default photo is the face-api demo {@code sample5.jpg} (1920 px wide, 5 faces). Run from the
 * repository root:
 *
 * <pre>{@code
 * java -cp "pvit-bench/target/pvit-bench.jar:pvit-bench/target/lib/*" org.openjdk.jmh.Main FaceEngineBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
public class FaceEngineBenchmark {
  /** The photo to analyse, relative to the working directory. */
  @Param("pvit-core/src/test/resources/dev/pvit/face/demo/sample5.jpg")
  public String photo;

  private FaceEngine engine608;
  private FaceEngine engine416;
  private FaceGallery gallery;
  private ImageInput image;

  /** Loads the engines once per fork and enrolls nobody (recognition cost is in detection). */
  @Setup(Level.Trial)
  public void setUp() {
    engine608 = FaceEngine.builder().detectorSize(608).build();
    engine416 = FaceEngine.builder().detectorSize(416).build();
    gallery = FaceGallery.builder().build();
    image = ImageInput.of(Path.of(photo));
  }

  /** Frees the native weights. */
  @TearDown(Level.Trial)
  public void tearDown() {
    engine608.close();
    engine416.close();
  }

  /**
   * Reference pipeline with the detector at 608.
   *
   * @return the analysis, consumed by JMH
   */
  @Benchmark
  public FaceAnalysis analyze608() {
    return engine608.analyze(image);
  }

  /**
   * Reference pipeline with the detector at 416.
   *
   * @return the analysis, consumed by JMH
   */
  @Benchmark
  public FaceAnalysis analyze416() {
    return engine416.analyze(image);
  }

  /**
   * Multi-scale recognition (608, 416, 320, 224 plus confirmations).
   *
   * @return the recognition, consumed by JMH
   */
  @Benchmark
  public SceneRecognition recognize608() {
    return engine608.recognize(image, gallery);
  }
}
