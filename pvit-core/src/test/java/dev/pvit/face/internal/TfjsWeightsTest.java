package dev.pvit.face.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.NonRetriableException;
import dev.pvit.face.ModelLoadException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfjsWeightsTest {
  private static TfjsWeights read(String manifest, Map<String, byte[]> shards) {
    return TfjsWeights.read(
        "test-manifest.json",
        manifest.getBytes(StandardCharsets.UTF_8),
        path -> {
          byte[] bytes = shards.get(path);
          if (bytes == null) {
            throw new ModelLoadException("model file " + path + " is missing");
          }
          return bytes;
        });
  }

  private static ByteBuffer le(int capacity) {
    return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
  }

  @Test
  void decodes_raw_float32_and_int32_back_to_back() {
    ByteBuffer bin = le(4 * 6 + 4 * 2);
    for (float v : new float[] {1.5f, -2f, 0f, 3.25f, 1e-7f, -0f}) {
      bin.putFloat(v);
    }
    bin.putInt(-7).putInt(123456789);
    String manifest =
        """
        [{"paths":["a.bin"],"weights":[
          {"name":"w","shape":[2,3],"dtype":"float32"},
          {"name":"i","shape":[2],"dtype":"int32"}]}]
        """;
    TfjsWeights weights = read(manifest, Map.of("a.bin", bin.array()));
    assertThat(weights.names()).containsExactly("w", "i");
    assertThat(weights.get("w").shape()).containsExactly(2, 3);
    assertThat(weights.get("w").floats()).containsExactly(1.5f, -2f, 0f, 3.25f, 1e-7f, -0f);
    assertThat(weights.get("i").ints()).containsExactly(-7, 123456789);
    assertThat(weights.get("i").isInt()).isTrue();
  }

  @Test
  void concatenates_the_shards_of_a_group_in_order() {
    String manifest =
        """
        [{"paths":["s1","s2"],"weights":[
          {"name":"q","shape":[4],"dtype":"float32","quantization":{"dtype":"uint8","scale":0.5,"min":-1}}]}]
        """;
    TfjsWeights weights = read(manifest, Map.of("s1", new byte[] {0, 1}, "s2", new byte[] {2, (byte) 255}));
    assertThat(weights.get("q").floats()).containsExactly(-1f, -0.5f, 0f, 126.5f);
  }

  @Test
  void decodes_uint16_quantisation_little_endian() {
    ByteBuffer bin = le(4).putShort((short) 0x0102).putShort((short) 0xffff);
    String manifest =
        """
        [{"paths":["a"],"weights":[
          {"name":"q","shape":[2],"dtype":"float32","quantization":{"dtype":"uint16","scale":0.001,"min":2}}]}]
        """;
    float[] values = read(manifest, Map.of("a", bin.array())).get("q").floats();
    assertThat(values).containsExactly((float) (258 * 0.001 + 2), (float) (65535 * 0.001 + 2));
  }

  @Test
  void rounds_quantised_int32_like_javascript() {
    String manifest =
        """
        [{"paths":["a"],"weights":[
          {"name":"n","shape":[3],"dtype":"int32","quantization":{"dtype":"uint8","scale":0.5,"min":-3}}]}]
        """;
    // 0*0.5-3 = -3, 1*0.5-3 = -2.5 -> -2 (half up), 3*0.5-3 = -1.5 -> -1
    int[] values = read(manifest, Map.of("a", new byte[] {0, 1, 3})).get("n").ints();
    assertThat(values).containsExactly(-3, -2, -1);
  }

  @Test
  void decodes_float16_quantisation() {
    ByteBuffer bin = le(10);
    for (int bits : new int[] {0x3c00, 0xc000, 0x0001, 0x7c00, 0x3555}) {
      bin.putShort((short) bits);
    }
    String manifest =
        """
        [{"paths":["a"],"weights":[
          {"name":"h","shape":[5],"dtype":"float32","quantization":{"dtype":"float16"}}]}]
        """;
    float[] values = read(manifest, Map.of("a", bin.array())).get("h").floats();
    assertThat(values).containsExactly(1f, -2f, 0x1p-24f, Float.POSITIVE_INFINITY, 0.33325195f);
  }

  @Test
  void half_decoding_matches_the_definition_for_all_65536_patterns() {
    for (int bits = 0; bits < 0x10000; bits++) {
      double sign = (bits >>> 15) == 0 ? 1 : -1;
      int exponent = (bits >>> 10) & 0x1f;
      int mantissa = bits & 0x3ff;
      float actual = Half.toFloat((short) bits);
      if (exponent == 0x1f) {
        assertThat(mantissa == 0 ? Float.isInfinite(actual) : Float.isNaN(actual)).isTrue();
        continue;
      }
      double expected =
          exponent == 0
              ? Math.copySign(mantissa * Math.pow(2, -24), sign)
              : sign * (1 + mantissa / 1024.0) * Math.pow(2, exponent - 15);
      assertThat(Float.floatToRawIntBits(actual))
          .as("bits %04x", bits)
          .isEqualTo(Float.floatToRawIntBits((float) expected));
    }
  }

  @Property(tries = 300)
  void uint8_quantisation_round_trips(
      @ForAll @IntRange(min = 0, max = 255) int q,
      @ForAll @DoubleRange(min = 1e-6, max = 1) @Scale(9) double scale,
      @ForAll @DoubleRange(min = -10, max = 10) double min) {
    String manifest =
        "[{\"paths\":[\"a\"],\"weights\":[{\"name\":\"q\",\"shape\":[1],\"dtype\":\"float32\","
            + "\"quantization\":{\"dtype\":\"uint8\",\"scale\":" + scale + ",\"min\":" + min + "}}]}]";
    float value = read(manifest, Map.of("a", new byte[] {(byte) q})).get("q").floats()[0];
    assertThat(value).isEqualTo((float) (q * scale + min));
    // Re-quantising gives back the stored byte: the decode is exact enough to be invertible.
    assertThat(Math.round((value - min) / scale)).isEqualTo(q);
  }

  @Test
  void truncated_shard_is_an_error_naming_the_file() {
    String manifest =
        """
        [{"paths":["model.bin"],"weights":[{"name":"w","shape":[3],"dtype":"float32"}]}]
        """;
    assertThatThrownBy(() -> read(manifest, Map.of("model.bin", new byte[8])))
        .isInstanceOf(ModelLoadException.class)
        .isInstanceOf(NonRetriableException.class)
        .hasMessageContaining("model.bin")
        .hasMessageContaining("truncated at tensor 'w'");
  }

  @Test
  void leftover_bytes_are_an_error_naming_the_file() {
    String manifest =
        """
        [{"paths":["model.bin"],"weights":[{"name":"w","shape":[1],"dtype":"float32"}]}]
        """;
    assertThatThrownBy(() -> read(manifest, Map.of("model.bin", new byte[5])))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("model.bin")
        .hasMessageContaining("1 bytes left over");
  }

  @Test
  void rejects_unknown_dtypes_malformed_json_and_missing_tensors() {
    assertThatThrownBy(
            () -> read("[{\"paths\":[\"a\"],\"weights\":[{\"name\":\"b\",\"shape\":[1],\"dtype\":\"bool\"}]}]",
                Map.of("a", new byte[1])))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("unsupported dtype 'bool'");
    assertThatThrownBy(() -> read("{not json", Map.of()))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("test-manifest.json");
    TfjsWeights empty = read("[{\"paths\":[\"a\"],\"weights\":[]}]", Map.of("a", new byte[0]));
    assertThatThrownBy(() -> empty.get("conv0/filters"))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("test-manifest.json")
        .hasMessageContaining("conv0/filters");
  }

  @Test
  void reads_from_a_directory_and_names_a_missing_shard(@TempDir Path dir) throws IOException {
    Path manifest = dir.resolve("m-weights_manifest.json");
    Files.writeString(
        manifest, "[{\"paths\":[\"m.bin\"],\"weights\":[{\"name\":\"w\",\"shape\":[],\"dtype\":\"float32\"}]}]");
    assertThatThrownBy(() -> TfjsWeights.fromPath(manifest))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("m.bin");
    Files.write(dir.resolve("m.bin"), le(4).putFloat(42f).array());
    assertThat(TfjsWeights.fromPath(manifest).get("w").floats()).containsExactly(42f);
  }

  @Test
  void reads_the_vendored_detector_weights_from_the_classpath() {
    TfjsWeights weights = TfjsWeights.fromClasspath("dev/pvit/face/models", "tiny_face_detector_model");
    assertThat(weights.names()).hasSize(19);
    assertThat(weights.get("conv8/filters").shape()).containsExactly(1, 1, 512, 25);
    assertThatThrownBy(() -> TfjsWeights.fromClasspath("dev/pvit/face/models", "no_such_model"))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("no_such_model-weights_manifest.json");
  }
}
