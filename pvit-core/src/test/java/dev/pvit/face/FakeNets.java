package dev.pvit.face;

import dev.pvit.face.internal.Nets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Deterministic stand-in nets: the detector reports one face in the middle cell when the input is
 * bright on average, landmarks form a fixed frontal template, and the descriptor is derived from
 * the crop's mean colour.
 */
final class FakeNets implements Nets {
  final AtomicBoolean closed = new AtomicBoolean();

  @Override
  public float[] detect(float[] input, int batch, int height, int width) {
    int rows = height / 32;
    int cols = width / 32;
    float[] out = new float[batch * rows * cols * 25];
    for (int i = 4; i < out.length; i += 5) {
      out[i] = -20;
    }
    int per = 3 * height * width;
    for (int b = 0; b < batch; b++) {
      double mean = 0;
      for (int i = 0; i < per; i++) {
        mean += input[b * per + i];
      }
      mean /= per;
      if (mean > -0.2) {
        int p = b * rows * cols * 25 + (((rows / 2) * cols + cols / 2) * 5 + 1) * 5;
        out[p + 4] = 4;
      }
    }
    return out;
  }

  @Override
  public float[] landmarks(float[] input, int batch) {
    float[] out = new float[batch * 136];
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < 68; i++) {
        float x = 0.5f;
        float y = 0.5f;
        if (i >= 36 && i < 42) {
          x = 0.35f;
          y = 0.4f;
        } else if (i >= 42 && i < 48) {
          x = 0.65f;
          y = 0.4f;
        } else if (i >= 48) {
          y = 0.7f;
        }
        out[b * 136 + 2 * i] = x;
        out[b * 136 + 2 * i + 1] = y;
      }
    }
    return out;
  }

  @Override
  public float[] descriptors(float[] input, int batch) {
    float[] out = new float[batch * 128];
    int per = 3 * 150 * 150;
    for (int b = 0; b < batch; b++) {
      for (int c = 0; c < 3; c++) {
        double sum = 0;
        for (int i = 0; i < 150 * 150; i++) {
          sum += input[b * per + i * 3 + c];
        }
        out[b * 128 + c] = (float) (sum / (150 * 150));
      }
    }
    return out;
  }

  @Override
  public float[] ageGender(float[] input, int batch) {
    float[] out = new float[batch * 2];
    for (int b = 0; b < batch; b++) {
      out[2 * b] = 31.5f;
      out[2 * b + 1] = 0.25f;
    }
    return out;
  }

  @Override
  public float[] expressions(float[] input, int batch) {
    float[] out = new float[batch * 7];
    for (int b = 0; b < batch; b++) {
      out[7 * b] = 0.1f;
      out[7 * b + 1] = 0.7f;
      for (int i = 2; i < 7; i++) {
        out[7 * b + i] = 0.04f;
      }
    }
    return out;
  }

  @Override
  public void close() {
    closed.set(true);
  }
}
