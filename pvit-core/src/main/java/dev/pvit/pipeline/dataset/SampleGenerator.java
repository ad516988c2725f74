package dev.pvit.pipeline.dataset;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.PvitException;
import dev.pvit.client.ChatMessage;
import dev.pvit.client.VisionChatModel;
import dev.pvit.client.VisionChatRequest;
import dev.pvit.pipeline.ItemContext;
import dev.pvit.pipeline.Stage;
import dev.pvit.pipeline.curation.Augmentation;
import dev.pvit.pipeline.curation.CuratedPerson;
import dev.pvit.pipeline.curation.CuratedScene;
import dev.pvit.pipeline.curation.ImageGenerator;
import dev.pvit.pipeline.text.DescribedScene;
import dev.pvit.pipeline.text.DescriptionStage;
import dev.pvit.pipeline.text.PipelinePrompts;
import dev.pvit.pipeline.text.SceneDescription;
import dev.pvit.prompt.IntroStyle;
import dev.pvit.prompt.Templates;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PVIT phase 3 for one described scene: template samples (description questions about 1, 2 or 3
 * named people, presence, location and count questions, and both refusal families in the
 * configured share) and, when a model is configured, model-written QA (multiple choice, free-form,
 * reasoning) from the fused description. Names come from a {@link NamePool}, never repeated within
 * a sample; every reference is a face or body crop introduced with the matching {@link Templates}
 * family. All randomness comes from {@link ItemContext#random()}, so output depends only on the
 * seed. Thread-safe.
 *
 * <pre>{@code
 * SampleGenerator generate = SampleGenerator.builder()
 *     .names(NamePool.builtIn()).mix(SampleMix.defaults()).referencePool(pool).build();
 * }</pre>
 */
public final class SampleGenerator implements Stage<DescribedScene, GeneratedSample> {
  /** Default number of template samples per scene. */
  public static final int DEFAULT_SAMPLES_PER_SCENE = 6;

  private static final Logger LOG = LoggerFactory.getLogger(SampleGenerator.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("<name(\\d+)>");
  private static final int MAX_INTRODUCED = 3;

  private final NamePool names;
  private final SampleMix mix;
  private final int samplesPerScene;
  private final ReferencePool pool;
  private final @Nullable VisionChatModel model;
  private final PipelinePrompts prompts;
  private final @Nullable Augmentation augmentation;
  private final ImageGenerator imageGenerator;

  private SampleGenerator(Builder b) {
    this.augmentation = b.augmentation;
    this.imageGenerator = b.imageGenerator;
    this.names = b.names;
    this.mix = b.mix;
    this.samplesPerScene = b.samplesPerScene;
    this.pool = b.pool;
    this.model = b.model;
    this.prompts = b.prompts;
  }

  /**
   * A builder: built-in names, 20 % unanswerable, six template samples per scene, no reference
   * pool, no model.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A person who may be introduced: from the scene (index into its people) or from the pool. */
  private record Candidate(BufferedImage face, BufferedImage body, int sceneIndex) {}

  @Override
  public List<GeneratedSample> process(DescribedScene described, ItemContext context) {
    CuratedScene scene = described.scene();
    List<Integer> usable = new ArrayList<>();
    for (int i = 0; i < scene.people().size(); i++) {
      if (scene.people().get(i).usableAsReference()) {
        usable.add(i);
      }
    }
    if (usable.isEmpty()) {
      return List.of();
    }
    Random r = context.random();
    List<GeneratedSample> out = new ArrayList<>();
    for (int i = 0; i < samplesPerScene; i++) {
      SampleKind kind = mix.draw(r);
      if (kind == SampleKind.ABSENT_PERSON) {
        Optional<ReferencePool.Entry> absent = pool.pickAbsent(scene, context.key(), r);
        out.add(absent.isPresent() ? absentSample(described, usable, absent.get(), r) : unknownSample(described, usable, r));
      } else if (kind == SampleKind.UNKNOWN_NAME) {
        out.add(unknownSample(described, usable, r));
      } else {
        out.add(answerableSample(described, usable, r));
      }
    }
    if (model != null) {
      out.addAll(modelSamples(described, usable, model, r));
    }
    return out;
  }

  private GeneratedSample answerableSample(DescribedScene d, List<Integer> usable, Random r) {
    CuratedScene scene = d.scene();
    List<String> categories = new ArrayList<>(List.of("description_1", "presence", "location", "count"));
    if (usable.size() >= 2) {
      categories.add("description_2");
    }
    if (usable.size() >= 3) {
      categories.add("description_3");
    }
    String category = categories.get(r.nextInt(categories.size()));
    int asked = switch (category) {
      case "description_2" -> 2;
      case "description_3" -> 3;
      case "count" -> 0;
      default -> 1;
    };
    List<Integer> shuffled = new ArrayList<>(usable);
    Collections.shuffle(shuffled, r);
    int introduced = Math.max(Math.max(asked, 1), 1 + r.nextInt(Math.min(MAX_INTRODUCED, usable.size())));
    List<Integer> people = shuffled.subList(0, introduced);
    List<Integer> askedPeople = people.subList(0, asked);
    List<String> drawn = names.sample(introduced, r);
    List<Candidate> candidates = people.stream().map(i -> candidate(scene, i)).toList();
    List<GeneratedSample.Reference> refs = references(candidates, drawn, r);
    List<String> askedNames = drawn.subList(0, asked);
    String question;
    String answer;
    switch (category) {
      case "count" -> {
        question = pick(QuestionTemplates.COUNT, r);
        int n = scene.peopleCount();
        answer = n == 1 ? "There is one person in the image." : "There are " + n + " people in the image.";
      }
      case "presence" -> {
        String name = askedNames.get(0);
        question = QuestionTemplates.fill(pick(QuestionTemplates.PRESENCE, r), askedNames);
        answer = "Yes, " + name + " is in the image: " + name + " is " + position(scene, askedPeople.get(0)) + ".";
      }
      case "location" -> {
        String name = askedNames.get(0);
        question = QuestionTemplates.fill(pick(QuestionTemplates.LOCATION, r), askedNames);
        answer = name + " is " + position(scene, askedPeople.get(0)) + ".";
      }
      default -> {
        List<String> family = asked == 1 ? QuestionTemplates.DESCRIBE_ONE
            : asked == 2 ? QuestionTemplates.DESCRIBE_TWO : QuestionTemplates.DESCRIBE_THREE;
        question = QuestionTemplates.fill(pick(family, r), askedNames);
        StringBuilder a = new StringBuilder();
        for (int k = 0; k < asked; k++) {
          String text = d.description().people().get(askedPeople.get(k)).replace(PipelinePrompts.NAME, askedNames.get(k));
          a.append(k == 0 ? "" : " ").append(text);
        }
        answer = a.toString();
      }
    }
    return new GeneratedSample(category, SampleKind.ANSWERABLE, scene.peopleCount(), refs, scene.source(), question,
        askedNames, answer);
  }

  private GeneratedSample absentSample(DescribedScene d, List<Integer> usable, ReferencePool.Entry absent, Random r) {
    CuratedScene scene = d.scene();
    List<Integer> shuffled = new ArrayList<>(usable);
    Collections.shuffle(shuffled, r);
    int present = r.nextInt(Math.min(MAX_INTRODUCED - 1, usable.size()) + 1);
    List<Candidate> candidates = new ArrayList<>();
    shuffled.subList(0, present).forEach(i -> candidates.add(candidate(scene, i)));
    candidates.add(r.nextInt(present + 1), new Candidate(absent.faceCrop(), absent.bodyCrop(), -1));
    List<String> drawn = names.sample(candidates.size(), r);
    List<GeneratedSample.Reference> refs = references(candidates, drawn, r);
    String name = "";
    for (int k = 0; k < candidates.size(); k++) {
      if (candidates.get(k).sceneIndex() < 0) {
        name = drawn.get(k);
      }
    }
    String question = QuestionTemplates.fill(pick(refusalQuestions(r), r), List.of(name));
    return new GeneratedSample("refusal_absent", SampleKind.ABSENT_PERSON, scene.peopleCount(), refs, scene.source(),
        question, List.of(name), Templates.absentRefusal(name, r));
  }

  private GeneratedSample unknownSample(DescribedScene d, List<Integer> usable, Random r) {
    CuratedScene scene = d.scene();
    List<Integer> shuffled = new ArrayList<>(usable);
    Collections.shuffle(shuffled, r);
    int introduced = 1 + r.nextInt(Math.min(MAX_INTRODUCED, usable.size()));
    List<Candidate> candidates = shuffled.subList(0, introduced).stream().map(i -> candidate(scene, i)).toList();
    List<String> drawn = names.sample(introduced + 1, r);
    List<GeneratedSample.Reference> refs = references(candidates, drawn.subList(0, introduced), r);
    String name = drawn.get(introduced);
    String question = QuestionTemplates.fill(pick(refusalQuestions(r), r), List.of(name));
    return new GeneratedSample("refusal_unknown", SampleKind.UNKNOWN_NAME, scene.peopleCount(), refs, scene.source(),
        question, List.of(name), Templates.unknownRefusal(name, r));
  }

  private static List<String> refusalQuestions(Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> QuestionTemplates.PRESENCE;
      case 1 -> QuestionTemplates.LOCATION;
      default -> QuestionTemplates.DESCRIBE_ONE;
    };
  }

  private List<GeneratedSample> modelSamples(DescribedScene d, List<Integer> usable, VisionChatModel m, Random r) {
    CuratedScene scene = d.scene();
    String reply = m.chat(VisionChatRequest.builder()
            .message(ChatMessage.user(prompts.qa().replace("{description}", d.description().fused())))
            .temperature(0.2).build())
        .text();
    List<GeneratedSample> out = new ArrayList<>();
    for (JsonNode qa : parseArray(reply)) {
      Optional<GeneratedSample> s = modelSample(scene, usable, qa, r);
      if (s.isPresent()) {
        out.add(s.get());
      } else {
        LOG.debug("Dropped an unusable model QA pair for a scene of {} people", scene.peopleCount());
      }
    }
    return out;
  }

  private static List<JsonNode> parseArray(String reply) {
    int start = reply.indexOf('[');
    int end = reply.lastIndexOf(']');
    if (start < 0 || end < start) {
      return List.of();
    }
    try {
      JsonNode node = JSON.readTree(reply.substring(start, end + 1));
      List<JsonNode> out = new ArrayList<>();
      if (node != null && node.isArray()) {
        node.forEach(out::add);
      }
      return out;
    } catch (IOException e) {
      return List.of();
    }
  }

  private Optional<GeneratedSample> modelSample(CuratedScene scene, List<Integer> usable, JsonNode qa, Random r) {
    String type = qa.path("type").asText("");
    String question = DescriptionStage.clean(qa.path("question").asText(""));
    String answer = DescriptionStage.clean(qa.path("answer").asText(""));
    if (question.isEmpty() || answer.isEmpty()) {
      return Optional.empty();
    }
    String category;
    switch (type) {
      case "choice" -> {
        JsonNode options = qa.path("options");
        if (!options.isArray() || options.size() != 4 || !answer.matches("(?s)[A-Da-d]\\b.*")) {
          return Optional.empty();
        }
        StringBuilder q = new StringBuilder(question);
        for (int i = 0; i < 4; i++) {
          q.append('\n').append((char) ('A' + i)).append(". ").append(DescriptionStage.clean(options.get(i).asText("")));
        }
        int chosen = Character.toUpperCase(answer.charAt(0)) - 'A';
        question = q.toString();
        answer = (char) ('A' + chosen) + ". " + DescriptionStage.clean(options.get(chosen).asText(""));
        category = "llm_choice";
      }
      case "free" -> category = "llm_free";
      case "reasoning" -> category = "llm_reasoning";
      default -> {
        return Optional.empty();
      }
    }
    TreeSet<Integer> mentioned = new TreeSet<>();
    Matcher mm = PLACEHOLDER.matcher(question + " " + answer);
    while (mm.find()) {
      int idx = Integer.parseInt(mm.group(1)) - 1;
      if (idx < 0 || !usable.contains(idx)) {
        return Optional.empty();
      }
      mentioned.add(idx);
    }
    if (mentioned.isEmpty() || mentioned.size() > MAX_INTRODUCED) {
      return Optional.empty();
    }
    List<Integer> people = new ArrayList<>(mentioned);
    Collections.shuffle(people, r);
    List<String> drawn = names.sample(people.size(), r);
    for (int k = 0; k < people.size(); k++) {
      String ph = SceneDescription.placeholder(people.get(k));
      question = question.replace(ph, drawn.get(k));
      answer = answer.replace(ph, drawn.get(k));
    }
    if (question.contains("<") || answer.contains("<")) {
      return Optional.empty();
    }
    List<GeneratedSample.Reference> refs =
        references(people.stream().map(i -> candidate(scene, i)).toList(), drawn, r);
    try {
      GeneratedSample s = new GeneratedSample(category, SampleKind.ANSWERABLE, scene.peopleCount(), refs,
          scene.source(), question, drawn, answer);
      DatasetSink.validate(s);
      return Optional.of(s);
    } catch (PvitException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Candidate candidate(CuratedScene scene, int index) {
    CuratedPerson p = scene.people().get(index);
    return new Candidate(p.faceCrop(), p.bodyCrop(), index);
  }

  private List<GeneratedSample.Reference> references(List<Candidate> people, List<String> names, Random r) {
    List<GeneratedSample.Reference> refs = new ArrayList<>();
    for (int k = 0; k < people.size(); k++) {
      IntroStyle style = r.nextBoolean() ? IntroStyle.FACE : IntroStyle.BODY;
      Candidate c = people.get(k);
      String name = names.get(k);
      BufferedImage image = style == IntroStyle.FACE ? c.face() : c.body();
      if (style == IntroStyle.FACE && imageGenerator.isConfigured()) {
        // A new pose of the same identity, as PVIT did with PhotoMaker; the seed comes from the item.
        List<BufferedImage> generated = imageGenerator.generate(image, 1, r.nextLong());
        image = generated.isEmpty() ? image : generated.get(0);
      }
      if (augmentation != null) {
        image = augmentation.apply(image, r);
      }
      refs.add(new GeneratedSample.Reference(name, image, Templates.introduction(style, name, r)));
    }
    return refs;
  }

  private static String position(CuratedScene scene, int personIndex) {
    return DescriptionStage.positionPhrase(scene.position(scene.people().get(personIndex)), scene.peopleCount());
  }

  private static String pick(List<String> list, Random r) {
    return list.get(r.nextInt(list.size()));
  }

  /** Options for {@link SampleGenerator}. */
  public static final class Builder {
    private NamePool names = NamePool.builtIn();
    private SampleMix mix = SampleMix.defaults();
    private int samplesPerScene = DEFAULT_SAMPLES_PER_SCENE;
    private ReferencePool pool = ReferencePool.empty();
    private @Nullable VisionChatModel model;
    private PipelinePrompts prompts = PipelinePrompts.defaults();
    private @Nullable Augmentation augmentation;
    private ImageGenerator imageGenerator = ImageGenerator.none();

    private Builder() {}

    /**
     * Transforms every reference crop with a seeded random augmentation (default none: crops as
     * cut from the scene).
     *
     * @param aug the augmentation, e.g. {@link Augmentation#defaults()}
     * @return this builder
     */
    public Builder augmentation(Augmentation aug) {
      this.augmentation = checkNotNull(aug, "aug");
      return this;
    }

    /**
     * An identity-preserving generation service that replaces face references by a new image of
     * the same person (default {@link ImageGenerator#none()}). Its failures follow the pipeline's
     * rules: a {@link dev.pvit.RetriableException} is retried, anything else rejects the input.
     *
     * @param generator the service
     * @return this builder
     */
    public Builder imageGenerator(ImageGenerator generator) {
      this.imageGenerator = checkNotNull(generator, "generator");
      return this;
    }

    /**
     * The names to draw from (default {@link NamePool#builtIn()}).
     *
     * @param pool the names
     * @return this builder
     */
    public Builder names(NamePool pool) {
      this.names = checkNotNull(pool, "pool");
      return this;
    }

    /**
     * The share of unanswerable samples (default 20 %).
     *
     * @param sampleMix the mix
     * @return this builder
     */
    public Builder mix(SampleMix sampleMix) {
      this.mix = checkNotNull(sampleMix, "sampleMix");
      return this;
    }

    /**
     * Template samples per scene (default 6).
     *
     * @param count at least 1
     * @return this builder
     */
    public Builder samplesPerScene(int count) {
      checkArgument(count >= 1, "samplesPerScene must be at least 1, got %s", count);
      this.samplesPerScene = count;
      return this;
    }

    /**
     * People from other images for absent-person negatives (default empty: those samples become
     * unknown-name negatives).
     *
     * @param referencePool the pool
     * @return this builder
     */
    public Builder referencePool(ReferencePool referencePool) {
      this.pool = checkNotNull(referencePool, "referencePool");
      return this;
    }

    /**
     * A model that writes extra QA (multiple choice, free-form, reasoning) from each fused
     * description, with the QA prompt of {@code prompts}.
     *
     * @param chatModel the model; not closed by the generator
     * @param pipelinePrompts the prompts
     * @return this builder
     */
    public Builder model(VisionChatModel chatModel, PipelinePrompts pipelinePrompts) {
      this.model = checkNotNull(chatModel, "chatModel");
      this.prompts = checkNotNull(pipelinePrompts, "pipelinePrompts");
      return this;
    }

    /**
     * Builds the generator.
     *
     * @return the generator
     */
    public SampleGenerator build() {
      return new SampleGenerator(this);
    }
  }
}
