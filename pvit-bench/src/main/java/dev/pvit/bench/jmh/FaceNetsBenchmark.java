package dev.pvit.bench.jmh;

import dev.pvit.face.LandmarkModel;
import dev.pvit.face.internal.FaceNets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forward-pass cost of each face network (inputs are random; the cost does not depend on content).
 * Per-item times are the score divided by the batch size.
 *
 * <pre>{@code
 * java -cp "pvit-bench/target/pvit-bench.jar:pvit-bench/target/lib/*" org.openjdk.jmh.Main FaceNetsBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
public class FaceNetsBenchmark {
  private FaceNets nets;
  private float[] face150;
  private float[] faces150x16;
  private float[] face112;
  private float[] faces112x8;
  private float[] image416;
  private float[] image608;

  private static float[] noise(int length) {
    Random random = new Random(42);
    float[] x = new float[length];
    for (int i = 0; i < length; i++) {
      x[i] = random.nextFloat() - 0.5f;
    }
    return x;
  }

  /** Loads the nets once per fork. */
  @Setup(Level.Trial)
  public void setUp() {
    nets = FaceNets.load(LandmarkModel.FULL);
    face150 = noise(3 * 150 * 150);
    faces150x16 = noise(16 * 3 * 150 * 150);
    face112 = noise(3 * 112 * 112);
    faces112x8 = noise(8 * 3 * 112 * 112);
    image416 = noise(3 * 416 * 416);
    image608 = noise(3 * 608 * 608);
  }

  /** Frees the native weights. */
  @TearDown(Level.Trial)
  public void tearDown() {
    nets.close();
  }

  /**
   * One descriptor.
   *
   * @return the output, consumed by JMH
   */
  @Benchmark
  public float[] descriptorsBatch1() {
    return nets.descriptors(face150, 1);
  }

  /**
   * Sixteen descriptors in one batch (divide by 16 for ms/face).
   *
   * @return the output, consumed by JMH
   */
  @Benchmark
  public float[] descriptorsBatch16() {
    return nets.descriptors(faces150x16, 16);
  }

  /**
   * Tiny face detector forward pass at 416.
   *
   * @return the output, consumed by JMH
   */
  @Benchmark
  public float[] detect416() {
    return nets.detect(image416, 1, 416);
  }

  /**
   * Tiny face detector forward pass at 608.
   *
   * @return the output, consumed by JMH
   */
  @Benchmark
  public float[] detect608() {
    return nets.detect(image608, 1, 608);
  }

  /**
   * 68 landmarks of one face.
   *
   * @return the output, consumed by JMH
   */
  @Benchmark
  public float[] landmarksBatch1() {
    return nets.landmarks(face112, 1);
  }

  /**
   * 68 landmarks of eight faces in one batch (divide by 8 for ms/face).
   *
   * @return the output, consumed by JMH
   */
  @Benchmark
  public float[] landmarksBatch8() {
    return nets.landmarks(faces112x8, 8);
  }
}
