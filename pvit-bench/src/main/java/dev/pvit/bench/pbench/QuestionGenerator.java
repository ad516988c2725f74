package dev.pvit.bench.pbench;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.bench.pbench.FaceSet.LabelledPerson;
import dev.pvit.bench.pbench.FaceSet.Scene;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Generates the benchmark's questions from a face set's labels, deterministically for a seed: the
 * same set, names and seed always give the same questions in the same order. Phrasings are drawn
 * from several templates per category so that no backend is tuned to one wording.
 *
 * <pre>{@code
 * NamePool.Assignment names = NamePool.DEFAULT.assign(ids, seed, 8);
 * List<Question> qs = QuestionGenerator.builder().seed(seed).descriptions(true).build()
 *     .generate(FaceSet.load(dir), names);
 * }</pre>
 */
public final class QuestionGenerator {
  static final List<String> PRESENCE = List.of(
      "Is %s in this photo?",
      "Can you see %s here?",
      "Does %s appear in this picture?",
      "Is %s in the picture?",
      "Is %s visible in this image?",
      "Do you spot %s in this photo?");
  static final List<String> IDENTIFICATION = List.of(
      "Which of these people is in this photo? %s",
      "Which of the following people can you see in this picture? %s",
      "Which of these people appears in this image? %s");
  static final List<String> LEFT_OF = List.of(
      "Is %s to the left of %s?",
      "Is %s on the left of %s in this photo?",
      "Is %s standing to the left of %s?");
  static final List<String> RIGHT_OF = List.of(
      "Is %s to the right of %s?",
      "Is %s on the right of %s in this photo?",
      "Is %s standing to the right of %s?");
  static final List<String> COUNT = List.of(
      "How many of my registered people are in this photo?",
      "How many people that I registered can you see here?",
      "How many of the people I know are in this picture?",
      "Count the registered people in this image.");
  static final List<String> ABOUT_SOMEONE = List.of(
      "What is %s holding?",
      "What is %s wearing?",
      "Where is %s standing?",
      "Is %s smiling?",
      "How old does %s look?",
      "What colour is %s's shirt?");
  static final List<String> DESCRIPTION = List.of(
      "What is %s holding?",
      "What does %s have in their hands?");

  /** Words of a "holding" label that say nothing about the object. */
  private static final Set<String> NOT_KEYWORDS = Set.of(
      "a", "an", "the", "and", "or", "of", "with", "in", "on", "his", "her", "their", "hand", "hands");

  private final long seed;
  private final boolean descriptions;
  private final int maxPairsPerScene;

  private QuestionGenerator(Builder b) {
    this.seed = b.seed;
    this.descriptions = b.descriptions;
    this.maxPairsPerScene = b.maxPairsPerScene;
  }

  /**
   * A builder (seed 0, no description questions, at most 3 relative-position pairs per scene).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Generates every question for a face set.
   *
   * @param set the labelled set
   * @param names who is called what, with at least one stranger name
   * @return the questions, scene by scene
   */
  public List<Question> generate(FaceSet set, NamePool.Assignment names) {
    checkNotNull(set, "set");
    checkNotNull(names, "names");
    if (names.strangers().isEmpty()) {
      throw new IllegalArgumentException("unknown-name questions need at least one stranger name");
    }
    List<String> allIds = set.identities().stream().map(FaceSet.Identity::id).toList();
    List<Question> out = new ArrayList<>();
    for (Scene scene : set.scenes()) {
      out.addAll(forScene(scene, allIds, names));
    }
    List<Question> numbered = new ArrayList<>(out.size());
    for (int i = 0; i < out.size(); i++) {
      numbered.add(out.get(i).withId(String.format(Locale.ROOT, "q%04d", i + 1)));
    }
    return numbered;
  }

  private List<Question> forScene(Scene scene, List<String> allIds, NamePool.Assignment names) {
    // Each scene gets its own stream, so adding a scene does not change the questions of the others.
    Random random = new Random(seed * 1_000_003L + scene.file().hashCode());
    List<Question> qs = new ArrayList<>();
    int registered = scene.people().size();
    List<String> present = scene.identities().stream().distinct().toList();
    List<String> absent = new ArrayList<>(allIds);
    absent.removeAll(present);
    Collections.shuffle(absent, random);

    for (String id : present) {
      String name = names.nameOf(id);
      qs.add(q(Category.PRESENCE_YES, scene, fill(pick(PRESENCE, random), name), "yes",
          List.of(), Optional.of(name), registered, List.of()));
    }
    int noQuestions = present.isEmpty() ? 2 : 1;
    for (int i = 0; i < noQuestions && i < absent.size(); i++) {
      String name = names.nameOf(absent.get(i));
      qs.add(q(Category.PRESENCE_NO, scene, fill(pick(PRESENCE, random), name), "no",
          List.of(), Optional.of(name), registered, List.of()));
    }
    if (absent.size() >= 3) {
      qs.add(identification(scene, present, absent, names, random));
    }
    qs.addAll(relativePositions(scene, names, random));
    qs.add(q(Category.COUNT, scene, pick(COUNT, random), String.valueOf(present.size()),
        List.of(), Optional.empty(), registered, List.of()));
    if (!absent.isEmpty()) {
      String name = names.nameOf(absent.get(absent.size() - 1));
      qs.add(q(Category.ABSENT_REFUSAL, scene, fill(pick(ABOUT_SOMEONE, random), name), "refuse",
          List.of(), Optional.of(name), registered, List.of()));
    }
    String stranger = names.strangers().get(random.nextInt(names.strangers().size()));
    qs.add(q(Category.UNKNOWN_REFUSAL, scene, fill(pick(ABOUT_SOMEONE, random), stranger), "refuse",
        List.of(), Optional.of(stranger), registered, List.of()));
    if (descriptions) {
      for (LabelledPerson p : scene.people()) {
        if (p.holding().isPresent()) {
          String name = names.nameOf(p.identity());
          qs.add(q(Category.DESCRIPTION, scene, fill(pick(DESCRIPTION, random), name),
              p.holding().get(), List.of(), Optional.of(name), registered, keywords(p.holding().get())));
        }
      }
    }
    return qs;
  }

  private Question identification(Scene scene, List<String> present,
      List<String> absent, NamePool.Assignment names, Random random) {
    List<String> options = new ArrayList<>();
    String expected;
    if (present.isEmpty()) {
      // Nobody registered is there: three distractors and "none of them" is right.
      for (int i = 0; i < 3; i++) {
        options.add(names.nameOf(absent.get(i)));
      }
      expected = Question.letter(3);
    } else {
      String answer = names.nameOf(present.get(random.nextInt(present.size())));
      options.add(names.nameOf(absent.get(0)));
      options.add(names.nameOf(absent.get(1)));
      options.add(answer);
      Collections.shuffle(options, random);
      expected = Question.letter(options.indexOf(answer));
    }
    options.add(Question.NONE_OF_THEM);
    StringBuilder choices = new StringBuilder();
    for (int i = 0; i < options.size(); i++) {
      choices.append(i == 0 ? "" : " ").append(Question.letter(i)).append(") ").append(options.get(i));
    }
    String text = String.format(Locale.ROOT, pick(IDENTIFICATION, random), choices);
    return q(Category.IDENTIFICATION, scene, text, expected, options, Optional.empty(),
        scene.people().size(), List.of());
  }

  private List<Question> relativePositions(Scene scene,
      NamePool.Assignment names, Random random) {
    List<LabelledPerson[]> pairs = new ArrayList<>();
    List<LabelledPerson> people = scene.people();
    for (int i = 0; i < people.size(); i++) {
      for (int j = i + 1; j < people.size(); j++) {
        Optional<Integer> ri = people.get(i).horizontalRank();
        Optional<Integer> rj = people.get(j).horizontalRank();
        if (ri.isPresent() && rj.isPresent() && !ri.get().equals(rj.get())) {
          pairs.add(ri.get() < rj.get()
              ? new LabelledPerson[] {people.get(i), people.get(j)}
              : new LabelledPerson[] {people.get(j), people.get(i)});
        }
      }
    }
    Collections.shuffle(pairs, random);
    List<Question> out = new ArrayList<>();
    for (LabelledPerson[] pair : pairs.subList(0, Math.min(maxPairsPerScene, pairs.size()))) {
      // pair[0] is left of pair[1]; ask either way round, about either side.
      boolean swap = random.nextBoolean();
      boolean askLeft = random.nextBoolean();
      String a = names.nameOf(pair[swap ? 1 : 0].identity());
      String b = names.nameOf(pair[swap ? 0 : 1].identity());
      boolean aIsLeft = !swap;
      String text = String.format(Locale.ROOT, pick(askLeft ? LEFT_OF : RIGHT_OF, random), a, b);
      String expected = askLeft == aIsLeft ? "yes" : "no";
      out.add(q(Category.RELATIVE_POSITION, scene, text, expected, List.of(), Optional.of(a),
          people.size(), List.of()));
    }
    return out;
  }

  /** Content words of a "holding" label: "a fork, eating salad" → fork, eating, salad. */
  static List<String> keywords(String holding) {
    Set<String> out = new LinkedHashSet<>();
    for (String w : holding.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (w.length() > 2 && !NOT_KEYWORDS.contains(w)) {
        out.add(w);
      }
    }
    return List.copyOf(out);
  }

  /** Ids are given by {@link #generate} once the order is final. */
  private static Question q(Category c, Scene scene, String text, String expected, List<String> options,
      Optional<String> subject, int registered, List<String> keywords) {
    return new Question("", c, scene.file(), text, expected, options, subject, registered, keywords);
  }

  private static String pick(List<String> templates, Random random) {
    return templates.get(random.nextInt(templates.size()));
  }

  private static String fill(String template, String name) {
    return String.format(Locale.ROOT, template, name);
  }

  /** Builder for {@link QuestionGenerator}. */
  public static final class Builder {
    private long seed;
    private boolean descriptions;
    private int maxPairsPerScene = 3;

    private Builder() {}

    /**
     * Seed for phrasings, distractors and pair orientation.
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Whether to add description questions ("What is X holding?"); only for backends with a vision
     * model.
     *
     * @param on true to add them
     * @return this builder
     */
    public Builder descriptions(boolean on) {
      this.descriptions = on;
      return this;
    }

    /**
     * Most relative-position questions per scene (default 3).
     *
     * @param pairs 0 or more
     * @return this builder
     */
    public Builder maxPairsPerScene(int pairs) {
      if (pairs < 0) {
        throw new IllegalArgumentException("maxPairsPerScene must be 0 or more, got " + pairs + ".");
      }
      this.maxPairsPerScene = pairs;
      return this;
    }

    /**
     * Builds the generator.
     *
     * @return the generator
     */
    public QuestionGenerator build() {
      return new QuestionGenerator(this);
    }
  }
}
