package dev.pvit.face.internal;

/** TF.js affine weight quantisation. */
final class Quantization {
  private Quantization() {}

  /**
   * Dequantises like tfjs-core: the product and sum are taken in double precision (JavaScript
   * numbers) and only then narrowed by the caller, so the floats match the reference bit for bit.
   *
   * @param q the stored unsigned value
   * @param scale the manifest's {@code scale}
   * @param min the manifest's {@code min}
   * @return {@code q*scale+min}
   */
  static double dequantize(int q, double scale, double min) {
    return q * scale + min;
  }
}
