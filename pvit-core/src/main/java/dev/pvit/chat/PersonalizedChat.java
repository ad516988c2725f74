package dev.pvit.chat;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.chat.internal.ChatRuntime;
import dev.pvit.chat.internal.EmbeddedAnswerer;
import dev.pvit.chat.internal.EmbeddedMode;
import dev.pvit.chat.internal.GroundedMode;
import dev.pvit.chat.internal.InContextMode;
import dev.pvit.chat.internal.ModeAnswerer;
import dev.pvit.chat.internal.ModelCaller;
import dev.pvit.chat.internal.ParsedQuestion;
import dev.pvit.chat.internal.QuestionParser;
import dev.pvit.chat.internal.Refusals;
import dev.pvit.chat.internal.Reply;
import dev.pvit.chat.internal.Request;
import dev.pvit.client.StreamListener;
import dev.pvit.client.VisionChatModel;
import dev.pvit.prompt.Exchange;
import dev.pvit.prompt.InputValidator;
import dev.pvit.prompt.InvalidPromptException;
import dev.pvit.face.FaceEngine;
import dev.pvit.face.FaceGallery;
import dev.pvit.face.SceneRecognition;
import dev.pvit.image.ImageInput;
import dev.pvit.person.InvalidPersonException;
import dev.pvit.person.Person;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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

  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private final FaceEngine engine;
  private final boolean ownsEngine;
  private final FaceGallery gallery;
  private final ModeAnswerer mode;
  private final ChatRuntime runtime;
  private final Map<String, Person> people = new LinkedHashMap<>();
  private final InputValidator input;
  private volatile QuestionParser parser;

  private PersonalizedChat(Builder b) {
    this.ownsEngine = b.engine == null;
    this.engine = b.engine != null ? b.engine : FaceEngine.builder().attributes(true).build();
    try {
      this.gallery = b.gallery != null ? b.gallery
          : Double.isNaN(b.threshold) ? FaceGallery.builder().engine(engine).build()
          : FaceGallery.builder().engine(engine).threshold(b.threshold).build();
      this.input = InputValidator.builder().escapeReservedTokens(b.escape).build();
      gallery.names().forEach(input::name);
      this.mode = mode(b);
      this.runtime = new ChatRuntime(b.listener, b.listenerQuestionText, b.backend, b.executor);
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
    return runtime.observe(question, false, () -> answer(scene, question, null));
  }

  /**
   * Asks a question and hands the reply to {@code tokens} as it is written: a model's tokens as
   * they arrive in grounded and in-context modes, a locally answered text as one piece. Blocks
   * until the answer is complete; to stop early, throw from the listener (the model call is
   * aborted) or interrupt the thread.
   *
   * <pre>{@code
   * Answer a = chat.ask(scene, "What is Alice holding?", token -> System.out.print(token));
   * }</pre>
   *
   * @param scene the photo
   * @param question the question, in English
   * @param tokens receives the reply piece by piece, in order, on the calling thread
   * @return the answer; its text is the concatenation of the pieces
   */
  public Answer ask(ImageInput scene, String question, StreamListener tokens) {
    checkNotNull(scene, "scene");
    ChatRuntime.TokenSink sink = ChatRuntime.tokens(tokens, null);
    return runtime.observe(question, true, () -> sink.finish(answer(scene, question, sink)));
  }

  /**
   * Asks a question on the chat's executor. {@code cancel(true)} or {@code orTimeout(...)} on the
   * returned future stops the work (a model call in flight is aborted). A saturated executor fails
   * the future with {@link ChatBusyException}.
   *
   * <pre>{@code
   * chat.askAsync(scene, "Who is in this photo?")
   *     .orTimeout(30, TimeUnit.SECONDS)
   *     .thenAccept(a -> show(a.text()));
   * }</pre>
   *
   * @param scene the photo
   * @param question the question, in English
   * @return the answer's future
   */
  public CompletableFuture<Answer> askAsync(ImageInput scene, String question) {
    checkNotNull(scene, "scene");
    return runtime.submit(question, false, DONE, task -> answer(scene, question, null));
  }

  /**
   * Asks a question on the chat's executor, handing the reply to {@code tokens} as it is written
   * (on the executor's thread, in order). Cancelling the future stops the stream: no piece is
   * delivered after {@code cancel} returns, and the model call is aborted.
   *
   * @param scene the photo
   * @param question the question, in English
   * @param tokens receives the reply piece by piece
   * @return the answer's future
   */
  public CompletableFuture<Answer> askAsync(ImageInput scene, String question, StreamListener tokens) {
    checkNotNull(scene, "scene");
    checkNotNull(tokens, "tokens");
    return runtime.submit(question, true, DONE, task -> {
      ChatRuntime.TokenSink sink = ChatRuntime.tokens(tokens, task);
      return sink.finish(answer(scene, question, sink));
    });
  }

  private Answer answer(ImageInput scene, String question, @Nullable StreamListener tokens) {
    return ask(scene, () -> engine.recognize(scene, gallery), parse(question, List.of()), List.of(), tokens);
  }

  /** What the chat wraps around answering: listener events, the async executor. */
  ChatRuntime runtime() {
    return runtime;
  }

  /**
   * Checks and parses a question.
   *
   * @param question the question as asked
   * @param earlier earlier questions of the conversation, oldest first (for pronouns and "And
   *     Leonard?")
   * @return the parsed question
   */
  ParsedQuestion parse(String question, List<ParsedQuestion> earlier) {
    return parser.parse(input.question(question), earlier);
  }

  /**
   * Answers a parsed question in the chat's mode. Recognition comes from a supplier, so a
   * conversation can reuse its scene's recognition and in-context mode, which needs none, never
   * runs it.
   */
  Answer ask(ImageInput scene, Supplier<SceneRecognition> recognize, ParsedQuestion parsed,
      List<Exchange> history, @Nullable StreamListener tokens) {
    return mode.answer(new Request(scene, recognize, parsed, history, tokens));
  }

  private ModeAnswerer mode(Builder b) {
    EmbeddedAnswerer local =
        new EmbeddedAnswerer(Refusals.TEMPLATES, () -> List.copyOf(registeredNames().keySet()));
    return switch (b.backend) {
      case EMBEDDED -> new EmbeddedMode(local, b.seed);
      case GROUNDED -> new GroundedMode(local, new ModelCaller(checkNotNull(b.model, "model")), this::person,
          b.groundedReferenceImages, b.seed);
      case IN_CONTEXT -> new InContextMode(new ModelCaller(checkNotNull(b.model, "model")), this::people);
    };
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
   * Whether a registered person is recognised in a scene. {@code false} means "not recognised", not
   * "certainly absent": an unnamed face may still resemble them ({@link
   * SceneRecognition#lookalikes}); {@link #ask} says "I can't tell" in that case, and {@link
   * #recognize} gives the faces to decide it yourself.
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
    return Reply.recognized(recognize(scene));
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

  /** Cancels asynchronous questions still pending, stops the default executor and releases the engine. */
  @Override
  public void close() {
    runtime.close();
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

  /** Builder for {@link PersonalizedChat}. Not thread-safe. */
  public static final class Builder {
    private final List<Person> people = new ArrayList<>();
    private @Nullable FaceEngine engine;
    private @Nullable FaceGallery gallery;
    /** NaN: the gallery's calibrated operating point. */
    private double threshold = Double.NaN;
    private long seed = 0;
    private Backend backend = Backend.EMBEDDED;
    private @Nullable VisionChatModel model;
    private boolean groundedReferenceImages = true;
    private @Nullable ChatListener listener;
    private boolean listenerQuestionText;
    private @Nullable Executor executor;
    private boolean escape;

    private Builder() {}

    /**
     * Observes every question: request, answer and error events with timings, kind, intent,
     * backend and token usage (nothing biometric or secret; see {@link ChatListener}).
     *
     * @param listener the observer
     * @return this builder
     */
    public Builder listener(ChatListener listener) {
      this.listener = checkNotNull(listener, "listener");
      return this;
    }

    /**
     * Whether listener events carry the question text (default false: questions may hold personal
     * data, so the application opts in).
     *
     * @param on whether to include the question text
     * @return this builder
     */
    public Builder listenerQuestionText(boolean on) {
      this.listenerQuestionText = on;
      return this;
    }

    /**
     * Runs {@code askAsync} questions on this executor (not shut down by the chat); it should be
     * bounded, and a rejection fails the question with {@link ChatBusyException}. Default: a pool
     * of 2 daemon threads with a queue of 32 questions, shut down with the chat.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = checkNotNull(executor, "executor");
      return this;
    }

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
     * A fixed maximum descriptor distance at which a face counts as a registered person (default:
     * none; thresholds are calibrated at {@link FaceGallery#DEFAULT_FALSE_ACCEPT_RATE}).
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
