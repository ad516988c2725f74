package dev.pvit.face.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.face.ModelLoadException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The tensors of one TF.js {@code *-weights_manifest.json} and its binary shard(s), decoded
 * exactly as tfjs-core's {@code io.decodeWeights} does.
 *
 * <p>The manifest is a JSON array of groups {@code {paths:[...], weights:[{name, shape, dtype,
 * quantization?}]}}; a group's binary is the concatenation of its {@code paths}, and its tensors
 * are packed back to back in manifest order, little-endian, without alignment. Supported:
 * {@code float32} and {@code int32} raw; {@code uint8}/{@code uint16} quantisation ({@code
 * q*scale+min}, rounded for {@code int32}); {@code float16} quantisation of {@code float32}.
 *
 * <p>Reading is strict: a shard that is too short, bytes left over after the last tensor, an
 * unknown dtype or a duplicate name is a {@link ModelLoadException} naming the file, because a
 * silently misaligned weight file produces plausible-looking garbage.
 *
 * <pre>{@code
 * TfjsWeights w = TfjsWeights.fromClasspath("dev/pvit/face/models", "tiny_face_detector_model");
 * float[] bias = w.get("conv0/bias").floats();
 * }</pre>
 */
public final class TfjsWeights {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANIFEST_SUFFIX = "-weights_manifest.json";

  private final String source;
  private final Map<String, TfjsTensor> tensors;

  private TfjsWeights(String source, Map<String, TfjsTensor> tensors) {
    this.source = source;
    this.tensors = Collections.unmodifiableMap(tensors);
  }

  /**
   * Reads {@code <dir>/<model>-weights_manifest.json} and its shards from the class path.
   *
   * @param resourceDir class-path directory without leading or trailing slash
   * @param model model name, e.g. {@code face_recognition_model}
   * @return the decoded tensors
   * @throws ModelLoadException if a file is missing or malformed
   */
  public static TfjsWeights fromClasspath(String resourceDir, String model) {
    ClassLoader loader = TfjsWeights.class.getClassLoader();
    String manifest = resourceDir + "/" + model + MANIFEST_SUFFIX;
    return read(
        "classpath:" + manifest,
        readResource(loader, manifest),
        path -> readResource(loader, resourceDir + "/" + path));
  }

  /**
   * Reads a manifest file and its shards, which are resolved relative to the manifest's directory.
   *
   * @param manifest path of the {@code *-weights_manifest.json}
   * @return the decoded tensors
   * @throws ModelLoadException if a file is missing or malformed
   */
  public static TfjsWeights fromPath(Path manifest) {
    Path dir = manifest.toAbsolutePath().getParent();
    return read(manifest.toString(), readFile(manifest), path -> readFile(dir.resolve(path)));
  }

  /** Loads one shard by its manifest-relative path; throws {@link ModelLoadException}. */
  @FunctionalInterface
  interface ShardLoader {
    byte[] load(String path);
  }

  static TfjsWeights read(String source, byte[] manifestJson, ShardLoader shards) {
    JsonNode groups;
    try {
      groups = JSON.readTree(manifestJson);
    } catch (IOException e) {
      throw new ModelLoadException(source + " is not a valid TF.js weights manifest: " + e.getMessage(), e);
    }
    if (groups == null || !groups.isArray()) {
      throw new ModelLoadException(source + " is not a valid TF.js weights manifest: expected a JSON array of groups");
    }
    Map<String, TfjsTensor> tensors = new LinkedHashMap<>();
    for (JsonNode group : groups) {
      JsonNode paths = group.path("paths");
      JsonNode weights = group.path("weights");
      if (!paths.isArray() || paths.isEmpty() || !weights.isArray()) {
        throw new ModelLoadException(source + ": every group needs non-empty 'paths' and a 'weights' array");
      }
      StringBuilder files = new StringBuilder();
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      for (JsonNode path : paths) {
        byte[] shard = shards.load(path.asText());
        joined.write(shard, 0, shard.length);
        files.append(files.length() == 0 ? "" : ", ").append(path.asText());
      }
      String groupFiles = files + " (manifest " + source + ")";
      ByteBuffer data = ByteBuffer.wrap(joined.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
      for (JsonNode weight : weights) {
        TfjsTensor tensor = decode(weight, data, groupFiles);
        if (tensors.put(tensor.name(), tensor) != null) {
          throw new ModelLoadException(groupFiles + ": duplicate tensor name '" + tensor.name() + "'");
        }
      }
      if (data.hasRemaining()) {
        throw new ModelLoadException(
            groupFiles + ": " + data.remaining() + " bytes left over after the last tensor; the weights file does not match its manifest");
      }
    }
    return new TfjsWeights(source, tensors);
  }

  private static TfjsTensor decode(JsonNode spec, ByteBuffer data, String files) {
    String name = spec.path("name").asText("");
    if (name.isEmpty()) {
      throw new ModelLoadException(files + ": a weight entry has no name");
    }
    JsonNode shapeNode = spec.path("shape");
    if (!shapeNode.isArray()) {
      throw new ModelLoadException(files + ": tensor '" + name + "' has no shape");
    }
    int[] shape = new int[shapeNode.size()];
    long size = 1;
    for (int i = 0; i < shape.length; i++) {
      shape[i] = shapeNode.get(i).asInt(-1);
      if (shape[i] < 0) {
        throw new ModelLoadException(files + ": tensor '" + name + "' has an invalid shape " + shapeNode);
      }
      size *= shape[i];
    }
    if (size > Integer.MAX_VALUE) {
      throw new ModelLoadException(files + ": tensor '" + name + "' is too large");
    }
    int n = (int) size;
    String dtype = spec.path("dtype").asText("");
    if (!dtype.equals("float32") && !dtype.equals("int32")) {
      throw new ModelLoadException(files + ": tensor '" + name + "' has unsupported dtype '" + dtype + "'");
    }
    JsonNode quantization = spec.get("quantization");
    String storage = quantization == null ? dtype : quantization.path("dtype").asText("");
    int bytesPerValue =
        switch (storage) {
          case "uint8" -> 1;
          case "uint16", "float16" -> 2;
          case "float32", "int32" -> 4;
          default -> throw new ModelLoadException(
              files + ": tensor '" + name + "' has unsupported quantization dtype '" + storage + "'");
        };
    long needed = (long) n * bytesPerValue;
    if (needed > data.remaining()) {
      throw new ModelLoadException(
          files + ": truncated at tensor '" + name + "': needs " + needed + " bytes, only " + data.remaining() + " left");
    }
    if (quantization == null) {
      if (dtype.equals("float32")) {
        float[] values = new float[n];
        data.asFloatBuffer().get(values);
        data.position(data.position() + n * 4);
        return TfjsTensor.ofFloats(name, shape, values);
      }
      int[] values = new int[n];
      data.asIntBuffer().get(values);
      data.position(data.position() + n * 4);
      return TfjsTensor.ofInts(name, shape, values);
    }
    if (storage.equals("float16")) {
      if (!dtype.equals("float32")) {
        throw new ModelLoadException(files + ": tensor '" + name + "' is float16-quantised but not float32");
      }
      float[] values = new float[n];
      for (int i = 0; i < n; i++) {
        values[i] = Half.toFloat(data.getShort());
      }
      return TfjsTensor.ofFloats(name, shape, values);
    }
    if (!quantization.hasNonNull("scale") || !quantization.hasNonNull("min")) {
      throw new ModelLoadException(files + ": tensor '" + name + "' is quantised without 'scale' and 'min'");
    }
    double scale = quantization.get("scale").asDouble();
    double min = quantization.get("min").asDouble();
    boolean wide = storage.equals("uint16");
    if (dtype.equals("float32")) {
      float[] values = new float[n];
      for (int i = 0; i < n; i++) {
        int q = wide ? Short.toUnsignedInt(data.getShort()) : Byte.toUnsignedInt(data.get());
        values[i] = (float) Quantization.dequantize(q, scale, min);
      }
      return TfjsTensor.ofFloats(name, shape, values);
    }
    int[] values = new int[n];
    for (int i = 0; i < n; i++) {
      int q = wide ? Short.toUnsignedInt(data.getShort()) : Byte.toUnsignedInt(data.get());
      // JavaScript's Math.round, like Java's, rounds halves towards positive infinity.
      values[i] = (int) Math.round(Quantization.dequantize(q, scale, min));
    }
    return TfjsTensor.ofInts(name, shape, values);
  }

  private static byte[] readResource(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ModelLoadException(
            "model file classpath:" + resource + " is missing; the pvit-core jar on the class path is incomplete");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ModelLoadException("cannot read model file classpath:" + resource + ": " + e.getMessage(), e);
    }
  }

  private static byte[] readFile(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ModelLoadException("model file " + file + " is missing", e);
    } catch (IOException e) {
      throw new ModelLoadException("cannot read model file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns a tensor by its manifest name.
   *
   * @param name e.g. {@code conv0/filters}
   * @return the tensor
   * @throws ModelLoadException if the manifest has no such tensor
   */
  public TfjsTensor get(String name) {
    TfjsTensor tensor = tensors.get(name);
    if (tensor == null) {
      throw new ModelLoadException(source + " has no tensor '" + name + "'; it is not the expected model");
    }
    return tensor;
  }

  /**
   * Returns the tensor names in manifest order.
   *
   * @return an unmodifiable set
   */
  public Set<String> names() {
    return tensors.keySet();
  }

  /**
   * Returns where the manifest was read from, for messages.
   *
   * @return e.g. {@code classpath:dev/pvit/face/models/tiny_face_detector_model-weights_manifest.json}
   */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "TfjsWeights[" + source + ", " + tensors.size() + " tensors]";
  }
}
