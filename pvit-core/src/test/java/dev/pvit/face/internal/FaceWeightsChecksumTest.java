package dev.pvit.face.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaceWeightsChecksumTest {
  private static final String DIR = "dev/pvit/face/models/";

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = FaceWeightsChecksumTest.class.getClassLoader().getResourceAsStream(DIR + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  @Test
  void vendored_weights_match_sha256sums() throws IOException, NoSuchAlgorithmException {
    Map<String, String> sums = new LinkedHashMap<>();
    for (String line : new String(resource("SHA256SUMS"), StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        String[] parts = line.split(" [ *]", 2);
        sums.put(parts[1].trim(), parts[0]);
      }
    }
    assertThat(sums.keySet())
        .containsExactlyInAnyOrder(
            "tiny_face_detector_model.bin", "tiny_face_detector_model-weights_manifest.json",
            "face_landmark_68_model.bin", "face_landmark_68_model-weights_manifest.json",
            "face_landmark_68_tiny_model.bin", "face_landmark_68_tiny_model-weights_manifest.json",
            "face_recognition_model.bin", "face_recognition_model-weights_manifest.json",
            "age_gender_model.bin", "age_gender_model-weights_manifest.json",
            "face_expression_model.bin", "face_expression_model-weights_manifest.json");
    for (Map.Entry<String, String> e : sums.entrySet()) {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(resource(e.getKey()));
      assertThat(HexFormat.of().formatHex(digest)).as(e.getKey()).isEqualTo(e.getValue());
    }
  }
}
