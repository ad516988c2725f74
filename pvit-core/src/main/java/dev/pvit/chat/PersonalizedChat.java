package dev.pvit.chat;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Stopwatch;
import dev.pvit.chat.internal.EmbeddedAnswerer;
import dev.pvit.chat.internal.Grounding;
import dev.pvit.chat.internal.ModelRequests;
import dev.pvit.chat.internal.ParsedQuestion;
import dev.pvit.chat.internal.QuestionParser;
import dev.pvit.chat.internal.Refusals;
import dev.pvit.chat.internal.Reply;
import dev.pvit.client.VisionChatModel;
import dev.pvit.client.VisionChatResponse;
import dev.pvit.prompt.Exchange;
import dev.pvit.prompt.InputValidator;
import dev.pvit.prompt.InvalidPromptException;
import dev.pvit.prompt.PersonalizedPrompt;
import dev.pvit.prompt.RefusalClassifier;
import dev.pvit.prompt.RefusalKind;
import dev.pvit.prompt.Templates;
import dev.pvit.face.FaceEngine;
import dev.pvit.face.FaceGallery;
import dev.pvit.face.RecognizedFace;
import dev.pvit.face.SceneRecognition;
import dev.pvit.image.ImageInput;
import dev.pvit.person.InvalidPersonException;
import dev.pvit.person.Person;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Answers questions about registered people in scene photos.
 *
 * <p>The default is fully embedded: people are recognised locally with the bundled face models, and
 * presence, identification, position, counting and apparent expression/age questions are answered
 * without any server. Questions that need a vision-language model ("What is Bob holding?") get an
 * honest {@link AnswerKind#NEEDS_VISION_MODEL} answer that says who is where.
 *
 * <pre>{@code
 * try (PersonalizedChat chat = PersonalizedChat.builder()
 *         .person(Person.of("Alice", Path.of("alice1.jpg"), Path.of("alice2.jpg")))
 *         .person(Person.of("Bob", Path.of("bob.jpg")))
 *         .build()) {
 *   Answer a = chat.ask(Path.of("party.jpg"), "Is Alice in this photo?");
 *   System.out.println(a.text());
 * }
 * }</pre>
 *
 * <p>Thread-safe: one instance may serve many threads, and people may be added or removed while it
 * is in use. Face descriptors stay in memory unless {@link #saveGallery(Path)} is called.
 */
public final class PersonalizedChat implements AutoCloseable {
  /** Longest accepted question, in characters. */
  public static final int MAX_QUESTION_LENGTH = InputValidator.MAX_QUESTION_LENGTH;

  private static final Refusals TEMPLATE_REFUSALS = new Refusals() {
    @Override
    public String absent(String name, Random random) {
      return Templates.absentRefusal(name, random);
    }

    @Override
    public String unknown(String name, Random random) {
      return Templates.unknownRefusal(name, random);
    }
  };

  private final FaceEngine engine;
  private final boolean ownsEngine;
  private final FaceGallery gallery;
  private final long seed;
  private final EmbeddedAnswerer answerer;
  private final Backend backend;
  private final @Nullable VisionChatModel model;
  private final boolean groundedReferenceImages;
  private final RefusalClassifier refusalClassifier = RefusalClassifier.create();
  private final Map<String, Person> people = new LinkedHashMap<>();
  private final InputValidator input;
  private volatile QuestionParser parser;

  private PersonalizedChat(Builder b) {
    this.ownsEngine = b.engine == null;
    this.engine = b.engine != null ? b.engine : FaceEngine.builder().attributes(true).build();
    try {
      this.gallery = b.gallery != null ? b.gallery
          : FaceGallery.builder().engine(engine).threshold(b.threshold).build();
      this.seed = b.seed;
      this.answerer = new EmbeddedAnswerer(TEMPLATE_REFUSALS);
      this.backend = b.backend;
      this.model = b.model;
      this.groundedReferenceImages = b.groundedReferenceImages;
      this.input = InputValidator.builder().escapeReservedTokens(b.escape).build();
      gallery.names().forEach(input::name);
      for (Person p : b.people) {
        addPerson(p);
      }
      this.parser = newParser();
    } catch (RuntimeException e) {
      if (ownsEngine) {
        engine.close();
      }
      throw e;
    }
  }

  /**
   * A builder; with no further settings the chat is embedded and has no people.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Asks a question about a scene photo file.
   *
   * @param scene the photo
   * @param question the question, in English
   * @return the answer
   * @throws dev.pvit.image.InvalidImageException if the photo cannot be read
   */
  public Answer ask(Path scene, String question) {
    return ask(ImageInput.of(scene), question);
  }

  /**
   * Asks a question about a scene.
   *
   * @param scene the photo
   * @param question the question, in English
   * @return the answer
   * @throws dev.pvit.image.InvalidImageException if the photo cannot be decoded
   */
  public Answer ask(ImageInput scene, String question) {
    checkNotNull(scene, "scene");
    return ask(scene, () -> engine.recognize(scene, gallery), parse(question, List.of()), List.of());
  }

  /**
   * Checks and parses a question.
   *
   * @param question the question as asked
   * @param previousPeople people mentioned earlier in the conversation, most recent last
   * @return the parsed question
   */
  ParsedQuestion parse(String question, List<String> previousPeople) {
    return parser.parse(input.question(question), previousPeople);
  }

  /**
   * Answers a parsed question. Recognition comes from a supplier, so a conversation can reuse its
   * scene's recognition and in-context mode, which needs none, never runs it.
   */
  Answer ask(ImageInput scene, Supplier<SceneRecognition> recognize, ParsedQuestion parsed,
      List<Exchange> history) {
    String question = parsed.text();
    if (backend == Backend.IN_CONTEXT) {
      return inContext(scene, question, history);
    }
    Random random = new Random(seed * 31 + question.hashCode());
    Stopwatch recognitionClock = Stopwatch.createStarted();
    SceneRecognition recognition = recognize.get();
    Duration recognitionTime = recognitionClock.elapsed();
    if (backend == Backend.GROUNDED && !answeredLocally(parsed)) {
      Optional<Reply> refusal = answerer.refusal(parsed, recognition, random);
      if (refusal.isEmpty()) {
        return grounded(scene, recognition, recognitionTime, question, history);
      }
      return answer(refusal.get(), recognition, recognitionTime);
    }
    return answer(answerer.answer(parsed, recognition, random), recognition, recognitionTime);
  }

  private Answer answer(Reply reply, SceneRecognition recognition, Duration recognitionTime) {
    return new Answer(reply.text(), reply.kind(), recognized(recognition), recognition.faces().size(),
        backend, recognitionTime, Duration.ZERO, Optional.empty());
  }

  /** Recognition is the authority for who is where: a face-blind model cannot improve on it. */
  private static boolean answeredLocally(ParsedQuestion q) {
    return switch (q.intent()) {
      case PRESENCE, IDENTIFY, IDENTIFY_AT_POSITION, LOCATE, RELATIVE_POSITION, COUNT -> true;
      case EXPRESSION, AGE, DESCRIBE -> false;
    };
  }

  private Answer inContext(ImageInput scene, String question, List<Exchange> history) {
    PersonalizedPrompt.Builder prompt = PersonalizedPrompt.builder()
        .scene(scene).question(question).history(history);
    for (Person p : people()) {
      prompt.person(firstReferenceOnly(p));
    }
    ModelResult r = callModel(prompt.build());
    RefusalKind refusal = refusalClassifier.classify(r.response().text());
    AnswerKind kind = switch (refusal) {
      case ABSENT -> AnswerKind.PERSON_ABSENT;
      case UNKNOWN -> AnswerKind.PERSON_UNKNOWN;
      case NOT_A_REFUSAL -> AnswerKind.ANSWERED;
    };
    return new Answer(r.response().text(), kind, List.of(), -1, backend, Duration.ZERO, r.time(),
        Optional.ofNullable(r.response().usage()));
  }

  private Answer grounded(ImageInput scene, SceneRecognition recognition, Duration recognitionTime,
      String question, List<Exchange> history) {
    PersonalizedPrompt.Builder prompt = PersonalizedPrompt.builder()
        .systemPrompt(Grounding.SYSTEM_PROMPT)
        .scene(scene)
        .question(Grounding.describe(recognition) + "\n" + question)
        .history(history);
    if (groundedReferenceImages) {
      for (String name : recognition.recognizedPeople()) {
        person(name).ifPresent(p -> prompt.person(firstReferenceOnly(p)));
      }
    }
    ModelResult r = callModel(prompt.build());
    return new Answer(r.response().text(), AnswerKind.ANSWERED, recognized(recognition),
        recognition.faces().size(), backend, recognitionTime, r.time(),
        Optional.ofNullable(r.response().usage()));
  }

  private record ModelResult(VisionChatResponse response, Duration time) {}

  private ModelResult callModel(PersonalizedPrompt prompt) {
    VisionChatModel m = checkNotNull(model, "model");
    int images = prompt.images().size();
    int max = m.capabilities().maxImagesPerRequest();
    if (images > max) {
      throw new InvalidPromptException("This question needs " + images + " images (one reference per person "
          + "and the scene) but the model accepts " + max + " per request; raise the server's limit (e.g. "
          + "vLLM --limit-mm-per-prompt) or register fewer people.");
    }
    Stopwatch clock = Stopwatch.createStarted();
    VisionChatResponse response = m.chat(ModelRequests.of(prompt));
    return new ModelResult(response, clock.elapsed());
  }

  /** One reference per person keeps requests within servers' image limits. */
  private static Person firstReferenceOnly(Person p) {
    return new Person(p.name(), p.aliases(), p.facts(), p.references().subList(0, 1));
  }

  private Optional<Person> person(String name) {
    synchronized (people) {
      return Optional.ofNullable(people.get(name));
    }
  }

  /**
   * Recognises every face in a scene.
   *
   * @param scene the photo
   * @return faces with names or unknown
   */
  public SceneRecognition recognize(ImageInput scene) {
    return engine.recognize(checkNotNull(scene, "scene"), gallery);
  }

  /**
   * Whether a registered person is in a scene.
   *
   * @param scene the photo
   * @param name a registered name or alias
   * @return true if recognised
   * @throws UnknownPersonException if nobody of that name is registered
   */
  public boolean isPresent(ImageInput scene, String name) {
    return locate(scene, name).isPresent();
  }

  /**
   * The registered people in a scene, left to right.
   *
   * @param scene the photo
   * @return recognised people
   */
  public List<RecognizedPerson> whoIsIn(ImageInput scene) {
    return recognized(recognize(scene));
  }

  /**
   * Where a registered person is in a scene.
   *
   * @param scene the photo
   * @param name a registered name or alias
   * @return the person's face and position, or empty if absent
   * @throws UnknownPersonException if nobody of that name is registered
   */
  public Optional<RecognizedPerson> locate(ImageInput scene, String name) {
    String canonical = canonicalName(name).orElseThrow(() -> new UnknownPersonException(name));
    return whoIsIn(scene).stream().filter(p -> p.name().equals(canonical)).findFirst();
  }

  /**
   * Registers a person (enrolling their reference photos) while the chat is in use.
   *
   * @param person the person
   * @throws InvalidPersonException if a person with the same name or alias is registered, or a name
   *     contains prompt syntax (unless escaping)
   * @throws dev.pvit.face.EnrollmentException if a reference photo has no usable face
   */
  public void addPerson(Person person) {
    person = input.person(checkNotNull(person, "person"));
    synchronized (people) {
      for (String n : person.allNames()) {
        if (canonicalName(n).isPresent()) {
          throw new InvalidPersonException(
              "A person named '" + n + "' is already registered (names are compared ignoring case and accents).");
        }
      }
      gallery.enroll(person);
      people.put(person.name(), person);
      parser = newParser();
    }
  }

  /**
   * Unregisters a person and forgets their face descriptors.
   *
   * @param name the display name or an alias
   * @return true if someone was removed
   */
  public boolean removePerson(String name) {
    synchronized (people) {
      Optional<String> canonical = canonicalName(name);
      if (canonical.isEmpty()) {
        return false;
      }
      people.remove(canonical.get());
      gallery.remove(canonical.get());
      parser = newParser();
      return true;
    }
  }

  /**
   * Registered people, in registration order.
   *
   * @return the people
   */
  public List<Person> people() {
    synchronized (people) {
      return List.copyOf(people.values());
    }
  }

  /**
   * Writes the face descriptors of all registered people to a file (atomically, owner-only).
   * Descriptors are biometric data: store them only where your users agreed to.
   *
   * @param file the target file
   */
  public void saveGallery(Path file) {
    gallery.save(file);
  }

  /**
   * Starts a multi-turn conversation; its scene stays the subject until changed.
   *
   * @return a new conversation
   */
  public Conversation conversation() {
    return new Conversation(this);
  }

  @Override
  public void close() {
    if (ownsEngine) {
      engine.close();
    }
  }

  private Optional<String> canonicalName(String name) {
    String key = Person.matchKey(name);
    for (Map.Entry<String, List<String>> e : registeredNames().entrySet()) {
      for (String n : e.getValue()) {
        if (Person.matchKey(n).equals(key)) {
          return Optional.of(e.getKey());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Display name → all names, for people registered here and for people known only to a gallery
   * loaded from a file (they answer to their display name).
   */
  private Map<String, List<String>> registeredNames() {
    Map<String, List<String>> names = new LinkedHashMap<>();
    synchronized (people) {
      people.values().forEach(p -> names.put(p.name(), p.allNames()));
      for (String n : gallery.names()) {
        names.putIfAbsent(n, List.of(n));
      }
    }
    return names;
  }

  private QuestionParser newParser() {
    return new QuestionParser(registeredNames());
  }

  private static List<RecognizedPerson> recognized(SceneRecognition scene) {
    List<RecognizedPerson> out = new ArrayList<>();
    for (RecognizedFace f : scene.faces()) {
      f.name().ifPresent(n -> out.add(new RecognizedPerson(
          n, f.box(), f.distance(), Position.of(f.box().centerX(), scene.width()))));
    }
    return out;
  }

  /** Builder for {@link PersonalizedChat}. Not thread-safe. */
  public static final class Builder {
    private final List<Person> people = new ArrayList<>();
    private @Nullable FaceEngine engine;
    private @Nullable FaceGallery gallery;
    private double threshold = FaceGallery.DEFAULT_THRESHOLD;
    private long seed = 0;
    private Backend backend = Backend.EMBEDDED;
    private @Nullable VisionChatModel model;
    private boolean groundedReferenceImages = true;
    private boolean escape;

    private Builder() {}

    /**
     * Replaces reserved prompt tokens ({@code <image>}, {@code <|im_start|>}, role markers such as
     * {@code user:}) and control characters in names and questions by visible look-alikes instead of
     * refusing them (off by default). Either way the same rules apply to every backend, checked
     * before any recognition runs (see {@link InputValidator}).
     *
     * @param escape whether to escape
     * @return this builder
     */
    public Builder escapeReservedTokens(boolean escape) {
      this.escape = escape;
      return this;
    }

    /**
     * Registers a person.
     *
     * @param person the person
     * @return this builder
     */
    public Builder person(Person person) {
      people.add(checkNotNull(person, "person"));
      return this;
    }

    /**
     * Uses an existing face engine (not closed by the chat). By default the chat builds and owns
     * one with attribute estimation on.
     *
     * @param engine the engine
     * @return this builder
     */
    public Builder engine(FaceEngine engine) {
      this.engine = checkNotNull(engine, "engine");
      return this;
    }

    /**
     * Uses an existing gallery, e.g. one loaded from a file with {@code
     * FaceGallery.builder().engine(engine).load(path)}. Its people answer to their display names in
     * questions and typed calls; having no reference photos, they are not introduced in in-context
     * mode. The gallery's own threshold applies.
     *
     * @param gallery the gallery
     * @return this builder
     */
    public Builder gallery(FaceGallery gallery) {
      this.gallery = checkNotNull(gallery, "gallery");
      return this;
    }

    /**
     * Maximum descriptor distance at which a face counts as a registered person (default 0.6).
     *
     * @param threshold the distance threshold
     * @return this builder
     */
    public Builder threshold(double threshold) {
      this.threshold = threshold;
      return this;
    }

    /**
     * Seed for choosing among refusal phrasings, so answers are reproducible.
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * In-context (PVIT) mode: every question goes to the model with the personalized prefix (one
     * reference photo and introduction per registered person, then the scene). For PVIT-tuned
     * models; refusals are recognised in the model's text. No local recognition runs.
     *
     * @param model the vision-language model (not closed by the chat)
     * @return this builder
     */
    public Builder inContext(VisionChatModel model) {
      this.model = checkNotNull(model, "model");
      this.backend = Backend.IN_CONTEXT;
      return this;
    }

    /**
     * Grounded mode, for any off-the-shelf vision-language model: people are recognised locally;
     * refusals and who/where/how-many questions are answered locally without a model call; other
     * questions go to the model together with who is where (names, positions, boxes) and, by
     * default, each recognised person's reference photo.
     *
     * @param model the vision-language model (not closed by the chat)
     * @return this builder
     */
    public Builder grounded(VisionChatModel model) {
      this.model = checkNotNull(model, "model");
      this.backend = Backend.GROUNDED;
      return this;
    }

    /**
     * In grounded mode, whether to send each recognised person's reference photo with their name
     * (default true); turn off for servers that accept only one image per request.
     *
     * @param on whether to send reference photos
     * @return this builder
     */
    public Builder groundedReferenceImages(boolean on) {
      this.groundedReferenceImages = on;
      return this;
    }

    /**
     * Builds the chat, enrolling every person's reference photos.
     *
     * @return the chat
     * @throws dev.pvit.face.EnrollmentException if a reference photo has no usable face
     */
    public PersonalizedChat build() {
      return new PersonalizedChat(this);
    }
  }
}
