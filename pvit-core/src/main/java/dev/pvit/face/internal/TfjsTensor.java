package dev.pvit.face.internal;

import dev.pvit.face.ModelLoadException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One decoded TF.js tensor: its manifest name, TF shape and values (row-major in the TF layout,
 * e.g. HWIO for conv filters).
 */
public final class TfjsTensor {
  private final String name;
  private final int[] shape;
  private final float @Nullable [] floats;
  private final int @Nullable [] ints;

  private TfjsTensor(String name, int[] shape, float @Nullable [] floats, int @Nullable [] ints) {
    this.name = name;
    this.shape = shape.clone();
    this.floats = floats;
    this.ints = ints;
  }

  static TfjsTensor ofFloats(String name, int[] shape, float[] values) {
    return new TfjsTensor(name, shape, values, null);
  }

  static TfjsTensor ofInts(String name, int[] shape, int[] values) {
    return new TfjsTensor(name, shape, null, values);
  }

  /**
   * Returns the manifest name.
   *
   * @return e.g. {@code conv0/filters}
   */
  public String name() {
    return name;
  }

  /**
   * Returns the TF shape.
   *
   * @return a copy of the shape; empty for a scalar
   */
  public int[] shape() {
    return shape.clone();
  }

  /**
   * Returns the element count.
   *
   * @return the product of the shape
   */
  public int size() {
    return floats != null ? floats.length : ints == null ? 0 : ints.length;
  }

  /**
   * Whether this tensor holds {@code int32} values.
   *
   * @return true for int32, false for float32
   */
  public boolean isInt() {
    return ints != null;
  }

  /**
   * Returns the float32 values, shared (do not modify).
   *
   * @return the values in TF row-major order
   * @throws ModelLoadException if the tensor is int32
   */
  public float[] floats() {
    if (floats == null) {
      throw new ModelLoadException("tensor '" + name + "' is int32, a float32 tensor was expected");
    }
    return floats;
  }

  /**
   * Returns the int32 values, shared (do not modify).
   *
   * @return the values in TF row-major order
   * @throws ModelLoadException if the tensor is float32
   */
  public int[] ints() {
    if (ints == null) {
      throw new ModelLoadException("tensor '" + name + "' is float32, an int32 tensor was expected");
    }
    return ints;
  }

  @Override
  public String toString() {
    return "TfjsTensor[" + name + " " + Arrays.toString(shape) + (isInt() ? " int32]" : " float32]");
  }
}
