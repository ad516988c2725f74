package dev.pvit.bench.perf;

import dev.pvit.face.FaceNetworks;
import dev.pvit.face.LandmarkModel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The face nets on their own (DJL + PyTorch, CPU): recognition descriptors at batch 1 and 16 (time
 * per face), the tiny detector at 416 and 608, the 68-point landmark net.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FaceNetsBenchmark {
  private FaceNetworks nets;
  private float[] face1;
  private float[] face16;
  private float[] det416;
  private float[] det608;
  private float[] landmarkInput;

  /** Loads the nets and makes the inputs. */
  @Setup
  public void setUp() {
    nets = FaceNetworks.load(LandmarkModel.FULL);
    face1 = BenchInputs.tensor(1, 150, 1);
    face16 = BenchInputs.tensor(16, 150, 2);
    det416 = BenchInputs.tensor(1, 416, 3);
    det608 = BenchInputs.tensor(1, 608, 4);
    landmarkInput = BenchInputs.tensor(1, 112, 5);
  }

  /** Frees the nets. */
  @TearDown
  public void tearDown() {
    nets.close();
  }

  /**
   * One face descriptor.
   *
   * @return the descriptor
   */
  @Benchmark
  public float[] descriptorBatch1() {
    return nets.descriptors(face1, 1);
  }

  /**
   * Sixteen face descriptors in one batch; reported per face.
   *
   * @return the descriptors
   */
  @Benchmark
  @OperationsPerInvocation(16)
  public float[] descriptorBatch16() {
    return nets.descriptors(face16, 16);
  }

  /**
   * The tiny face detector at input 416 (forward pass).
   *
   * @return raw output
   */
  @Benchmark
  public float[] detector416() {
    return nets.detect(det416, 1, 416);
  }

  /**
   * The tiny face detector at input 608 (forward pass).
   *
   * @return raw output
   */
  @Benchmark
  public float[] detector608() {
    return nets.detect(det608, 1, 608);
  }

  /**
   * The 68-point landmark net, one face.
   *
   * @return raw output
   */
  @Benchmark
  public float[] landmarks() {
    return nets.landmarks(landmarkInput, 1);
  }
}
