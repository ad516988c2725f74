package dev.pvit.bench.pbench;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.bench.BenchInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A labelled face set laid out like {@code shared/data/faces}: {@code people/<id>/*.jpg} reference
 * photos, {@code scenes/*.jpg} query photos and {@code scenes.json} saying who is where in each
 * scene.
 *
 * <pre>{@code
 * FaceSet set = FaceSet.load(Path.of("../shared/data/faces"));
 * set.scenes().forEach(s -> System.out.println(s.file() + " " + s.identities()));
 * }</pre>
 *
 * @param root the folder
 * @param identities registered identities in file order
 * @param scenes labelled scenes in file order
 */
public record FaceSet(Path root, List<Identity> identities, List<Scene> scenes) {
  private static final Map<String, Integer> HORIZONTAL_RANK = Map.of(
      "far-left", 0, "left", 1, "center-left", 2, "center", 3, "center-right", 4, "right", 5, "far-right", 6);

  /** Copies the lists. */
  public FaceSet {
    checkNotNull(root, "root");
    identities = List.copyOf(identities);
    scenes = List.copyOf(scenes);
  }

  /**
   * A registered identity.
   *
   * @param id the label id (folder name), e.g. {@code george_w_bush}
   * @param references reference photos, relative to the set's root
   */
  public record Identity(String id, List<String> references) {
    /** Copies the list. */
    public Identity {
      checkNotNull(id, "id");
      references = List.copyOf(references);
    }
  }

  /**
   * A registered identity as labelled in one scene.
   *
   * @param identity the identity id
   * @param position rough position, e.g. {@code center-left} or {@code top-far-right}
   * @param holding a clearly visible held object, if labelled
   */
  public record LabelledPerson(String identity, String position, Optional<String> holding) {
    /** Checks the parts. */
    public LabelledPerson {
      checkNotNull(identity, "identity");
      checkNotNull(position, "position");
      checkNotNull(holding, "holding");
    }

    /**
     * Left-to-right rank of the position label (far-left 0 … far-right 6), ignoring a
     * {@code top-}/{@code bottom-} row prefix.
     *
     * @return the rank, or empty for an unknown label
     */
    public Optional<Integer> horizontalRank() {
      String p = position.toLowerCase(Locale.ROOT).strip();
      if (p.startsWith("top-") || p.startsWith("bottom-")) {
        p = p.substring(p.indexOf('-') + 1);
      }
      return Optional.ofNullable(HORIZONTAL_RANK.get(p));
    }
  }

  /**
   * A labelled scene.
   *
   * @param file path relative to the set's root, e.g. {@code scenes/bbt_promo.jpg}
   * @param people registered identities in the scene
   * @param description the label's free-text description
   * @param unregisteredFaces how many other (unregistered) faces are visible, by the labels' rough
   *     count ({@code unregistered_faces_approx}); empty when the labels did not count them
   */
  public record Scene(String file, List<LabelledPerson> people, String description, OptionalInt unregisteredFaces) {
    /** Copies the list. */
    public Scene {
      checkNotNull(file, "file");
      people = List.copyOf(people);
      checkNotNull(description, "description");
      checkNotNull(unregisteredFaces, "unregisteredFaces");
    }

    /**
     * A scene whose unregistered faces were not counted.
     *
     * @param file path relative to the set's root
     * @param people registered identities in the scene
     * @param description the label's free-text description
     */
    public Scene(String file, List<LabelledPerson> people, String description) {
      this(file, people, description, OptionalInt.empty());
    }

    /**
     * The identity ids in the scene, in label order.
     *
     * @return ids
     */
    public List<String> identities() {
      return people.stream().map(LabelledPerson::identity).toList();
    }

    /**
     * Whether nobody registered is in the scene.
     *
     * @return true for negative scenes
     */
    public boolean hasNobodyRegistered() {
      return people.isEmpty();
    }
  }

  /**
   * The absolute path of a file of the set.
   *
   * @param relative a path from {@code scenes.json}
   * @return the file
   */
  public Path resolve(String relative) {
    return root.resolve(relative);
  }

  /**
   * Reads a face set and checks that every photo it names exists.
   *
   * @param dir the folder holding {@code scenes.json}
   * @return the set
   * @throws BenchInputException if the folder, the labels or a photo is missing or malformed
   */
  public static FaceSet load(Path dir) {
    checkNotNull(dir, "dir");
    Path labels = dir.resolve("scenes.json");
    if (!Files.isRegularFile(labels)) {
      throw new BenchInputException("'" + dir + "' is not a labelled face set: it has no scenes.json. "
          + "Point --data at a folder laid out like shared/data/faces (people/<id>/*.jpg, scenes/*.jpg, scenes.json).");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(labels.toFile());
    } catch (IOException e) {
      throw new BenchInputException("Cannot read '" + labels + "' as JSON: " + e.getMessage(), e);
    }
    JsonNode ids = root.path("identities");
    JsonNode sceneArray = root.path("scenes");
    if (!ids.isObject() || !sceneArray.isArray()) {
      throw new BenchInputException("'" + labels + "' needs an \"identities\" object and a \"scenes\" array.");
    }
    List<Identity> identities = new ArrayList<>();
    ids.fields().forEachRemaining(e -> {
      List<String> refs = new ArrayList<>();
      e.getValue().path("references").forEach(r -> refs.add(r.asText()));
      if (refs.isEmpty()) {
        throw new BenchInputException("Identity '" + e.getKey() + "' in '" + labels + "' has no reference photos.");
      }
      identities.add(new Identity(e.getKey(), refs));
    });
    List<Scene> scenes = new ArrayList<>();
    for (JsonNode s : sceneArray) {
      String file = s.path("file").asText("");
      if (file.isEmpty()) {
        throw new BenchInputException("A scene in '" + labels + "' has no \"file\".");
      }
      List<LabelledPerson> people = new ArrayList<>();
      for (JsonNode p : s.path("people")) {
        String id = p.path("identity").asText("");
        if (!ids.has(id)) {
          throw new BenchInputException("Scene '" + file + "' names identity '" + id + "', which is not in \"identities\".");
        }
        String holding = p.path("holding").asText("");
        people.add(new LabelledPerson(id, p.path("position").asText("center"),
            holding.isBlank() ? Optional.empty() : Optional.of(holding)));
      }
      // Older label files list only "identities"; they carry no positions.
      if (people.isEmpty()) {
        for (JsonNode id : s.path("identities")) {
          people.add(new LabelledPerson(id.asText(), "", Optional.empty()));
        }
      }
      JsonNode others = s.path("unregistered_faces_approx");
      scenes.add(new Scene(file, people, s.path("description").asText(""),
          others.isIntegralNumber() && others.canConvertToInt() && others.asInt() >= 0 ? OptionalInt.of(others.asInt()) : OptionalInt.empty()));
    }
    FaceSet set = new FaceSet(dir, identities, scenes);
    for (Identity i : identities) {
      i.references().forEach(r -> requireFile(set, r));
    }
    scenes.forEach(s -> requireFile(set, s.file()));
    return set;
  }

  private static void requireFile(FaceSet set, String relative) {
    if (!Files.isRegularFile(set.resolve(relative))) {
      throw new BenchInputException("'" + set.resolve(relative) + "' is named in scenes.json but does not exist.");
    }
  }
}
