package dev.pvit.face;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.pvit.PvitException;
import com.google.common.primitives.Doubles;
import dev.pvit.face.internal.DescriptorMatrix;
import dev.pvit.face.internal.GalleryFile;
import dev.pvit.face.internal.OpenSetCalibration;
import dev.pvit.image.ImageInput;
import dev.pvit.person.InvalidPersonException;
import dev.pvit.person.Person;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registered people and their face descriptors, for recognising them in scenes.
 *
 * <p>A face is compared with each person by the <em>mean</em> Euclidean distance to that
 * person's reference descriptors (the rule of face-api.js's {@code FaceMatcher}) and may be named
 * after the closest person. Whether it is named is an open-set decision at an operating point the
 * application chooses:
 *
 * <ul>
 *   <li>{@link Builder#falseAcceptRate(double)} (the default, {@value #DEFAULT_FALSE_ACCEPT_RATE}
 *       per comparison): thresholds are calibrated from the gallery's own distances (each person's
 *       references against each other and against everyone else's, plus an optional {@linkplain
 *       #addCohort stranger cohort}); every person gets a threshold (never above 0.6), and a face
 *       a little farther than its person's threshold (below 0.7) is still named when the runner-up
 *       person is much farther (the margin test; strangers are about equally far from everybody).
 *       The decision evidence is in {@link FaceMatch#decision()} and {@link
 *       RecognizedFace#decision()}, the operating point in {@link #calibration()}. With fewer than
 *       three people and cohort faces there is nothing to calibrate from and 0.6 applies.
 *   <li>{@link Builder#threshold(double)}: one fixed distance for everybody, no margin test.
 * </ul>
 *
 * <p>Names are compared case- and diacritic-insensitively ({@link Person#matchKey}); enrolling a
 * name again replaces its descriptors. Calibration is recomputed lazily, on the first match after
 * a change, with bounded work (sampling), so enrollment and loading stay cheap.
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
  /**
   * Distance below which a face is accepted with a fixed threshold, and the threshold of a gallery
   * too small to calibrate.
   */
  public static final double DEFAULT_THRESHOLD = 0.6;
  /** Default target false-accept rate per comparison. */
  public static final double DEFAULT_FALSE_ACCEPT_RATE = 1e-3;
  /** Default number of candidates reported per face. */
  public static final int DEFAULT_CANDIDATES = 3;
  /** Version of the JSON file format written by {@link #save(Path)}. */
  public static final int FORMAT_VERSION = GalleryFile.FORMAT_VERSION;

  static final String DESCRIPTOR_MODEL = GalleryFile.DESCRIPTOR_MODEL;
  /** A second face at least this fraction of the largest face's width makes a reference photo ambiguous. */
  static final double AMBIGUOUS_WIDTH_RATIO = 0.8;
  /** A reference photo taken whole as a face crop must be closer than this to the person's other photos. */
  static final double CROP_AGREEMENT = 0.6;

  private static final Logger LOG = LoggerFactory.getLogger(FaceGallery.class);

  private final @Nullable FaceEngine engine;
  private final double threshold;
  private final double falseAcceptRate;
  private final int candidates;
  private final ReferenceFaceRules referenceRules;
  private final Object writeLock = new Object();
  private volatile ImmutableMap<String, Entry> people;
  /** Stranger descriptors for calibration; never saved (they are other people's biometric data). */
  private volatile ImmutableList<FaceDescriptor> cohort;
  /** Flat copy of {@link #people} for matching; rebuilt lazily after a change. */
  private volatile @Nullable Snapshot snapshot;

  private FaceGallery(Builder b, ImmutableMap<String, Entry> people) {
    this.engine = b.engine;
    this.threshold = b.threshold;
    this.falseAcceptRate = b.falseAcceptRate;
    this.candidates = b.candidates;
    this.referenceRules = new ReferenceFaceRules(b.referenceMinFaceSize, b.referenceMinScore);
    this.people = people;
    this.cohort = ImmutableList.copyOf(b.cohort);
  }

  /**
   * A builder (calibrated at a false-accept rate of 1e-3, 3 candidates, no engine: set one to
   * {@link #enroll}).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Enrolls a person from their reference photos: the largest face of every photo becomes one
   * reference descriptor. A photo in which no face is detected at any size is taken whole as a
   * tight face crop when the landmark net places a plausible face on it and its descriptor agrees
   * with the person's other photos. All-or-nothing: if any photo still has no face, has several
   * faces of similar size, or cannot be decoded, nothing is enrolled and an {@link
   * EnrollmentException} lists every failing photo (use {@link #enrollFolder(Path)} to skip such
   * photos instead). Enrolling a name that is already registered replaces its descriptors.
   *
   * @param person the person
   * @throws EnrollmentException if a reference photo cannot be used
   * @throws IllegalStateException if the gallery was built without an engine
   */
  public void enroll(Person person) {
    checkNotNull(person, "person");
    List<EnrollmentException.PhotoFailure> failures = new ArrayList<>();
    List<FaceDescriptor> descriptors = describe(requireEngine(), person.references(), failures);
    if (!failures.isEmpty()) {
      throw new EnrollmentException(person.name(), failures);
    }
    put(person.name(), descriptors);
    LOG.debug("Enrolled a person from {} reference photos", descriptors.size());
  }

  /**
   * Enrolls everybody in a folder laid out as {@code DIR/<name>/<photos>} (one sub-folder per
   * person, named after them; jpg, jpeg, png, bmp and gif photos), leniently: a photo that cannot
   * be used is skipped and reported, a person none of whose photos can be used (or whose folder
   * name is not a valid name) is left out and reported. Everybody else is enrolled (replacing
   * people of the same name), so one bad photo never blocks a whole folder.
   *
   * <pre>{@code
   * FolderEnrollment r = gallery.enrollFolder(Path.of("people"));
   * r.skippedPhotos().forEach(s -> System.err.println("skipped " + s.photo() + ": " + s.reason()));
   * r.leftOut().forEach(l -> System.err.println(l.person() + " not enrolled: " + l.reason()));
   * }</pre>
   *
   * @param dir the folder
   * @return who was enrolled from which photos, which photos were skipped, who was left out
   * @throws EnrollmentException if {@code dir} is not a readable folder
   * @throws IllegalStateException if the gallery was built without an engine
   */
  public FolderEnrollment enrollFolder(Path dir) {
    checkNotNull(dir, "dir");
    FaceEngine e = requireEngine();
    List<Path> subfolders;
    try (Stream<Path> list = Files.list(dir)) {
      subfolders = list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException | UncheckedIOException ex) {
      throw new EnrollmentException(dir.toString(), List.of(new EnrollmentException.PhotoFailure(dir.toString(),
          "cannot list the folder (" + ex.getMessage() + "); lay it out as DIR/<name>/*.jpg")));
    }
    Map<String, List<Path>> enrolled = new LinkedHashMap<>();
    List<FolderEnrollment.SkippedPhoto> skipped = new ArrayList<>();
    List<FolderEnrollment.LeftOut> leftOut = new ArrayList<>();
    for (Path sub : subfolders) {
      String name;
      try {
        name = validName(sub.getFileName().toString());
      } catch (InvalidPersonException ex) {
        leftOut.add(new FolderEnrollment.LeftOut(sub.getFileName().toString(), ex.getMessage()));
        continue;
      }
      List<Path> photos = new ArrayList<>();
      try (Stream<Path> files = Files.list(sub)) {
        for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
          if (isPhoto(f)) {
            photos.add(f);
          } else {
            skipped.add(new FolderEnrollment.SkippedPhoto(name, f.toString(), "not a jpg, jpeg, png, bmp or gif photo"));
          }
        }
      } catch (IOException | UncheckedIOException ex) {
        leftOut.add(new FolderEnrollment.LeftOut(name, "cannot list '" + sub + "': " + ex.getMessage()));
        continue;
      }
      if (photos.isEmpty()) {
        leftOut.add(new FolderEnrollment.LeftOut(name, "'" + sub + "' has no photos"));
        continue;
      }
      List<ImageInput> images = new ArrayList<>();
      List<Path> opened = new ArrayList<>();
      for (Path f : photos) {
        try {
          images.add(ImageInput.of(f));
          opened.add(f);
        } catch (PvitException ex) {
          skipped.add(new FolderEnrollment.SkippedPhoto(name, f.toString(), ex.getMessage()));
        }
      }
      List<EnrollmentException.PhotoFailure> failures = new ArrayList<>();
      List<Integer> used = new ArrayList<>();
      List<FaceDescriptor> ds = describe(e, images, failures, used);
      failures.forEach(f -> skipped.add(new FolderEnrollment.SkippedPhoto(name, f.image(), f.reason())));
      if (ds.isEmpty()) {
        leftOut.add(new FolderEnrollment.LeftOut(name, "none of its " + photos.size() + " photos can be used"));
        continue;
      }
      put(name, ds);
      enrolled.put(name, used.stream().map(opened::get).toList());
    }
    LOG.debug("Enrolled {} people from a folder; {} photos skipped, {} people left out",
        enrolled.size(), skipped.size(), leftOut.size());
    return new FolderEnrollment(enrolled, skipped, leftOut);
  }

  private static boolean isPhoto(Path p) {
    String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png") || n.endsWith(".bmp") || n.endsWith(".gif");
  }

  private FaceEngine requireEngine() {
    FaceEngine e = engine;
    if (e == null) {
      throw new IllegalStateException("This gallery has no FaceEngine; build it with FaceGallery.builder().engine(engine).");
    }
    return e;
  }

  private List<FaceDescriptor> describe(FaceEngine e, List<ImageInput> images, List<EnrollmentException.PhotoFailure> failures) {
    return describe(e, images, failures, new ArrayList<>());
  }

  /**
   * One reference descriptor per usable photo, in photo order; failures for the others. A photo
   * taken whole as a face crop must agree with the detected faces of the person's other photos
   * (or, if none was detected, with the other whole-photo crops): mean distance below {@value
   * #CROP_AGREEMENT}.
   *
   * @param used receives the indexes of the photos used
   */
  private List<FaceDescriptor> describe(
      FaceEngine e, List<ImageInput> images, List<EnrollmentException.PhotoFailure> failures, List<Integer> used) {
    FaceDescriptor[] found = new FaceDescriptor[images.size()];
    boolean[] crop = new boolean[images.size()];
    for (int i = 0; i < images.size(); i++) {
      ImageInput image = images.get(i);
      try {
        FaceEngine.ReferenceFaces r = e.referenceFacesOrCrop(image);
        List<DetectedFace> faces = r.faces();
        if (faces.isEmpty()) {
          failures.add(new EnrollmentException.PhotoFailure(image.name(), "no face found, and the whole photo is not a face crop ("
              + r.whyNot() + "); use a photo where the face is clearly visible"));
          continue;
        }
        DetectedFace largest = faces.get(0);
        if (faces.size() > 1 && faces.get(1).box().width() >= AMBIGUOUS_WIDTH_RATIO * largest.box().width()) {
          failures.add(new EnrollmentException.PhotoFailure(
              image.name(), faces.size() + " faces of similar size; use a photo where the person's face is the largest"));
          continue;
        }
        Optional<String> poor = referenceRules.problem(largest, r.wholePhoto());
        if (poor.isPresent()) {
          failures.add(new EnrollmentException.PhotoFailure(image.name(), poor.get()));
          continue;
        }
        found[i] = largest.descriptor();
        crop[i] = r.wholePhoto();
      } catch (PvitException ex) {
        failures.add(new EnrollmentException.PhotoFailure(image.name(), ex.getMessage()));
      }
    }
    boolean anyDetected = false;
    for (int i = 0; i < found.length; i++) {
      anyDetected |= found[i] != null && !crop[i];
    }
    List<FaceDescriptor> out = new ArrayList<>();
    for (int i = 0; i < found.length; i++) {
      if (found[i] == null) {
        continue;
      }
      if (crop[i]) {
        double sum = 0;
        int n = 0;
        for (int j = 0; j < found.length; j++) {
          if (j != i && found[j] != null && (anyDetected ? !crop[j] : crop[j])) {
            sum += found[i].distance(found[j]);
            n++;
          }
        }
        if (n > 0 && sum / n >= CROP_AGREEMENT) {
          failures.add(new EnrollmentException.PhotoFailure(images.get(i).name(), String.format(java.util.Locale.ROOT,
              "no face detected, and the whole photo taken as a face crop does not match the person's other photos"
                  + " (distance %.2f); use a photo where the face is clearly visible", sum / n)));
          continue;
        }
        LOG.debug("Reference photo #{} taken whole as a face crop", i + 1);
      }
      out.add(found[i]);
      used.add(i);
    }
    return out;
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
   * The gallery-wide acceptance threshold: the fixed one, or the calibrated one (people with more
   * reference photos may have a looser one, see {@link #calibration()}).
   *
   * @return distance below which a face is recognised
   */
  public double threshold() {
    return snapshot().calibration().globalThreshold();
  }

  /**
   * The target false-accept rate per comparison.
   *
   * @return the rate, or empty for a fixed threshold
   */
  public OptionalDouble falseAcceptRate() {
    return Double.isNaN(falseAcceptRate) ? OptionalDouble.empty() : OptionalDouble.of(falseAcceptRate);
  }

  /**
   * The operating point and the distance statistics it was derived from.
   *
   * @return the calibration
   */
  public GalleryCalibration calibration() {
    Snapshot s = snapshot();
    OpenSetCalibration c = s.calibration();
    Map<String, Double> byName = new LinkedHashMap<>();
    for (int i = 0; i < s.names().length; i++) {
      byName.put(s.names()[i], c.threshold(i));
    }
    return new GalleryCalibration(falseAcceptRate, c.calibrated(), c.globalThreshold(),
        c.marginTest() ? OpenSetCalibration.MARGIN_CAP : Double.NaN, byName,
        Doubles.asList(c.genuineDistances()), Doubles.asList(c.impostorDistances()), c.cohortSize(),
        c.modelledFalseAcceptRate(c.globalThreshold()), c.falseRejectRate());
  }

  /**
   * Adds faces of people known not to be registered (e.g. a folder of strangers the application
   * provides) to the calibration cohort: they sharpen the impostor statistics. The cohort is kept
   * in memory only and never saved with the gallery.
   *
   * @param strangers stranger descriptors
   */
  public void addCohort(Collection<FaceDescriptor> strangers) {
    checkNotNull(strangers, "strangers");
    synchronized (writeLock) {
      cohort = ImmutableList.<FaceDescriptor>builder().addAll(cohort).addAll(strangers).build();
    }
  }

  /**
   * Adds the faces of a scene in which nobody registered was recognised to the calibration cohort
   * (see {@link #addCohort}); a scene with any recognised face adds nothing, since its unknown
   * faces might be registered people who were missed.
   *
   * @param scene a recognised scene
   * @return the number of faces added
   */
  public int addStrangers(SceneRecognition scene) {
    checkNotNull(scene, "scene");
    if (scene.faces().stream().anyMatch(RecognizedFace::isKnown)) {
      return 0;
    }
    List<FaceDescriptor> ds = scene.faces().stream().map(f -> f.face().descriptor()).toList();
    addCohort(ds);
    return ds.size();
  }

  /**
   * Finds the registered person closest to a face.
   *
   * @param descriptor the face's descriptor
   * @return the best person if closer than the threshold, with the top candidates
   */
  public FaceMatch match(FaceDescriptor descriptor) {
    Scored all = distances(descriptor);
    if (all.candidates().isEmpty()) {
      return new FaceMatch(Optional.empty(), Double.POSITIVE_INFINITY, List.of(), MatchDecision.noCandidate());
    }
    FaceMatch.Candidate best = all.candidates().get(0);
    MatchDecision decision = all.decide(0, false);
    Optional<String> name = decision.accepted() ? Optional.of(best.name()) : Optional.empty();
    return new FaceMatch(name, best.distance(), all.top(candidates), decision);
  }

  /**
   * The registered people worth considering for one face, closest first, and the open-set decision
   * for each of them.
   *
   * @param candidates everyone who may be accepted and at least the two closest
   */
  record Scored(List<FaceMatch.Candidate> candidates, int[] people, OpenSetCalibration calibration) {
    List<FaceMatch.Candidate> top(int k) {
      return candidates.subList(0, Math.min(k, candidates.size()));
    }

    /**
     * The decision for naming the face after candidate {@code k}. Only the closest candidate may pass
     * the margin test (its runner-up is the second closest); any other candidate, considered when a
     * closer face took the closest person, must be within its threshold.
     */
    MatchDecision decide(int k, boolean smallFace) {
      double d = candidates.get(k).distance();
      double runnerUp = candidates.size() < 2 ? Double.POSITIVE_INFINITY
          : candidates.get(k == 0 ? 1 : 0).distance();
      double t = calibration.threshold(people[k]) - (smallFace ? SceneMatcher.SMALL_FACE_MARGIN : 0);
      if (d < t) {
        return new MatchDecision(MatchDecision.Outcome.WITHIN_THRESHOLD, d, t, runnerUp, Double.NaN);
      }
      double limit = calibration.ratioLimit(people[k], d);
      if (k != 0 || smallFace || Double.isNaN(limit) || d >= OpenSetCalibration.MARGIN_CAP) {
        return new MatchDecision(MatchDecision.Outcome.TOO_FAR, d, t, runnerUp, Double.NaN);
      }
      double ratio = Double.isInfinite(runnerUp) ? 0 : d / runnerUp;
      return new MatchDecision(ratio <= limit ? MatchDecision.Outcome.CLEAR_MARGIN : MatchDecision.Outcome.TOO_FAR,
          d, t, runnerUp, limit);
    }
  }

  /**
   * Mean distance to the registered people worth considering, closest first: everyone who may be
   * accepted and at least the two closest (the runner-up matters to the margin test). One linear
   * scan over a flat copy of all descriptors (rebuilt after a change), so large galleries are
   * neither fully sorted nor walked object by object.
   */
  Scored distances(FaceDescriptor descriptor) {
    checkNotNull(descriptor, "descriptor");
    Snapshot s = snapshot();
    double[] d = s.matrix().meanDistances(descriptor.toArray());
    double limit = Math.max(s.calibration().globalThreshold(), s.maxAcceptable());
    int[] order = DescriptorMatrix.closest(d, limit, Math.max(2, candidates));
    List<FaceMatch.Candidate> out = new ArrayList<>(order.length);
    for (int i : order) {
      out.add(new FaceMatch.Candidate(s.names()[i], d[i]));
    }
    return new Scored(out, order, s.calibration());
  }

  private record Snapshot(ImmutableMap<String, Entry> people, ImmutableList<FaceDescriptor> cohort, DescriptorMatrix matrix,
      String[] names, OpenSetCalibration calibration, double maxAcceptable) {}

  private Snapshot snapshot() {
    ImmutableMap<String, Entry> current = people;
    ImmutableList<FaceDescriptor> strangers = cohort;
    Snapshot s = snapshot;
    if (s == null || s.people() != current || s.cohort() != strangers) {
      List<List<float[]>> rows = new ArrayList<>(current.size());
      String[] names = new String[current.size()];
      int i = 0;
      for (Entry e : current.values()) {
        List<float[]> ds = new ArrayList<>(e.descriptors().size());
        e.descriptors().forEach(d -> ds.add(d.toArray()));
        rows.add(ds);
        names[i++] = e.name();
      }
      DescriptorMatrix matrix = DescriptorMatrix.of(rows);
      List<float[]> cohortRows = new ArrayList<>(strangers.size());
      strangers.forEach(d -> cohortRows.add(d.toArray()));
      OpenSetCalibration c = OpenSetCalibration.compute(matrix, cohortRows, falseAcceptRate, threshold);
      double max = 0;
      for (int p = 0; p < names.length; p++) {
        max = Math.max(max, c.threshold(p));
      }
      if (c.calibrated()) {
        max = Math.max(max, OpenSetCalibration.MARGIN_CAP);
      }
      s = new Snapshot(current, strangers, matrix, names, c, max);
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
    return "FaceGallery[" + people.size() + " people, "
        + (Double.isNaN(falseAcceptRate) ? "threshold " + threshold : "false-accept rate " + falseAcceptRate) + "]";
  }

  private record Entry(String name, List<FaceDescriptor> descriptors) {}

  /** Builder for {@link FaceGallery}. Not thread-safe. */
  public static final class Builder {
    private @Nullable FaceEngine engine;
    private double threshold = DEFAULT_THRESHOLD;
    private double falseAcceptRate = DEFAULT_FALSE_ACCEPT_RATE;
    private int candidates = DEFAULT_CANDIDATES;
    private List<FaceDescriptor> cohort = List.of();
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
     * A fixed distance below which a face is recognised, the same for everybody and without the
     * margin test (the rule before calibration; replaces {@link #falseAcceptRate}). Lower is
     * stricter: fewer strangers accepted, more registered people missed.
     *
     * @param threshold a distance between 0 and 2
     * @return this builder
     */
    public Builder threshold(double threshold) {
      this.threshold = threshold;
      this.falseAcceptRate = Double.NaN;
      return this;
    }

    /**
     * The operating point as a target false-accept rate per comparison (default 1e-3): thresholds
     * and the margin test are calibrated from the gallery's own distances so that a stranger's face
     * is named as a given person at most this often under the fitted model (replaces {@link
     * #threshold}). See {@code docs/recognition.md}.
     *
     * @param rate a probability in (0, 0.1]
     * @return this builder
     */
    public Builder falseAcceptRate(double rate) {
      this.falseAcceptRate = rate;
      this.threshold = DEFAULT_THRESHOLD;
      return this;
    }

    /**
     * Faces of people known not to be registered, to sharpen calibration (see {@link
     * FaceGallery#addCohort}).
     *
     * @param strangers stranger descriptors
     * @return this builder
     */
    public Builder cohort(Collection<FaceDescriptor> strangers) {
      this.cohort = List.copyOf(strangers);
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
      if (!Double.isNaN(falseAcceptRate) && !(falseAcceptRate > 0 && falseAcceptRate <= 0.1)) {
        throw new IllegalArgumentException("falseAcceptRate must be in (0, 0.1], got " + falseAcceptRate + ".");
      }
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
