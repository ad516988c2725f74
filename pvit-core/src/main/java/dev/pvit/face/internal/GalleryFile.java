package dev.pvit.face.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pvit.face.FaceDescriptor;
import dev.pvit.face.GalleryFileException;
import dev.pvit.face.GalleryFormatException;
import dev.pvit.person.InvalidPersonException;
import dev.pvit.person.Person;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The face-gallery file format: every rule a file must follow to load lives here, so a new format
 * version extends this one class.
 *
 * <p>A file is one JSON object and nothing after it: {@code format}, {@code version},
 * {@code descriptorModel}, {@code people} (each {@code name} and {@code descriptors}, arrays of 128
 * numbers) and {@code sha256}, a digest of the decoded content that catches a changed value the
 * other rules cannot see. Files written before the digest existed load without one. Loading rejects,
 * with a {@link GalleryFormatException} that names the file and the reason: invalid JSON, duplicate
 * keys, trailing content, unknown or missing fields, wrong types, another format, a newer version,
 * another descriptor model, invalid or repeated names, descriptors of the wrong length, values that
 * are not finite once cast to {@code float} (1e39 is), all-zero descriptors, descriptors whose
 * Euclidean norm is outside [{@value #MIN_NORM}, {@value #MAX_NORM}] (the face-api.js descriptor
 * net yields norms of 1.31 to 1.65 on the shared dev photo set), and a digest mismatch.
 *
 * <p>Saving writes a temporary file next to the target and moves it over the target atomically. A
 * target that is a symbolic link is resolved first and the file it points to is replaced, so the
 * link itself is kept (the application chose to keep its gallery elsewhere).
 */
public final class GalleryFile {
  /** The {@code format} value of a gallery file. */
  public static final String FORMAT_NAME = "pvit-face-gallery";
  /** Newest format version this code reads and the one it writes. */
  public static final int FORMAT_VERSION = 1;
  /** The descriptor net the stored descriptors come from. */
  public static final String DESCRIPTOR_MODEL =
      "face-api-1.7.15/face_recognition_model (dlib resnet v1), dlib-aligned";
  /**
   * Smallest accepted descriptor norm. The 71 faces of the shared dev photo set have norms 1.31 to
   * 1.65 (mean 1.45, standard deviation 0.07); the range leaves a wide margin on both sides.
   */
  public static final double MIN_NORM = 0.75;
  /** Largest accepted descriptor norm (see {@link #MIN_NORM}). */
  public static final double MAX_NORM = 2.5;

  private static final Set<String> TOP_FIELDS = Set.of("format", "version", "descriptorModel", "people", "sha256");
  private static final Set<String> PERSON_FIELDS = Set.of("name", "descriptors");
  private static final int MAX_SYMLINK_HOPS = 40;
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private GalleryFile() {}

  /**
   * Encodes people's descriptors as a gallery file. The descriptors must pass the same rules as a
   * loaded file, so that a saved gallery always loads again.
   *
   * @param people display name to descriptors, in order
   * @param file the file being written, for the error message
   * @return the file's bytes
   * @throws GalleryFileException if a descriptor could not be loaded back
   */
  public static byte[] encode(Map<String, List<FaceDescriptor>> people, Path file) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT_NAME);
    root.put("version", FORMAT_VERSION);
    root.put("descriptorModel", DESCRIPTOR_MODEL);
    ArrayNode arr = root.putArray("people");
    for (Map.Entry<String, List<FaceDescriptor>> e : people.entrySet()) {
      ObjectNode p = arr.addObject();
      p.put("name", e.getKey());
      ArrayNode ds = p.putArray("descriptors");
      int k = 0;
      for (FaceDescriptor d : e.getValue()) {
        k++;
        String problem = normProblem(d.toArray());
        if (problem != null) {
          throw new GalleryFileException("Cannot save the face gallery to '" + file + "': '" + e.getKey()
              + "', descriptor #" + k + " " + problem + ", so the file could not be loaded again. "
              + "Use descriptors computed by FaceEngine; nothing was written.");
        }
        ArrayNode v = ds.addArray();
        for (float f : d.toArray()) {
          v.add(f);
        }
      }
    }
    root.put("sha256", digest(people));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise the gallery", e);
    }
  }

  /**
   * Decodes and validates a gallery file.
   *
   * @param bytes the file's content
   * @param file the file, for messages
   * @return display name to descriptors, in file order
   * @throws GalleryFormatException naming the file and the first problem found
   */
  public static Map<String, List<FaceDescriptor>> decode(byte[] bytes, Path file) {
    String f = "'" + file + "'";
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new GalleryFormatException(f + " is not valid JSON, so it is not a face gallery: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new GalleryFormatException(f + " cannot be parsed as a face gallery.", e);
    } catch (NumberFormatException e) {
      // Jackson reports a number BigDecimal cannot hold (an exponent beyond int range) this way.
      throw new GalleryFormatException(f + " holds a number that is out of any float's range: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !FORMAT_NAME.equals(text(root.get("format")))) {
      throw new GalleryFormatException(f + " is not a PVIT face gallery (no \"format\": \"" + FORMAT_NAME + "\").");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() < 1) {
      throw new GalleryFormatException(f + " has no valid format version (a whole number from 1).");
    }
    if (version.asInt() > FORMAT_VERSION) {
      throw new GalleryFormatException(f + " was written by a newer version (format " + version.asInt()
          + "; this version reads up to " + FORMAT_VERSION + "); upgrade PVIT to read it.");
    }
    onlyKnownFields(root, TOP_FIELDS, () -> f);
    if (!DESCRIPTOR_MODEL.equals(text(root.get("descriptorModel")))) {
      throw new GalleryFormatException(f + " holds descriptors of another model ('"
          + root.path("descriptorModel").asText("") + "'); enroll the people again.");
    }
    JsonNode arr = root.get("people");
    if (arr == null || !arr.isArray()) {
      throw new GalleryFormatException(f + " has no \"people\" array.");
    }
    Map<String, String> displayByKey = new LinkedHashMap<>();
    Map<String, List<FaceDescriptor>> people = new LinkedHashMap<>();
    int i = 0;
    for (JsonNode p : arr) {
      i++;
      String where = f + ", person #" + i;
      if (!p.isObject()) {
        throw new GalleryFormatException(where + " is not an object with \"name\" and \"descriptors\".");
      }
      onlyKnownFields(p, PERSON_FIELDS, () -> where);
      String rawName = text(p.get("name"));
      if (rawName == null) {
        throw new GalleryFormatException(where + " has no \"name\" string.");
      }
      String name;
      try {
        name = Person.validateName(rawName);
      } catch (InvalidPersonException e) {
        throw new GalleryFormatException(where + " has an invalid name: " + e.getMessage(), e);
      }
      String earlier = displayByKey.put(Person.matchKey(name), name);
      if (earlier != null) {
        throw new GalleryFormatException(where + " repeats the name '" + name + "' (same person as '" + earlier + "').");
      }
      people.put(name, descriptors(p.get("descriptors"), where + " ('" + name + "')"));
    }
    JsonNode sha = root.get("sha256");
    if (sha != null) {
      if (!sha.isTextual()) {
        throw new GalleryFormatException(f + " has a \"sha256\" that is not a string.");
      }
      if (!sha.asText().equals(digest(people))) {
        throw new GalleryFormatException(f + " does not match its \"sha256\" digest: it was changed or damaged "
            + "after it was saved. Restore it from a backup or enroll the people again.");
      }
    }
    return people;
  }

  private static List<FaceDescriptor> descriptors(JsonNode ds, String where) {
    if (ds == null || !ds.isArray() || ds.isEmpty()) {
      throw new GalleryFormatException(where + " has no \"descriptors\" array of descriptors.");
    }
    FaceDescriptor[] out = new FaceDescriptor[ds.size()];
    for (int k = 0; k < out.length; k++) {
      JsonNode d = ds.get(k);
      String at = where + ", descriptor #" + (k + 1);
      if (!d.isArray() || d.size() != FaceDescriptor.LENGTH) {
        throw new GalleryFormatException(at + " is not an array of " + FaceDescriptor.LENGTH + " numbers"
            + (d.isArray() ? " (it has " + d.size() + ")" : "") + ".");
      }
      float[] v = new float[FaceDescriptor.LENGTH];
      for (int j = 0; j < v.length; j++) {
        JsonNode n = d.get(j);
        if (!n.isNumber()) {
          throw new GalleryFormatException(at + ", value #" + (j + 1) + " is not a number (" + n.getNodeType() + ").");
        }
        // Through BigDecimal so that 1e39 becomes Infinity exactly as a float would, not a finite double.
        v[j] = n.decimalValue().floatValue();
        if (!Float.isFinite(v[j])) {
          throw new GalleryFormatException(at + ", value #" + (j + 1) + " (" + n.asText()
              + ") is not a finite 32-bit float.");
        }
      }
      String problem = normProblem(v);
      if (problem != null) {
        throw new GalleryFormatException(at + " " + problem + "; such a descriptor cannot come from the face engine.");
      }
      out[k] = FaceDescriptor.of(v);
    }
    return List.of(out);
  }

  /** Null if the descriptor's norm is plausible, else the reason. Biometric data: no values in it. */
  private static String normProblem(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    double norm = Math.sqrt(sum);
    if (sum == 0) {
      return "is all zeros";
    }
    if (!(norm >= MIN_NORM && norm <= MAX_NORM)) {
      return String.format(java.util.Locale.ROOT, "has norm %.3g, outside the range [%s, %s] of real descriptors",
          norm, MIN_NORM, MAX_NORM);
    }
    return null;
  }

  private static void onlyKnownFields(JsonNode node, Set<String> known, Supplier<String> where) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        throw new GalleryFormatException(where.get() + " has an unknown field \"" + name + "\" (format version "
            + FORMAT_VERSION + " has " + known.stream().sorted().toList() + ").");
      }
    }
  }

  private static String text(JsonNode n) {
    return n != null && n.isTextual() ? n.asText() : null;
  }

  /** A digest of the decoded content (names and float bits), independent of the JSON layout. */
  private static String digest(Map<String, List<FaceDescriptor>> people) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(buf);
      byte[] header = (FORMAT_NAME + "\n" + FORMAT_VERSION + "\n" + DESCRIPTOR_MODEL).getBytes(StandardCharsets.UTF_8);
      out.writeInt(header.length);
      out.write(header);
      out.writeInt(people.size());
      for (Map.Entry<String, List<FaceDescriptor>> e : people.entrySet()) {
        byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
        out.writeInt(name.length);
        out.write(name);
        out.writeInt(e.getValue().size());
        for (FaceDescriptor d : e.getValue()) {
          for (float x : d.toArray()) {
            out.writeInt(Float.floatToIntBits(x));
          }
        }
      }
      out.flush();
      return HexFormat.of().formatHex(sha.digest(buf.toByteArray()));
    } catch (NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  /**
   * Reads a gallery file's bytes (never modifies it).
   *
   * @param file the file
   * @return its content
   * @throws GalleryFileException if it does not exist or cannot be read
   */
  public static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new GalleryFileException("Face gallery file '" + file + "' does not exist.", e);
    } catch (IOException e) {
      throw new GalleryFileException("Cannot read the face gallery '" + file + "': " + e.getMessage(), e);
    }
  }

  /**
   * Replaces a file atomically with owner-only permissions (where POSIX permissions exist). A
   * symbolic link is followed to the file it names (which may not exist yet) and that file is
   * replaced, keeping the link.
   *
   * @param file the file or link given by the application
   * @param bytes the new content
   * @return the file actually written
   * @throws GalleryFileException if it cannot be written; the old content is then untouched
   */
  public static Path writeAtomically(Path file, byte[] bytes) {
    Path target = file.toAbsolutePath();
    Path tmp = null;
    try {
      target = resolveLinks(target);
      Path dir = target.getParent();
      Files.createDirectories(dir);
      boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
      tmp = posix
          ? Files.createTempFile(dir, "." + target.getFileName(), ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
          : Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
          OutputStream out = Channels.newOutputStream(ch)) {
        out.write(bytes);
        out.flush();
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      return target;
    } catch (IOException e) {
      throw new GalleryFileException("Cannot write the face gallery to '" + file + "'"
          + (target.equals(file.toAbsolutePath()) ? "" : " (a link to '" + target + "')") + ": " + e
          + "; check the directory exists and is writable.", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // The temporary file is hidden and owner-only; nothing more can be done here.
        }
      }
    }
  }

  private static Path resolveLinks(Path path) throws IOException {
    Path p = path;
    for (int hops = 0; Files.isSymbolicLink(p); hops++) {
      if (hops == MAX_SYMLINK_HOPS) {
        throw new IOException("more than " + MAX_SYMLINK_HOPS + " symbolic links (a loop?)");
      }
      p = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
    }
    return p;
  }
}
