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
  // Phrasings are written the way people ask, independently of any parser: questions, statements
  // and imperatives, tag questions, lower case, and words the answer must not be fooled by ("left out").
  static final List<String> PRESENCE = List.of(
      "Is %s in this photo?",
      "Can you see %s anywhere in this picture?",
      "Does %s appear in this image?",
      "is %s here?",
      "Tell me whether %s is in this picture.",
      "Do you see %s in the photo?",
      "I'm looking for %s. Are they in this photo?",
      "%s is in this picture, right?",
      "Would you say %s shows up in this image?",
      "Any sign of %s in this photo?");
  static final List<String> NEGATED = List.of(
      "Is %s missing from this picture?",
      "Is %s absent from this photo?",
      "Is %s not in this image?",
      "Is it true that %s isn't in this photo?",
      "Has %s been left out of this picture?",
      "is %s nowhere to be seen here?",
      "Am I right that %s is not in the photo?");
  static final List<String> CONJUNCTION = List.of(
      "Are %s and %s both here?",
      "Are %s and %s both in this photo?",
      "Can you see both %s and %s in this picture?",
      "Do %s and %s appear together in this image?",
      "Is %s in this photo along with %s?",
      "are %s and %s in the picture together?");
  static final List<String> DISJUNCTION = List.of(
      "Is either %s or %s in it?",
      "Can you see %s or %s in this photo?",
      "Is at least one of %s and %s in this picture?",
      "Does either %s or %s appear in this image?",
      "Is %s or %s here?");
  static final List<String> WHO = List.of(
      "Who is in this photo?",
      "Which of my people can you see here?",
      "Tell me who's in this picture.",
      "who appears in this image?",
      "Who do you recognise in this photo?",
      "Name the people you know in this picture.");
  static final List<String> IDENTIFICATION = List.of(
      "Which of these people is in this photo? %s",
      "Who among the following can you see in this picture? %s",
      "Pick the person who appears in this image: %s",
      "One of these may be in the photo. Which one? %s");
  static final List<String> LEFT_OF = List.of(
      "Is %s to the left of %s?",
      "Is %s standing left of %s in this photo?",
      "From where I'm looking, is %s further left than %s?",
      "is %s on the left side of %s in the picture?");
  static final List<String> RIGHT_OF = List.of(
      "Is %s to the right of %s?",
      "Is %s standing right of %s in this photo?",
      "From where I'm looking, is %s further right than %s?",
      "is %s on the right side of %s in the picture?");
  static final List<String> COUNT = List.of(
      "How many of my registered people are in this photo?",
      "How many people I registered can you see here?",
      "How many of the people I know are in this picture?",
      "Count the registered people in this image.",
      "how many of my people are here?",
      "How many people from my list appear in this photo?");
  static final List<String> ABOUT_SOMEONE = List.of(
      "What is %s holding?",
      "What is %s wearing?",
      "Where is %s standing?",
      "Is %s smiling?",
      "How old does %s look?",
      "What colour is %s's shirt?",
      "Describe what %s is doing.",
      "what does %s have in their hand?",
      "Which side of the picture is %s on?",
      "Tell me about %s's expression.");
  static final List<String> DESCRIPTION = List.of(
      "What is %s holding?",
      "What is %s holding in their hands?",
      "Can you tell what %s is holding?");

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

    List<String> truth = present.stream().map(names::nameOf).toList();
    for (String id : present) {
      String name = names.nameOf(id);
      qs.add(q(Category.PRESENCE_YES, scene, fill(pick(PRESENCE, random), name), "yes",
          List.of(), Optional.of(name), registered, List.of(), truth));
    }
    int noQuestions = present.isEmpty() ? 2 : 1;
    for (int i = 0; i < noQuestions && i < absent.size(); i++) {
      String name = names.nameOf(absent.get(i));
      qs.add(q(Category.PRESENCE_NO, scene, fill(pick(PRESENCE, random), name), "no",
          List.of(), Optional.of(name), registered, List.of(), truth));
    }
    // Negated presence: about someone there (the answer is no) and someone not there (yes).
    if (!present.isEmpty()) {
      String name = names.nameOf(present.get(random.nextInt(present.size())));
      qs.add(q(Category.NEGATED_PRESENCE, scene, fill(pick(NEGATED, random), name), "no",
          List.of(), Optional.of(name), registered, List.of(), truth));
    }
    if (!absent.isEmpty()) {
      String name = names.nameOf(absent.get(random.nextInt(absent.size())));
      qs.add(q(Category.NEGATED_PRESENCE, scene, fill(pick(NEGATED, random), name), "yes",
          List.of(), Optional.of(name), registered, List.of(), truth));
    }
    qs.addAll(pairs(scene, present, absent, names, random, truth));
    qs.add(q(Category.WHO, scene, pick(WHO, random), truth.isEmpty() ? "nobody" : String.join(", ", truth),
        List.of(), Optional.empty(), registered, List.of(), truth));
    if (absent.size() >= 3) {
      qs.add(identification(scene, present, absent, names, random));
    }
    qs.addAll(relativePositions(scene, names, random, truth));
    qs.add(q(Category.COUNT, scene, pick(COUNT, random), String.valueOf(present.size()),
        List.of(), Optional.empty(), registered, List.of(), truth));
    if (!absent.isEmpty()) {
      String name = names.nameOf(absent.get(absent.size() - 1));
      qs.add(q(Category.ABSENT_REFUSAL, scene, fill(pick(ABOUT_SOMEONE, random), name), "refuse",
          List.of(), Optional.of(name), registered, List.of(), truth));
    }
    String stranger = names.strangers().get(random.nextInt(names.strangers().size()));
    qs.add(q(Category.UNKNOWN_REFUSAL, scene, fill(pick(ABOUT_SOMEONE, random), stranger), "refuse",
        List.of(), Optional.of(stranger), registered, List.of(), truth));
    if (descriptions) {
      for (LabelledPerson p : scene.people()) {
        if (p.holding().isPresent()) {
          String name = names.nameOf(p.identity());
          qs.add(q(Category.DESCRIPTION, scene, fill(pick(DESCRIPTION, random), name),
              p.holding().get(), List.of(), Optional.of(name), registered, keywords(p.holding().get()), truth));
        }
      }
    }
    return qs;
  }

  /**
   * Conjunctions and disjunctions of two names, with expected answers from the labels: both there,
   * one there and one not (in random order), or neither.
   */
  private List<Question> pairs(Scene scene, List<String> present, List<String> absent,
      NamePool.Assignment names, Random random, List<String> truth) {
    List<Question> out = new ArrayList<>();
    int registered = scene.people().size();
    List<String> here = new ArrayList<>(present);
    Collections.shuffle(here, random);
    List<String[]> conj = new ArrayList<>();
    List<String[]> disj = new ArrayList<>();
    if (here.size() >= 2) {
      conj.add(new String[] {here.get(0), here.get(1)});
    }
    if (!here.isEmpty() && !absent.isEmpty()) {
      String[] mixed = random.nextBoolean() ? new String[] {here.get(0), absent.get(0)}
          : new String[] {absent.get(0), here.get(0)};
      conj.add(mixed);
      disj.add(mixed);
    }
    if ((here.isEmpty() || here.size() >= 2) && absent.size() >= 3) {
      // Names from the end of the shuffled absent list, so they differ from the mixed pair's.
      String[] neither = {absent.get(absent.size() - 1), absent.get(absent.size() - 2)};
      disj.add(neither);
      if (here.isEmpty()) {
        conj.add(neither);
      }
    }
    for (String[] pair : conj) {
      boolean yes = present.contains(pair[0]) && present.contains(pair[1]);
      out.add(q(Category.CONJUNCTION, scene, fill2(pick(CONJUNCTION, random), names, pair), yes ? "yes" : "no",
          List.of(), Optional.of(names.nameOf(pair[0])), registered, List.of(), truth));
    }
    for (String[] pair : disj) {
      boolean yes = present.contains(pair[0]) || present.contains(pair[1]);
      out.add(q(Category.DISJUNCTION, scene, fill2(pick(DISJUNCTION, random), names, pair), yes ? "yes" : "no",
          List.of(), Optional.of(names.nameOf(pair[0])), registered, List.of(), truth));
    }
    return out;
  }

  private static String fill2(String template, NamePool.Assignment names, String[] pair) {
    return String.format(Locale.ROOT, template, names.nameOf(pair[0]), names.nameOf(pair[1]));
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
        scene.people().size(), List.of(), present.stream().map(names::nameOf).toList());
  }

  private List<Question> relativePositions(Scene scene,
      NamePool.Assignment names, Random random, List<String> truth) {
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
          people.size(), List.of(), truth));
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
      Optional<String> subject, int registered, List<String> keywords, List<String> present) {
    return new Question("", c, scene.file(), text, expected, options, subject, registered, keywords,
        Optional.of(present));
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
