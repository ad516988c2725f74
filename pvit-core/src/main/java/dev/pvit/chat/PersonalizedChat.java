package dev.pvit.chat;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Stopwatch;
import dev.pvit.chat.internal.EmbeddedAnswerer;
import dev.pvit.chat.internal.ParsedQuestion;
import dev.pvit.chat.internal.QuestionParser;
import dev.pvit.chat.internal.Refusals;
import dev.pvit.chat.internal.Reply;
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
  private final FaceEngine engine;
  private final boolean ownsEngine;
  private final FaceGallery gallery;
  private final long seed;
  private final EmbeddedAnswerer answerer;
  private final Map<String, Person> people = new LinkedHashMap<>();
  private volatile QuestionParser parser;

  private PersonalizedChat(Builder b) {
    this.ownsEngine = b.engine == null;
    this.engine = b.engine != null ? b.engine : FaceEngine.builder().attributes(true).build();
    try {
      this.gallery = b.gallery != null ? b.gallery
          : FaceGallery.builder().engine(engine).threshold(b.threshold).build();
      this.seed = b.seed;
      this.answerer = new EmbeddedAnswerer(checkNotNull(b.refusals, "refusals"));
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
    return ask(scene, null, question, List.of());
  }

  Answer ask(ImageInput scene, @Nullable SceneRecognition cached, String question, List<String> previousPeople) {
    checkNotNull(scene, "scene");
    checkNotNull(question, "question");
    Stopwatch recognitionClock = Stopwatch.createStarted();
    SceneRecognition recognition = cached != null ? cached : engine.recognize(scene, gallery);
    Duration recognitionTime = cached != null ? Duration.ZERO : recognitionClock.elapsed();
    ParsedQuestion parsed = parser.parse(question, previousPeople);
    Reply reply = answerer.answer(parsed, recognition, new Random(seed * 31 + question.hashCode()));
    return new Answer(reply.text(), reply.kind(), recognized(recognition), recognition.faces().size(),
        Backend.EMBEDDED, recognitionTime, Duration.ZERO, Answer.TokenCount.NONE);
  }

  List<String> mentionedPeople(String question, List<String> previousPeople) {
    return parser.parse(question, previousPeople).people();
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
   * @throws InvalidPersonException if a person with the same name or alias is registered
   * @throws dev.pvit.face.EnrollmentException if a reference photo has no usable face
   */
  public void addPerson(Person person) {
    checkNotNull(person, "person");
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
    synchronized (people) {
      for (Person p : people.values()) {
        for (String n : p.allNames()) {
          if (Person.matchKey(n).equals(key)) {
            return Optional.of(p.name());
          }
        }
      }
    }
    return Optional.empty();
  }

  private QuestionParser newParser() {
    Map<String, List<String>> names = new LinkedHashMap<>();
    synchronized (people) {
      people.values().forEach(p -> names.put(p.name(), p.allNames()));
    }
    return new QuestionParser(names);
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
    private @Nullable Refusals refusals;

    private Builder() {}

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
     * Uses an existing gallery, e.g. one loaded from a file; its people answer to their names
     * only for typed calls and recognition.
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

    Builder refusals(Refusals refusals) {
      this.refusals = refusals;
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
