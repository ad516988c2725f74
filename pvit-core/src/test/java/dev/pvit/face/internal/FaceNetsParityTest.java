package dev.pvit.face.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.face.LandmarkModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares every network with face-api 1.7.15 on tfjs-WASM given bit-identical input tensors
 * ({@code parity/raw-nets.json}, produced by {@code pvit-bench/baseline/gen-fixtures.js}).
 */
class FaceNetsParityTest {
  private static final Logger LOG = LoggerFactory.getLogger(FaceNetsParityTest.class);
  private static JsonNode fixture;
  private static FaceNets full;
  private static FaceNets tiny;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = FaceNetsParityTest.class.getResourceAsStream("/dev/pvit/face/parity/raw-nets.json")) {
      fixture = new ObjectMapper().readTree(in);
    }
    full = FaceNets.load(LandmarkModel.FULL);
    tiny = FaceNets.load(LandmarkModel.TINY);
  }

  @AfterAll
  static void close() {
    full.close();
    tiny.close();
  }

  /** Decodes a fixture input (gzip+base64 uint8 HWC) into normalised NCHW floats like face-api. */
  static float[] input(JsonNode node, JsonNode mean) {
    int h = node.get("shape").get(0).asInt();
    int w = node.get("shape").get(1).asInt();
    byte[] hwc;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(node.get("data").asText())))) {
      hwc = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(hwc).hasSize(h * w * 3);
    float[] nchw = new float[hwc.length];
    for (int c = 0; c < 3; c++) {
      float m = (float) mean.get(c).asDouble();
      for (int p = 0; p < h * w; p++) {
        nchw[c * h * w + p] = ((hwc[p * 3 + c] & 0xff) - m) / 255f;
      }
    }
    return nchw;
  }

  static float[] floats(JsonNode array) {
    float[] r = new float[array.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = (float) array.get(i).asDouble();
    }
    return r;
  }

  static double maxAbsDiff(float[] a, float[] b, int offset) {
    double max = 0;
    for (int i = 0; i < b.length; i++) {
      max = Math.max(max, Math.abs(a[offset + i] - b[i]));
    }
    return max;
  }

  static double cosine(float[] a, int offset, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < b.length; i++) {
      dot += a[offset + i] * (double) b[i];
      na += a[offset + i] * (double) a[offset + i];
      nb += b[i] * (double) b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  private static float[] batch(String field) {
    JsonNode faces = fixture.get("faces");
    float[] first = input(faces.get(0).get(field), fixture.get("faceMean"));
    float[] all = new float[first.length * faces.size()];
    for (int i = 0; i < faces.size(); i++) {
      System.arraycopy(input(faces.get(i).get(field), fixture.get("faceMean")), 0, all, i * first.length, first.length);
    }
    return all;
  }

  @Test
  void detector_raw_output_matches_face_api_at_416() {
    JsonNode det = fixture.get("detector");
    float[] actual = full.detect(input(det.get("input"), det.get("mean")), 1, 416);
    float[] expected = floats(det.get("output").get("data"));
    assertThat(actual).hasSameSizeAs(expected);
    LOG.info("detector@416 max |diff| {}", maxAbsDiff(actual, expected, 0));
    // Outputs span -56..4; the prototype reached 8e-5.
    assertThat(maxAbsDiff(actual, expected, 0)).isLessThan(5e-4);
  }

  @Test
  void descriptors_match_face_api_in_one_batch() {
    JsonNode faces = fixture.get("faces");
    float[] actual = full.descriptors(batch("input150"), faces.size());
    for (int i = 0; i < faces.size(); i++) {
      float[] expected = floats(faces.get(i).get("descriptor"));
      LOG.info("descriptor {}: cosine {}, max |diff| {}", i, cosine(actual, i * 128, expected), maxAbsDiff(actual, expected, i * 128));
      assertThat(cosine(actual, i * 128, expected)).as("face %d cosine", i).isGreaterThanOrEqualTo(0.9999);
      assertThat(maxAbsDiff(actual, expected, i * 128)).as("face %d", i).isLessThan(1e-4);
    }
  }

  @Test
  void landmarks_full_and_tiny_match_face_api() {
    JsonNode faces = fixture.get("faces");
    float[] input = batch("input112");
    float[] actualFull = full.landmarks(input, faces.size());
    float[] actualTiny = tiny.landmarks(input, faces.size());
    for (int i = 0; i < faces.size(); i++) {
      LOG.info("landmarks {}: full max |diff| {}, tiny max |diff| {}", i,
          maxAbsDiff(actualFull, floats(faces.get(i).get("landmarks")), i * 136),
          maxAbsDiff(actualTiny, floats(faces.get(i).get("landmarksTiny")), i * 136));
      assertThat(maxAbsDiff(actualFull, floats(faces.get(i).get("landmarks")), i * 136)).as("full %d", i).isLessThan(1e-4);
      assertThat(maxAbsDiff(actualTiny, floats(faces.get(i).get("landmarksTiny")), i * 136)).as("tiny %d", i).isLessThan(1e-4);
    }
  }

  @Test
  void age_gender_and_expressions_match_face_api() {
    JsonNode faces = fixture.get("faces");
    float[] input = batch("input112");
    float[] ageGender = full.ageGender(input, faces.size());
    float[] expressions = full.expressions(input, faces.size());
    for (int i = 0; i < faces.size(); i++) {
      float[] expected = floats(faces.get(i).get("ageGender"));
      LOG.info("face {}: age {} vs {}, male {} vs {}, expressions max |diff| {}", i, ageGender[2 * i], expected[0],
          ageGender[2 * i + 1], expected[1], maxAbsDiff(expressions, floats(faces.get(i).get("expressions")), i * 7));
      assertThat(Math.abs(ageGender[2 * i] - expected[0])).as("age %d", i).isLessThan(1e-3f);
      assertThat(Math.abs(ageGender[2 * i + 1] - expected[1])).as("male %d", i).isLessThan(1e-5f);
      assertThat(maxAbsDiff(expressions, floats(faces.get(i).get("expressions")), i * 7)).as("expr %d", i).isLessThan(1e-5);
    }
  }
}
