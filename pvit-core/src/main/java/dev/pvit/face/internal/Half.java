package dev.pvit.face.internal;

/** IEEE 754 binary16 decoding (Java 17 has no {@code Float.float16ToFloat}). */
final class Half {
  private Half() {}

  /**
   * Decodes a half-precision value exactly, including subnormals, infinities and NaN.
   *
   * @param bits the 16 bits, little-endian already applied
   * @return the same value as a float
   */
  static float toFloat(short bits) {
    int h = bits & 0xffff;
    int sign = (h & 0x8000) << 16;
    int exponent = (h >>> 10) & 0x1f;
    int mantissa = h & 0x3ff;
    if (exponent == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    if (exponent == 0) {
      // Subnormal (or zero): mantissa * 2^-24, exact in float.
      float magnitude = mantissa * 0x1p-24f;
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
  }
}
