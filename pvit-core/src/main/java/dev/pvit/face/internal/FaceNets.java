package dev.pvit.face.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.google.common.base.Suppliers;
import dev.pvit.face.LandmarkModel;
import dev.pvit.face.ModelLoadException;
import dev.pvit.face.internal.nets.AgeGenderNet;
import dev.pvit.face.internal.nets.FaceExpressionNet;
import dev.pvit.face.internal.nets.FaceLandmark68Net;
import dev.pvit.face.internal.nets.FaceRecognitionNet;
import dev.pvit.face.internal.nets.NetWeights;
import dev.pvit.face.internal.nets.TfjsNet;
import dev.pvit.face.internal.nets.TinyFaceDetectorNet;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All face-api networks, loaded once from the class path and shared across threads. Inputs are
 * float NCHW batches already normalised as face-api does ({@code (x-mean)/255}); outputs are the
 * raw network outputs as flat arrays.
 *
 * <p>Each call allocates its tensors in its own sub-manager that is closed before the call
 * returns, so nothing native outlives a call. The weights never require gradients, so no autograd
 * graph is built. {@link #close()} waits for running calls to finish.
 *
 * <p>Memory: no activation is larger than a few tens of megabytes (the detector computes its
 * full-resolution layers in strips), and loading raises glibc's malloc thresholds once per process
 * ({@link NativeHeap}), so the buffers of one call are reused by the next instead of being mapped
 * and zeroed afresh by the kernel.
 *
 * <pre>{@code
 * try (FaceNets nets = FaceNets.load(LandmarkModel.FULL)) {
 *   float[] raw = nets.detect(input, 1, 608); // [1, 19, 19, 25]
 * }
 * }</pre>
 */
public final class FaceNets implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FaceNets.class);
  private static final String MODEL_DIR = "dev/pvit/face/models";
  private static final int LANDMARK_SIZE = 112;
  private static final int DESCRIPTOR_SIZE = 150;

  private final NDManager manager;
  private final TinyFaceDetectorNet detector;
  private final FaceLandmark68Net landmarkNet;
  private final FaceRecognitionNet recognition;
  /** Built on first use: most apps never ask for attributes, and loading costs start-up time. */
  private final Supplier<AgeGenderNet> ageGender;
  /** Built on first use, like {@link #ageGender}. */
  private final Supplier<FaceExpressionNet> expression;
  private final InputBuffers inputBuffers = new InputBuffers();
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private FaceNets(
      NDManager manager,
      TinyFaceDetectorNet detector,
      FaceLandmark68Net landmarkNet,
      FaceRecognitionNet recognition) {
    this.manager = manager;
    this.detector = detector;
    this.landmarkNet = landmarkNet;
    this.recognition = recognition;
    this.ageGender = Suppliers.memoize(() -> build(manager, "age_gender_model", AgeGenderNet::new));
    this.expression = Suppliers.memoize(() -> build(manager, "face_expression_model", FaceExpressionNet::new));
  }

  /**
   * Loads the detector, landmark and recognition networks from the weights bundled in the pvit-core
   * jar with the default settings; the age/gender and expression networks are loaded on their
   * first use.
   *
   * @param landmarkModel which landmark net to load
   * @return the loaded networks; close them when done
   * @throws ModelLoadException if a weights file is missing or does not match its network
   */
  public static FaceNets load(LandmarkModel landmarkModel) {
    return load(landmarkModel, EngineSettings.DEFAULTS);
  }

  /**
   * Loads every network from the weights bundled in the pvit-core jar.
   *
   * <p>The PyTorch engine is process-wide and reads its settings once, when it first starts. While
   * it starts here, the system properties the settings stand for ({@code ai.djl.offline}, {@code
   * ai.djl.pytorch.num_threads}, {@code ai.djl.pytorch.num_interop_threads}) are set for what the
   * application has not configured itself (a property or {@code DJL_OFFLINE}/{@code
   * OMP_NUM_THREADS} in the environment wins), and removed again afterwards, so other DJL models in
   * the same JVM still download and configure as they would without PVIT. The thread counts stay in
   * libtorch for the life of the process; if the engine was already started they are left as they
   * are.
   *
   * @param landmarkModel which landmark net to load
   * @param settings offline and thread settings
   * @return the loaded networks; close them when done
   * @throws ModelLoadException if a weights file is missing or does not match its network
   */
  public static FaceNets load(LandmarkModel landmarkModel, EngineSettings settings) {
    long start = System.nanoTime();
    NDManager manager = startEngine(settings);
    try {
      NativeHeap.keepBuffersInHeap(manager);
      boolean tiny = landmarkModel == LandmarkModel.TINY;
      FaceNets nets =
          new FaceNets(
              manager,
              build(manager, "tiny_face_detector_model", TinyFaceDetectorNet::new),
              build(
                  manager,
                  tiny ? "face_landmark_68_tiny_model" : "face_landmark_68_model",
                  w -> new FaceLandmark68Net(w, tiny)),
              build(manager, "face_recognition_model", FaceRecognitionNet::new));
      LOG.debug("Loaded face nets ({} landmarks) in {} ms", landmarkModel, (System.nanoTime() - start) / 1_000_000);
      return nets;
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  private static NDManager startEngine(EngineSettings settings) {
    // One lock for every start: two engines starting at once must not see each other's scoped
    // properties disappear half-way.
    synchronized (FaceNets.class) {
      List<String> scoped = new ArrayList<>();
      if (settings.offline()) {
        scope("ai.djl.offline", "DJL_OFFLINE", "true", scoped);
      }
      if (settings.threads() > 0) {
        String threads = Integer.toString(settings.threads());
        scope("ai.djl.pytorch.num_threads", "OMP_NUM_THREADS", threads, scoped);
        scope("ai.djl.pytorch.num_interop_threads", "OMP_NUM_THREADS", threads, scoped);
      }
      try {
        return DjlQuiet.startPyTorch();
      } finally {
        scoped.forEach(System::clearProperty);
      }
    }
  }

  private static void scope(String property, String overridingEnv, String value, List<String> scoped) {
    if (System.getProperty(property) == null && System.getenv(overridingEnv) == null) {
      System.setProperty(property, value);
      scoped.add(property);
    }
  }

  private static <T extends TfjsNet> T build(NDManager manager, String model, Function<NetWeights, T> factory) {
    TfjsWeights weights = TfjsWeights.fromClasspath(MODEL_DIR, model);
    return factory.apply(new NetWeights(weights, manager));
  }

  /**
   * Runs the tiny face detector.
   *
   * @param input normalised {@code (x-[117.001,114.697,97.404])/255}, NCHW, length {@code batch*3*inputSize²}
   * @param batch number of images
   * @param inputSize side of the square input, a multiple of 32
   * @return raw conv8 output in TF.js layout NHWC {@code [batch, S, S, 25]}, {@code S=inputSize/32};
   *     the 25 channels are 5 anchors × {@code tx,ty,tw,th,score}
   */
  public float[] detect(float[] input, int batch, int inputSize) {
    return detect(input, batch, inputSize, inputSize, false);
  }

  /**
   * Runs the tiny face detector on a rectangular input (the net is fully convolutional).
   *
   * @param input normalised like {@link #detect(float[], int, int)}, NCHW, length {@code batch*3*height*width}
   * @param batch number of images
   * @param height rows, a multiple of 32
   * @param width columns, a multiple of 32
   * @return raw conv8 output, NHWC {@code [batch, height/32, width/32, 25]}
   */
  public float[] detect(float[] input, int batch, int height, int width) {
    return detect(input, batch, height, width, false);
  }

  /** {@link #detect(float[], int, int, int)} on NCHW or, for the pipeline, NHWC input. */
  float[] detect(float[] input, int batch, int height, int width, boolean channelsLast) {
    if (height < 32 || height % 32 != 0 || width < 32 || width % 32 != 0) {
      throw new IllegalArgumentException(
          "detector input sides must each be a positive multiple of 32, got " + width + "x" + height);
    }
    float[] nchw = run(() -> detector, input, batch, height, width, channelsLast)[0];
    int plane = (height / 32) * (width / 32);
    float[] nhwc = new float[nchw.length];
    for (int n = 0; n < batch; n++) {
      int base = n * 25 * plane;
      for (int c = 0; c < 25; c++) {
        for (int p = 0; p < plane; p++) {
          nhwc[base + p * 25 + c] = nchw[base + c * plane + p];
        }
      }
    }
    return nhwc;
  }

  /**
   * Runs the 68-point landmark net chosen at load time.
   *
   * @param input normalised {@code (x-[122.782,117.001,104.298])/255}, NCHW 112×112
   * @param batch number of faces
   * @return {@code [batch, 136]}: interleaved x,y in [0,1] of the padded square, before face-api's
   *     {@code postProcess}
   */
  public float[] landmarks(float[] input, int batch) {
    return landmarks(input, batch, false);
  }

  /** {@link #landmarks(float[], int)} on NCHW or, for the pipeline, NHWC input. */
  float[] landmarks(float[] input, int batch, boolean channelsLast) {
    return run(() -> landmarkNet, input, batch, LANDMARK_SIZE, LANDMARK_SIZE, channelsLast)[0];
  }

  /**
   * Computes 128-d face descriptors (dlib ResNet).
   *
   * @param input normalised {@code (x-[122.782,117.001,104.298])/255}, NCHW 150×150
   * @param batch number of faces
   * @return {@code [batch, 128]}, not L2-normalised
   */
  public float[] descriptors(float[] input, int batch) {
    return descriptors(input, batch, false);
  }

  /** {@link #descriptors(float[], int)} on NCHW or, for the pipeline, NHWC input. */
  float[] descriptors(float[] input, int batch, boolean channelsLast) {
    return run(() -> recognition, input, batch, DESCRIPTOR_SIZE, DESCRIPTOR_SIZE, channelsLast)[0];
  }

  /**
   * Estimates apparent age and gender.
   *
   * @param input normalised like {@link #landmarks}, NCHW 112×112
   * @param batch number of faces
   * @return {@code [batch, 2]}: age in years, probability male
   */
  public float[] ageGender(float[] input, int batch) {
    return ageGender(input, batch, false);
  }

  /** {@link #ageGender(float[], int)} on NCHW or, for the pipeline, NHWC input. */
  float[] ageGender(float[] input, int batch, boolean channelsLast) {
    float[][] outputs = run(ageGender, input, batch, LANDMARK_SIZE, LANDMARK_SIZE, channelsLast);
    float[] result = new float[batch * 2];
    for (int n = 0; n < batch; n++) {
      result[2 * n] = outputs[0][n];
      result[2 * n + 1] = outputs[1][2 * n];
    }
    return result;
  }

  /**
   * Classifies facial expressions.
   *
   * @param input normalised like {@link #landmarks}, NCHW 112×112
   * @param batch number of faces
   * @return {@code [batch, 7]} softmax: neutral, happy, sad, angry, fearful, disgusted, surprised
   */
  public float[] expressions(float[] input, int batch) {
    return expressions(input, batch, false);
  }

  /** {@link #expressions(float[], int)} on NCHW or, for the pipeline, NHWC input. */
  float[] expressions(float[] input, int batch, boolean channelsLast) {
    return run(expression, input, batch, LANDMARK_SIZE, LANDMARK_SIZE, channelsLast)[0];
  }

  private float[][] run(
      Supplier<? extends TfjsNet> lazyNet, float[] input, int batch, int height, int width, boolean channelsLast) {
    long expected = (long) batch * 3 * height * width;
    if (batch < 1 || input.length != expected) {
      throw new IllegalArgumentException(
          "expected a batch of " + batch + (channelsLast ? " NHWC " : " NCHW 3x") + height + "x" + width
              + (channelsLast ? "x3" : "") + " inputs (" + expected + " floats), got " + input.length + " floats");
    }
    lifecycle.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("the face nets are closed");
      }
      TfjsNet net = lazyNet.get();
      ByteBuffer buffer = inputBuffers.take(4 * expected);
      try (NDManager call = manager.newSubManager()) {
        buffer.asFloatBuffer().put(input);
        NDList outputs;
        if (channelsLast) {
          NDArray nhwc = call.create(buffer, new Shape(batch, height, width, 3), DataType.FLOAT32);
          outputs = net.forwardChannelsLast(nhwc.transpose(0, 3, 1, 2));
        } else {
          NDArray x = call.create(buffer, new Shape(batch, 3, height, width), DataType.FLOAT32);
          outputs = net.forward(new ParameterStore(call, false), new NDList(x), false);
        }
        float[][] result = new float[outputs.size()][];
        for (int i = 0; i < result.length; i++) {
          result[i] = outputs.get(i).toFloatArray();
        }
        return result;
      } finally {
        // Only now: the input tensor reads the buffer in place, and the call's manager has freed it.
        inputBuffers.give(buffer);
      }
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** Frees the native weights; waits for calls in progress. Idempotent. */
  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        manager.close();
      }
    } finally {
      lifecycle.writeLock().unlock();
    }
  }
}
