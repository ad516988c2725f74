package dev.pvit.face;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.pvit.PvitException;
import dev.pvit.face.internal.DescriptorMatrix;
import dev.pvit.face.internal.GalleryFile;
import dev.pvit.image.ImageInput;
import dev.pvit.person.InvalidPersonException;
import dev.pvit.person.Person;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registered people and their face descriptors, for recognising them in scenes.
 *
 * <p>A face matches the person with the smallest <em>mean</em> Euclidean distance to that
 * person's reference descriptors (the rule of face-api.js's {@code FaceMatcher}), if that distance
 * is below the threshold (default 0.6); otherwise it is unknown. Names are compared case- and
 * diacritic-insensitively ({@link Person#matchKey}); enrolling a name again replaces its
 * descriptors.
 *
 * <p>Thread-safe: matching never blocks, changes are atomic. Descriptors are biometric data: they
 * are never logged, and written only by {@link #save(Path)} to the file the application names,
 * with owner-only permissions where the file system supports them.
 *
 * <pre>{@code
 * FaceGallery gallery = FaceGallery.builder().engine(engine).threshold(0.6).build();
 * gallery.enroll(Person.of("Alice", Path.of("alice1.jpg"), Path.of("alice2.jpg")));
 * gallery.save(Path.of("gallery.json"));
 * FaceGallery again = FaceGallery.builder().engine(engine).load(Path.of("gallery.json"));
 * FaceMatch m = again.match(face.descriptor());   // name "Alice" or empty
 * }</pre>
 */
public final class FaceGallery {
  /** Default distance below which a face is accepted as a registered person. */
  public static final double DEFAULT_THRESHOLD = 0.6;
  /** Default number of candidates reported per face. */
  public static final int DEFAULT_CANDIDATES = 3;
  /** Version of the JSON file format written by {@link #save(Path)}. */
  public static final int FORMAT_VERSION = GalleryFile.FORMAT_VERSION;

  static final String DESCRIPTOR_MODEL = GalleryFile.DESCRIPTOR_MODEL;
  /** A second face at least this fraction of the largest face's width makes a reference photo ambiguous. */
  static final double AMBIGUOUS_WIDTH_RATIO = 0.8;

  private static final Logger LOG = LoggerFactory.getLogger(FaceGallery.class);

  private final @Nullable FaceEngine engine;
  private final double threshold;
  private final int candidates;
  private final ReferenceFaceRules referenceRules;
  private final Object writeLock = new Object();
  private volatile ImmutableMap<String, Entry> people;
  /** Flat copy of {@link #people} for matching; rebuilt lazily after a change. */
  private volatile @Nullable Snapshot snapshot;

  private FaceGallery(Builder b, ImmutableMap<String, Entry> people) {
    this.engine = b.engine;
    this.threshold = b.threshold;
    this.candidates = b.candidates;
    this.referenceRules = new ReferenceFaceRules(b.referenceMinFaceSize, b.referenceMinScore);
    this.people = people;
  }

  /**
   * A builder (threshold 0.6, 3 candidates, no engine: set one to {@link #enroll}).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Enrolls a person from their reference photos: the largest face of every photo becomes one
   * reference descriptor. All-or-nothing: if any photo has no face, has several faces of similar
   * size, or cannot be decoded, nothing is enrolled and an {@link EnrollmentException} lists every
   * failing photo. Enrolling a name that is already registered replaces its descriptors.
   *
   * @param person the person
   * @throws EnrollmentException if a reference photo cannot be used
   * @throws IllegalStateException if the gallery was built without an engine
   */
  public void enroll(Person person) {
    checkNotNull(person, "person");
    FaceEngine e = engine;
    if (e == null) {
      throw new IllegalStateException("This gallery has no FaceEngine; build it with FaceGallery.builder().engine(engine).");
    }
    List<FaceDescriptor> descriptors = new ArrayList<>();
    List<EnrollmentException.PhotoFailure> failures = new ArrayList<>();
    for (ImageInput image : person.references()) {
      try {
        List<DetectedFace> faces = e.referenceFaces(image);
        if (faces.isEmpty()) {
          failures.add(new EnrollmentException.PhotoFailure(
              image.name(), "no face found; use a photo where the face is clearly visible"));
          continue;
        }
        DetectedFace largest = faces.get(0);
        if (faces.size() > 1 && faces.get(1).box().width() >= AMBIGUOUS_WIDTH_RATIO * largest.box().width()) {
          failures.add(new EnrollmentException.PhotoFailure(
              image.name(), faces.size() + " faces of similar size; use a photo where the person's face is the largest"));
          continue;
        }
        Optional<String> poor = referenceRules.problem(largest);
        if (poor.isPresent()) {
          failures.add(new EnrollmentException.PhotoFailure(image.name(), poor.get()));
          continue;
        }
        descriptors.add(largest.descriptor());
      } catch (PvitException ex) {
        failures.add(new EnrollmentException.PhotoFailure(image.name(), ex.getMessage()));
      }
    }
    if (!failures.isEmpty()) {
      throw new EnrollmentException(person.name(), failures);
    }
    put(person.name(), descriptors);
    LOG.debug("Enrolled a person from {} reference photos", descriptors.size());
  }

  /**
   * Registers (or replaces) a person with descriptors computed elsewhere, e.g. by {@link
   * FaceEngine#analyze}.
   *
   * @param name the display name
   * @param descriptors one or more descriptors
   * @throws InvalidPersonException if the name is invalid
   * @throws IllegalArgumentException if no descriptor is given
   */
  public void add(String name, Collection<FaceDescriptor> descriptors) {
    checkNotNull(name, "name");
    checkNotNull(descriptors, "descriptors");
    if (descriptors.isEmpty()) {
      throw new IllegalArgumentException("Give at least one descriptor for '" + name + "'.");
    }
    put(name, List.copyOf(descriptors));
  }

  /**
   * Registers (or replaces) many people at once with descriptors computed elsewhere; one atomic
   * change, so loading a large gallery does not copy it once per person.
   *
   * <pre>{@code
   * gallery.addAll(Map.of("Alice", List.of(a1, a2), "Bob", List.of(b1)));
   * }</pre>
   *
   * @param descriptorsByName display name → one or more descriptors, in registration order
   * @throws InvalidPersonException if a name is invalid
   * @throws IllegalArgumentException if a person has no descriptor
   */
  public void addAll(Map<String, ? extends Collection<FaceDescriptor>> descriptorsByName) {
    checkNotNull(descriptorsByName, "descriptorsByName");
    Map<String, Entry> added = new LinkedHashMap<>();
    descriptorsByName.forEach((name, ds) -> {
      checkNotNull(name, "name");
      if (ds == null || ds.isEmpty()) {
        throw new IllegalArgumentException("Give at least one descriptor for '" + name + "'.");
      }
      String display = validName(name);
      added.put(Person.matchKey(display), new Entry(display, ImmutableList.copyOf(ds)));
    });
    synchronized (writeLock) {
      Map<String, Entry> copy = new LinkedHashMap<>(people);
      added.keySet().forEach(copy::remove);
      copy.putAll(added);
      people = ImmutableMap.copyOf(copy);
    }
  }

  private void put(String name, List<FaceDescriptor> descriptors) {
    String display = validName(name);
    synchronized (writeLock) {
      Map<String, Entry> copy = new LinkedHashMap<>(people);
      copy.remove(Person.matchKey(display));
      copy.put(Person.matchKey(display), new Entry(display, ImmutableList.copyOf(descriptors)));
      people = ImmutableMap.copyOf(copy);
    }
  }

  private static String validName(String name) {
    return Person.validateName(name);
  }

  /**
   * Removes a person.
   *
   * @param name the display name (case- and diacritic-insensitive)
   * @return true if the person was registered
   */
  public boolean remove(String name) {
    checkNotNull(name, "name");
    synchronized (writeLock) {
      String key = Person.matchKey(name);
      if (!people.containsKey(key)) {
        return false;
      }
      Map<String, Entry> copy = new LinkedHashMap<>(people);
      copy.remove(key);
      people = ImmutableMap.copyOf(copy);
      return true;
    }
  }

  /**
   * The registered display names, in enrollment order.
   *
   * @return names
   */
  public List<String> names() {
    return people.values().stream().map(Entry::name).collect(ImmutableList.toImmutableList());
  }

  /**
   * Whether a person is registered.
   *
   * @param name a name (case- and diacritic-insensitive)
   * @return true if registered
   */
  public boolean contains(String name) {
    return people.containsKey(Person.matchKey(checkNotNull(name, "name")));
  }

  /**
   * A person's reference descriptors.
   *
   * @param name a name (case- and diacritic-insensitive)
   * @return the descriptors, empty if not registered
   */
  public List<FaceDescriptor> descriptors(String name) {
    Entry e = people.get(Person.matchKey(checkNotNull(name, "name")));
    return e == null ? List.of() : e.descriptors();
  }

  /**
   * Number of registered people.
   *
   * @return the count
   */
  public int size() {
    return people.size();
  }

  /**
   * The acceptance threshold.
   *
   * @return distance below which a face is recognised
   */
  public double threshold() {
    return threshold;
  }

  /**
   * Finds the registered person closest to a face.
   *
   * @param descriptor the face's descriptor
   * @return the best person if closer than the threshold, with the top candidates
   */
  public FaceMatch match(FaceDescriptor descriptor) {
    List<FaceMatch.Candidate> all = distances(descriptor);
    if (all.isEmpty()) {
      return new FaceMatch(Optional.empty(), Double.POSITIVE_INFINITY, List.of());
    }
    FaceMatch.Candidate best = all.get(0);
    Optional<String> name = best.distance() < threshold ? Optional.of(best.name()) : Optional.empty();
    return new FaceMatch(name, best.distance(), all.subList(0, Math.min(candidates, all.size())));
  }

  /**
   * Mean distance to the registered people worth considering, closest first: everyone closer than
   * the threshold and the top candidates. One linear scan over a flat copy of all descriptors
   * (rebuilt after a change), so large galleries are neither fully sorted nor walked object by object.
   */
  List<FaceMatch.Candidate> distances(FaceDescriptor descriptor) {
    checkNotNull(descriptor, "descriptor");
    Snapshot s = snapshot();
    double[] d = s.matrix().meanDistances(descriptor.toArray());
    int[] order = DescriptorMatrix.closest(d, threshold, candidates);
    List<FaceMatch.Candidate> out = new ArrayList<>(order.length);
    for (int i : order) {
      out.add(new FaceMatch.Candidate(s.names()[i], d[i]));
    }
    return out;
  }

  private record Snapshot(ImmutableMap<String, Entry> people, DescriptorMatrix matrix, String[] names) {}

  private Snapshot snapshot() {
    ImmutableMap<String, Entry> current = people;
    Snapshot s = snapshot;
    if (s == null || s.people() != current) {
      List<List<float[]>> rows = new ArrayList<>(current.size());
      String[] names = new String[current.size()];
      int i = 0;
      for (Entry e : current.values()) {
        List<float[]> ds = new ArrayList<>(e.descriptors().size());
        e.descriptors().forEach(d -> ds.add(d.toArray()));
        rows.add(ds);
        names[i++] = e.name();
      }
      s = new Snapshot(current, DescriptorMatrix.of(rows), names);
      snapshot = s;
    }
    return s;
  }

  int candidateCount() {
    return candidates;
  }

  /**
   * Writes the gallery as versioned JSON. The file is replaced atomically (a temporary file in the
   * same directory is moved over it), so a crash never leaves a half-written gallery; on POSIX file
   * systems it is readable and writable by the owner only. If {@code file} is a symbolic link, the
   * file it points to is replaced and the link is kept.
   *
   * @param file the gallery file
   * @throws GalleryFileException if it cannot be written, or holds a descriptor that no gallery file
   *     may hold (all zeros, or a norm far from that of real descriptors); nothing is written then
   */
  public void save(Path file) {
    checkNotNull(file, "file");
    Map<String, List<FaceDescriptor>> content = new LinkedHashMap<>();
    people.values().forEach(e -> content.put(e.name(), e.descriptors()));
    Path written = GalleryFile.writeAtomically(file, GalleryFile.encode(content, file));
    LOG.debug("Saved a face gallery of {} people to {}", content.size(), written);
  }

  private static ImmutableMap<String, Entry> parse(byte[] bytes, Path file) {
    Map<String, Entry> map = new LinkedHashMap<>();
    GalleryFile.decode(bytes, file).forEach(
        (name, descriptors) -> map.put(Person.matchKey(name), new Entry(name, ImmutableList.copyOf(descriptors))));
    return ImmutableMap.copyOf(map);
  }

  @Override
  public String toString() {
    return "FaceGallery[" + people.size() + " people, threshold " + threshold + "]";
  }

  private record Entry(String name, List<FaceDescriptor> descriptors) {}

  /** Builder for {@link FaceGallery}. Not thread-safe. */
  public static final class Builder {
    private @Nullable FaceEngine engine;
    private double threshold = DEFAULT_THRESHOLD;
    private int candidates = DEFAULT_CANDIDATES;
    private int referenceMinFaceSize = ReferenceFaceRules.DEFAULT_MIN_FACE_SIZE;
    private double referenceMinScore = ReferenceFaceRules.DEFAULT_MIN_SCORE;

    private Builder() {}

    /**
     * Smallest face side, in pixels of the photo, that {@link FaceGallery#enroll} accepts in a
     * reference photo (default {@value ReferenceFaceRules#DEFAULT_MIN_FACE_SIZE}).
     *
     * @param pixels 1 or more
     * @return this builder
     */
    public Builder referenceMinFaceSize(int pixels) {
      this.referenceMinFaceSize = pixels;
      return this;
    }

    /**
     * Lowest detector score that {@link FaceGallery#enroll} accepts for a reference face (default
     * {@value ReferenceFaceRules#DEFAULT_MIN_SCORE}), whatever the engine's own score threshold.
     *
     * @param score from 0 to 1
     * @return this builder
     */
    public Builder referenceMinScore(double score) {
      this.referenceMinScore = score;
      return this;
    }

    /**
     * The engine used by {@link FaceGallery#enroll} (needed only to enroll from photos).
     *
     * @param engine the face engine
     * @return this builder
     */
    public Builder engine(FaceEngine engine) {
      this.engine = checkNotNull(engine, "engine");
      return this;
    }

    /**
     * Distance below which a face is recognised (default 0.6). Lower is stricter: fewer strangers
     * accepted, more registered people missed.
     *
     * @param threshold a distance between 0 and 2
     * @return this builder
     */
    public Builder threshold(double threshold) {
      this.threshold = threshold;
      return this;
    }

    /**
     * How many candidates to report per face (default 3).
     *
     * @param count 1 or more
     * @return this builder
     */
    public Builder candidates(int count) {
      this.candidates = count;
      return this;
    }

    /**
     * Builds an empty gallery.
     *
     * @return the gallery
     * @throws IllegalArgumentException if a setting is out of range
     */
    public FaceGallery build() {
      check();
      return new FaceGallery(this, ImmutableMap.of());
    }

    /**
     * Builds a gallery from a file written by {@link FaceGallery#save(Path)}. The file is only
     * read, never modified. Every structural or numeric problem (trailing content, unknown or
     * missing fields, wrong types or lengths, repeated names, values that overflow a float, all-zero
     * descriptors or norms far from a real descriptor's, a changed value caught by the file's digest)
     * is a {@link GalleryFormatException} naming the file and the reason.
     *
     * @param file the gallery file
     * @return the gallery
     * @throws GalleryFormatException if the file is corrupt, of another program or of a newer version
     * @throws GalleryFileException if the file cannot be read
     */
    public FaceGallery load(Path file) {
      checkNotNull(file, "file");
      check();
      return new FaceGallery(this, parse(GalleryFile.read(file), file));
    }

    private void check() {
      if (!(threshold > 0 && threshold <= 2)) {
        throw new IllegalArgumentException("threshold must be in (0, 2], got " + threshold + ".");
      }
      if (candidates < 1) {
        throw new IllegalArgumentException("candidates must be at least 1, got " + candidates + ".");
      }
      new ReferenceFaceRules(referenceMinFaceSize, referenceMinScore);
    }
  }
}
