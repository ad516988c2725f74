package dev.pvit.face;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A face's 128-dimensional descriptor (dlib ResNet embedding, not L2-normalised). Two photos of
 * the same person are usually closer than 0.6 in {@link #distance(FaceDescriptor) Euclidean
 * distance}. Immutable; arrays are copied in and out.
 *
 * <p>A descriptor is biometric data: {@link #toString()} never shows its values.
 *
 * <pre>{@code
 * FaceDescriptor a = faceA.descriptor();
 * boolean samePerson = a.distance(faceB.descriptor()) < 0.6;
 * }</pre>
 */
public final class FaceDescriptor {
  /** Number of values in a descriptor. */
  public static final int LENGTH = 128;

  private final float[] values;

  private FaceDescriptor(float[] values) {
    this.values = values;
  }

  /**
   * Wraps 128 values (the array is copied).
   *
   * @param values the descriptor values
   * @return the descriptor
   * @throws IllegalArgumentException if there are not exactly 128 finite values
   */
  public static FaceDescriptor of(float[] values) {
    checkNotNull(values, "values");
    if (values.length != LENGTH) {
      throw new IllegalArgumentException(
          "A face descriptor has " + LENGTH + " values, got " + values.length + ".");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException("Face descriptor value " + i + " is not finite.");
      }
    }
    return new FaceDescriptor(values.clone());
  }

  /**
   * A copy of the values.
   *
   * @return 128 floats
   */
  public float[] toArray() {
    return values.clone();
  }

  /**
   * One value.
   *
   * @param index 0 to 127
   * @return the value
   */
  public float get(int index) {
    return values[index];
  }

  /**
   * Euclidean distance to another descriptor (same person: usually below 0.6).
   *
   * @param other the other descriptor
   * @return the distance, 0 for identical descriptors
   */
  public double distance(FaceDescriptor other) {
    double sum = 0;
    for (int i = 0; i < LENGTH; i++) {
      double d = (double) values[i] - other.values[i];
      sum += d * d;
    }
    return Math.sqrt(sum);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FaceDescriptor other && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  /** Never shows the values (biometric data). */
  @Override
  public String toString() {
    return "FaceDescriptor[" + LENGTH + " values]";
  }
}
