package dev.pvit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pvit.face.FaceEngine;
import dev.pvit.face.FaceGallery;
import dev.pvit.face.FolderEnrollment;
import dev.pvit.face.GalleryFileException;
import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrolled galleries of the CLI, cached on disk so a second {@code pvit ask} with the same people
 * does not run the face nets over every reference photo again (about 10 s for 76 photos).
 *
 * <p>The key is a SHA-256 over every person's name and the bytes of each of their photos, plus the
 * pvit-core jar (a new build may compute other descriptors): changing, adding or renaming a photo
 * makes a new entry. Entries are face descriptors, i.e. biometric data: they are written only to
 * the user's cache folder ({@code PVIT_CACHE_DIR}, else {@code $XDG_CACHE_HOME/pvit} or {@code
 * ~/.cache/pvit} on Linux, {@code ~/Library/Caches/pvit} on macOS, {@code %LOCALAPPDATA%\pvit\cache}
 * on Windows), in a folder only the owner can open, as owner-only files written atomically by
 * {@link FaceGallery#save}; {@code --no-cache} turns it off. Nothing else is stored.
 */
final class GalleryCache {
  private static final Logger LOG = LoggerFactory.getLogger(GalleryCache.class);
  private static final String SUBDIR = "galleries";
  private static final String FOLDER = "{people-folder}";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Optional<Path> dir;

  private GalleryCache(Optional<Path> dir) {
    this.dir = dir;
  }

  /**
   * The cache of this user, or none.
   *
   * @param enabled false for {@code --no-cache}
   * @param env the process environment
   * @return the cache
   */
  static GalleryCache forUser(boolean enabled, UnaryOperator<String> env) {
    return new GalleryCache(enabled ? Optional.of(userCacheDir(env).resolve(SUBDIR)) : Optional.empty());
  }

  /**
   * A cache in a given folder (tests).
   *
   * @param dir the folder
   * @return the cache
   */
  static GalleryCache in(Path dir) {
    return new GalleryCache(Optional.of(dir));
  }

  /**
   * A gallery with all the given people enrolled: read from the cache when the same photos were
   * enrolled before, else enrolled now and stored.
   *
   * @param people the people and their reference photos
   * @param engine the engine that enrolls and will recognise
   * @param threshold the gallery's distance threshold (not part of the key)
   * @return the gallery
   * @throws dev.pvit.face.EnrollmentException if a reference photo has no usable face
   */
  FaceGallery enrolled(List<Person> people, FaceEngine engine, @Nullable Double threshold) {
    FaceGallery.Builder builder = builder(engine, threshold);
    if (dir.isEmpty() || people.isEmpty()) {
      return enrollAll(builder.build(), people);
    }
    Path file = dir.get().resolve(key(people) + ".json");
    Optional<FaceGallery> cached = load(builder, file);
    if (cached.isPresent()) {
      return cached.get();
    }
    FaceGallery gallery = enrollAll(builder.build(), people);
    store(gallery, file, null, null);
    return gallery;
  }

  /**
   * A folder laid out as {@code DIR/<name>/*.jpg}, enrolled leniently ({@link
   * FaceGallery#enrollFolder}): from the cache when the same folder content was enrolled before,
   * else enrolled now and stored together with the report of skipped photos, so a cached run warns
   * about the same photos as the first one.
   *
   * @param folder the people folder
   * @param engine the engine that enrolls and will recognise
   * @param threshold a fixed distance threshold, or null for the calibrated default
   * @return the gallery, the fresh enrollment report (null when read from the cache) and the report
   *     lines to show
   */
  FolderGallery enrolledFolder(Path folder, FaceEngine engine, @Nullable Double threshold) {
    FaceGallery.Builder builder = builder(engine, threshold);
    Optional<Path> file = dir.flatMap(d -> folderKey(folder).map(k -> d.resolve(k + ".json")));
    if (file.isPresent()) {
      Optional<FaceGallery> cached = load(builder, file.get());
      Optional<FolderEnrollment> report = cached.isPresent() ? readReport(file.get(), folder) : Optional.empty();
      if (cached.isPresent() && report.isPresent()) {
        return new FolderGallery(cached.get(), report.get());
      }
    }
    FaceGallery gallery = builder.build();
    FolderEnrollment enrollment = gallery.enrollFolder(folder);
    file.ifPresent(f -> store(gallery, f, enrollment, folder));
    return new FolderGallery(gallery, enrollment);
  }

  /**
   * A folder's enrolled gallery.
   *
   * @param gallery the gallery
   * @param enrollment who was enrolled, which photos were skipped and who was left out (from the
   *     cache, with paths under the folder as given this time)
   */
  record FolderGallery(FaceGallery gallery, FolderEnrollment enrollment) {}

  private static FaceGallery.Builder builder(FaceEngine engine, @Nullable Double threshold) {
    FaceGallery.Builder builder = FaceGallery.builder().engine(engine);
    return threshold != null ? builder.threshold(threshold) : builder;
  }

  private static Optional<FaceGallery> load(FaceGallery.Builder builder, Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      FaceGallery cached = builder.load(file);
      LOG.debug("Loaded {} enrolled people from the gallery cache", cached.size());
      return Optional.of(cached);
    } catch (GalleryFileException e) {
      LOG.warn("Ignoring an unreadable cached gallery ({}); enrolling again", e.getMessage());
      return Optional.empty();
    }
  }

  private void store(FaceGallery gallery, Path file, @Nullable FolderEnrollment enrollment, @Nullable Path folder) {
    try {
      createPrivateDirectories(dir.orElseThrow());
      gallery.save(file);
      if (enrollment != null && folder != null) {
        Path tmp = Files.createTempFile(file.getParent(), ".report", ".tmp");
        Files.writeString(tmp, reportJson(enrollment, folder), StandardCharsets.UTF_8);
        Files.move(tmp, reportFile(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException | GalleryFileException e) {
      LOG.warn("Could not cache the enrolled gallery in {}: {}", file.getParent(), e.getMessage());
    }
  }

  private static Path reportFile(Path galleryFile) {
    return galleryFile.resolveSibling(galleryFile.getFileName().toString().replace(".json", ".report.json"));
  }

  /** The report with the folder's path replaced by a placeholder: the same content may sit elsewhere next time. */
  private static String reportJson(FolderEnrollment e, Path folder) {
    String at = folder.toString();
    ObjectNode o = JSON.createObjectNode();
    ObjectNode enrolled = o.putObject("enrolled");
    e.enrolled().forEach((name, photos) -> {
      ArrayNode a = enrolled.putArray(name);
      photos.forEach(p -> a.add(p.toString().replace(at, FOLDER)));
    });
    ArrayNode skipped = o.putArray("skippedPhotos");
    e.skippedPhotos().forEach(s -> skipped.addObject().put("person", s.person())
        .put("photo", s.photo().replace(at, FOLDER)).put("reason", s.reason().replace(at, FOLDER)));
    ArrayNode left = o.putArray("leftOut");
    e.leftOut().forEach(l -> left.addObject().put("person", l.person()).put("reason", l.reason().replace(at, FOLDER)));
    return o.toString();
  }

  private static Optional<FolderEnrollment> readReport(Path galleryFile, Path folder) {
    String at = folder.toString();
    try {
      JsonNode o = JSON.readTree(reportFile(galleryFile).toFile());
      Map<String, List<Path>> enrolled = new LinkedHashMap<>();
      o.get("enrolled").properties().forEach(en -> {
        List<Path> photos = new ArrayList<>();
        en.getValue().forEach(p -> photos.add(Path.of(p.asText().replace(FOLDER, at))));
        enrolled.put(en.getKey(), photos);
      });
      List<FolderEnrollment.SkippedPhoto> skipped = new ArrayList<>();
      o.get("skippedPhotos").forEach(s -> skipped.add(new FolderEnrollment.SkippedPhoto(s.get("person").asText(),
          s.get("photo").asText().replace(FOLDER, at), s.get("reason").asText().replace(FOLDER, at))));
      List<FolderEnrollment.LeftOut> left = new ArrayList<>();
      o.get("leftOut").forEach(l -> left.add(new FolderEnrollment.LeftOut(l.get("person").asText(),
          l.get("reason").asText().replace(FOLDER, at))));
      return Optional.of(new FolderEnrollment(enrolled, skipped, left));
    } catch (IOException | RuntimeException e) {
      // No or unreadable report: enroll again rather than hide skipped photos.
      return Optional.empty();
    }
  }

  /** The folder's content key: every person folder's name and every file's name and bytes. */
  private static Optional<String> folderKey(Path folder) {
    MessageDigest sha = sha256();
    update(sha, "pvit-folder-cache/1");
    update(sha, coreBuild());
    try (Stream<Path> subs = Files.list(folder)) {
      for (Path sub : subs.filter(Files::isDirectory).sorted().toList()) {
        update(sha, "person:" + sub.getFileName());
        try (Stream<Path> files = Files.list(sub)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            update(sha, "file:" + f.getFileName());
            sha.update(sha256().digest(Files.readAllBytes(f)));
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // An unreadable folder is reported by the enrollment itself; it is just not cached.
      return Optional.empty();
    }
    return Optional.of(HexFormat.of().formatHex(sha.digest()));
  }

  /** The one place the CLI enrolls people into a gallery. */
  private static FaceGallery enrollAll(FaceGallery gallery, List<Person> people) {
    for (Person p : people) {
      gallery.enroll(p);
    }
    return gallery;
  }

  static String key(List<Person> people) {
    MessageDigest sha = sha256();
    update(sha, "pvit-gallery-cache/1");
    update(sha, coreBuild());
    for (Person p : people) {
      update(sha, "person:" + p.name());
      for (ImageInput photo : p.references()) {
        sha.update(sha256().digest(photo.bytes()));
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The pvit-core jar's digest: descriptors are only reused with the code that computed them. */
  private static String coreBuild() {
    try {
      Path jar = Path.of(FaceEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(jar)) {
        return "classes:" + jar;
      }
      MessageDigest sha = sha256();
      try (InputStream in = new DigestInputStream(Files.newInputStream(jar), sha)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return "unknown";
    }
  }

  private static void update(MessageDigest sha, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    sha.update((byte) b.length);
    sha.update(b);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Files.createDirectories(dir);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  static Path userCacheDir(UnaryOperator<String> env) {
    String explicit = env.apply("PVIT_CACHE_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String home = System.getProperty("user.home");
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      String local = env.apply("LOCALAPPDATA");
      return local != null ? Path.of(local, "pvit", "cache") : Path.of(home, "AppData", "Local", "pvit", "cache");
    }
    if (os.contains("mac")) {
      return Path.of(home, "Library", "Caches", "pvit");
    }
    String xdg = env.apply("XDG_CACHE_HOME");
    return xdg != null && !xdg.isBlank() ? Path.of(xdg, "pvit") : Path.of(home, ".cache", "pvit");
  }
}
