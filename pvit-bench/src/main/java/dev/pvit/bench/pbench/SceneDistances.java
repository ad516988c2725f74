package dev.pvit.bench.pbench;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.face.DetectedFace;
import dev.pvit.face.FaceDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Genuine and impostor distances of the faces detected in a face set's scenes, labelled by the
 * set's ground truth only (never by what recognition decided).
 *
 * <p>The distance is the one the gallery decides with: the mean Euclidean distance between the
 * face's descriptor and a person's reference descriptors.
 *
 * <ul>
 *   <li><b>Impostor</b>: every face against every registered person the labels do not place in its
 *       scene (nobody in a scene is someone the labels leave out), and a face tied to a person
 *       against every other registered person. Faces of scenes with nobody registered give impostor
 *       distances only.
 *   <li><b>Genuine</b>: a face tied to a registered person against that person. The labels give no
 *       boxes, only rough positions, so a scene's faces are tied to its labelled people only when
 *       that is unambiguous: the labels count no other visible face (or do not count them), the
 *       detector found exactly as many faces as there are labelled people, and the labelled
 *       positions are all distinct left-to-right ranks; then the faces, left to right by box
 *       centre, are the labelled people in the order of their positions. Other scenes add impostor
 *       distances only, and are listed with the reason.
 * </ul>
 *
 * <pre>{@code
 * SceneDistances d = SceneDistances.of(set, idToName, referencesByName,
 *     scene -> engine.findFaces(ImageInput.of(set.resolve(scene.file()))).faces());
 * ErrorRates r = ErrorRates.at(0.556, d.genuineDistances(), d.impostorDistances());
 * }</pre>
 *
 * @param genuine genuine comparisons, in scene and face order
 * @param impostor impostor comparisons, in scene and face order
 * @param faces faces detected over all scenes
 * @param tiedFaces faces tied to a labelled person
 * @param tiedScenes scenes with labelled people whose faces were tied to them
 * @param untiedScenes scenes with labelled people whose faces could not be tied, with the reason
 */
public record SceneDistances(List<Entry> genuine, List<Entry> impostor, int faces, int tiedFaces,
    List<String> tiedScenes, Map<String, String> untiedScenes) {
  /** Copies the parts. */
  public SceneDistances {
    genuine = List.copyOf(genuine);
    impostor = List.copyOf(impostor);
    tiedScenes = List.copyOf(tiedScenes);
    untiedScenes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(untiedScenes));
  }

  /**
   * One face compared with one registered person.
   *
   * @param scene the scene file
   * @param face the face's index in the detector's output for the scene
   * @param faceWidth the face box's width in pixels (small faces get a stricter rule, see {@code
   *     docs/recognition.md})
   * @param labelledAs who the labels say the face is, for a face tied to a labelled person: their
   *     display name, or the identity id if they could not be registered
   * @param person the registered person's display name
   * @param distance mean distance to the person's references
   */
  public record Entry(String scene, int face, double faceWidth, Optional<String> labelledAs, String person,
      double distance) {
    /** Checks the parts. */
    public Entry {
      checkNotNull(scene, "scene");
      checkNotNull(labelledAs, "labelledAs");
      checkNotNull(person, "person");
      checkArgument(distance >= 0, "a distance must be 0 or more, got %s", distance);
    }
  }

  /**
   * Labels the distances of every scene's faces.
   *
   * @param set the labelled face set
   * @param names display name of each registered identity, by identity id (identities that could not
   *     be registered are left out)
   * @param references each registered person's reference descriptors, by display name
   * @param faces the faces detected in a scene
   * @return the labelled distances
   */
  public static SceneDistances of(FaceSet set, Map<String, String> names, Map<String, List<FaceDescriptor>> references,
      Function<FaceSet.Scene, List<DetectedFace>> faces) {
    List<Entry> genuine = new ArrayList<>();
    List<Entry> impostor = new ArrayList<>();
    List<String> tied = new ArrayList<>();
    Map<String, String> untied = new LinkedHashMap<>();
    int faceCount = 0;
    int tiedCount = 0;
    for (FaceSet.Scene scene : set.scenes()) {
      List<DetectedFace> found = faces.apply(scene);
      faceCount += found.size();
      Set<String> present = new HashSet<>(scene.identities());
      List<Optional<String>> identityOfFace = new ArrayList<>();
      found.forEach(f -> identityOfFace.add(Optional.empty()));
      if (!scene.hasNobodyRegistered()) {
        String why = whyUntied(scene, found);
        if (why == null) {
          tie(scene, found, identityOfFace);
          tied.add(scene.file());
          tiedCount += found.size();
        } else {
          untied.put(scene.file(), why);
        }
      }
      for (int i = 0; i < found.size(); i++) {
        FaceDescriptor d = found.get(i).descriptor();
        Optional<String> who = identityOfFace.get(i);
        for (Map.Entry<String, String> person : names.entrySet()) {
          String id = person.getKey();
          boolean isThem = who.isPresent() && who.get().equals(id);
          // An untied face may be any labelled person of its scene: unknown class, left out.
          if (!isThem && present.contains(id) && who.isEmpty()) {
            continue;
          }
          Entry e = new Entry(scene.file(), i, found.get(i).box().width(), who.map(w -> names.getOrDefault(w, w)),
              person.getValue(), meanDistance(d, references.get(person.getValue())));
          (isThem ? genuine : impostor).add(e);
        }
      }
    }
    return new SceneDistances(genuine, impostor, faceCount, tiedCount, tied, untied);
  }

  /**
   * The genuine distances.
   *
   * @return distances in entry order
   */
  public List<Double> genuineDistances() {
    return genuine.stream().map(Entry::distance).toList();
  }

  /**
   * The impostor distances.
   *
   * @return distances in entry order
   */
  public List<Double> impostorDistances() {
    return impostor.stream().map(Entry::distance).toList();
  }

  /**
   * The impostor comparisons closest to acceptance.
   *
   * @param k how many
   * @return at most {@code k} entries, smallest distance first
   */
  public List<Entry> closestImpostors(int k) {
    return impostor.stream().sorted(Comparator.comparingDouble(Entry::distance)).limit(k).toList();
  }

  /**
   * The genuine comparisons closest to rejection.
   *
   * @param k how many
   * @return at most {@code k} entries, largest distance first
   */
  public List<Entry> farthestGenuine(int k) {
    return genuine.stream().sorted(Comparator.comparingDouble(Entry::distance).reversed()).limit(k).toList();
  }

  /** Why a scene's faces cannot be tied to its labelled people by position, or null if they can. */
  private static String whyUntied(FaceSet.Scene scene, List<DetectedFace> found) {
    int labelled = scene.people().size();
    if (scene.unregisteredFaces().orElse(0) > 0) {
      return "the labels count " + scene.unregisteredFaces().getAsInt() + " other visible face(s)";
    }
    if (found.size() != labelled) {
      return found.size() + " face(s) detected, " + labelled + " labelled";
    }
    Set<Integer> ranks = new HashSet<>();
    for (FaceSet.LabelledPerson p : scene.people()) {
      Optional<Integer> rank = p.horizontalRank();
      if (rank.isEmpty() || !ranks.add(rank.get())) {
        return "the labelled positions do not order the people left to right";
      }
    }
    return null;
  }

  private static void tie(FaceSet.Scene scene, List<DetectedFace> found, List<Optional<String>> identityOfFace) {
    List<Integer> byX = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      byX.add(i);
    }
    byX.sort(Comparator.comparingDouble(i -> found.get(i).box().centerX()));
    List<FaceSet.LabelledPerson> byRank = new ArrayList<>(scene.people());
    byRank.sort(Comparator.comparingInt(p -> p.horizontalRank().orElseThrow()));
    for (int k = 0; k < byX.size(); k++) {
      identityOfFace.set(byX.get(k), Optional.of(byRank.get(k).identity()));
    }
  }

  /** The gallery's statistic: the mean distance to a person's references. */
  static double meanDistance(FaceDescriptor face, List<FaceDescriptor> references) {
    checkArgument(references != null && !references.isEmpty(), "a registered person has no reference descriptors");
    double sum = 0;
    for (FaceDescriptor r : references) {
      sum += face.distance(r);
    }
    return sum / references.size();
  }
}
