package dev.pvit.langchain4j;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.pvit.PvitException;
import dev.pvit.chat.Answer;
import dev.pvit.chat.PersonalizedChat;
import dev.pvit.chat.Position;
import dev.pvit.chat.RecognizedPerson;
import dev.pvit.chat.UnknownPersonException;
import dev.pvit.face.Box;
import dev.pvit.face.RecognizedFace;
import dev.pvit.face.SceneRecognition;
import dev.pvit.image.ImageInput;
import dev.pvit.langchain4j.internal.PhotoAccessException;
import dev.pvit.langchain4j.internal.PhotoResolver;
import dev.pvit.person.Person;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PersonalizedChat} as LangChain4j tools, so an {@code AiServices} agent can answer "is
 * Grandma in this photo?" about the people the application registered: who is in a photo, whether
 * a person is there, where they are, how many people a photo shows, who is registered, and any
 * other question about a photo (answered by the chat's own mode).
 *
 * <p><b>Photos are opened only where the application allows.</b> The model passes a photo as a path
 * (relative to an allowed folder, or absolute inside one) or, if the application allowed URL
 * prefixes, as an http(s) URL under one of them. Real paths are compared after resolving symbolic
 * links; {@code ..}, paths outside the folders, links that escape them, directories and files that
 * are not images are refused. Every failure comes back to the model as a short tool result that says
 * what went wrong, never as a stack trace.
 *
 * <pre>{@code
 * interface Assistant { String chat(String message); }
 *
 * PersonalizedVisionTools tools = PersonalizedVisionTools.builder(chat)
 *     .photoFolder(Path.of("/srv/family-photos"))
 *     .build();
 * Assistant assistant = AiServices.builder(Assistant.class)
 *     .chatModel(openAiModel)
 *     .tools(tools)
 *     .build();
 * assistant.chat("Is Grandma in 2024/beach.jpg?");
 * }</pre>
 *
 * <p>Thread-safe. The chat is not closed by the tools.
 */
public final class PersonalizedVisionTools {
  private static final Logger LOG = LoggerFactory.getLogger(PersonalizedVisionTools.class);
  private static final int MAX_ECHO = 120;
  private static final String PHOTO = "the photo: a path inside the allowed photo folders, or an allowed URL";

  private final PersonalizedChat chat;
  private final PhotoResolver photos;

  private PersonalizedVisionTools(Builder b) {
    this.chat = b.chat;
    try {
      this.photos = new PhotoResolver(b.folders, b.urlPrefixes, b.urlTimeout);
    } catch (IllegalArgumentException e) {
      throw new dev.pvit.client.InvalidModelConfigException(e.getMessage());
    }
  }

  /**
   * A builder for tools over a chat.
   *
   * @param chat the chat whose registered people the tools recognise (not closed by the tools)
   * @return a new builder
   */
  public static Builder builder(PersonalizedChat chat) {
    return new Builder(chat);
  }

  /**
   * Who of the registered people is in a photo, left to right.
   *
   * @param photo the photo's path or allowed URL
   * @return the answer for the model
   */
  @Tool(name = "whoIsInPhoto", value = "Lists which of the people registered with this app are in a photo, "
      + "from left to right, and how many other faces it shows.")
  public String whoIsInPhoto(@P(name = "photo", value = PHOTO) String photo) {
    return withPhoto(photo, image -> {
      SceneRecognition scene = chat.recognize(image);
      List<RecognizedPerson> people = recognized(scene);
      if (scene.faces().isEmpty()) {
        return "No face was found in the photo, so nobody can be recognised.";
      }
      int others = scene.faces().size() - people.size();
      if (people.isEmpty()) {
        return scene.faces().size() + faces(scene.faces().size()) + " found; none of them was recognised as a registered"
            + " person.";
      }
      return "Registered people in the photo, from left to right: " + people.stream()
          .map(p -> p.name() + " (" + p.position().label() + ")").collect(Collectors.joining(", ")) + "."
          + (others > 0 ? " " + others + " more" + faces(others) + (others == 1
              ? " is not recognised as a registered person." : " are not recognised as registered people.") : "");
    });
  }

  /**
   * Whether a registered person is in a photo.
   *
   * @param name the person's registered name or alias
   * @param photo the photo's path or allowed URL
   * @return the answer for the model
   */
  @Tool(name = "isPersonInPhoto", value = "Tells whether a person registered with this app is in a photo, "
      + "and where.")
  public String isPersonInPhoto(@P(name = "name", value = "the person's registered name") String name,
      @P(name = "photo", value = PHOTO) String photo) {
    return withPerson(name, photo, (image, found) -> found
        .map(p -> "Yes, " + p.name() + " is in the photo, on the " + p.position().label() + ".")
        .orElse(null));
  }

  /**
   * Where a registered person is in a photo.
   *
   * @param name the person's registered name or alias
   * @param photo the photo's path or allowed URL
   * @return the answer for the model
   */
  @Tool(name = "whereIsPerson", value = "Tells where in a photo a person registered with this app is: left, "
      + "center or right, with their face box in pixels.")
  public String whereIsPerson(@P(name = "name", value = "the person's registered name") String name,
      @P(name = "photo", value = PHOTO) String photo) {
    return withPerson(name, photo, (image, found) -> found.map(p -> {
      Box b = p.box();
      return String.format(Locale.ROOT, "%s is on the %s of the photo (face box x=%d, y=%d, width=%d, height=%d "
          + "in a %dx%d image).", p.name(), p.position().label(), Math.round(b.x()), Math.round(b.y()),
          Math.round(b.width()), Math.round(b.height()), image.width(), image.height());
    }).orElse(null));
  }

  /**
   * How many faces a photo shows and how many of them are registered people.
   *
   * @param photo the photo's path or allowed URL
   * @return the answer for the model
   */
  @Tool(name = "countPeopleInPhoto", value = "Counts the faces in a photo and how many of them are people "
      + "registered with this app.")
  public String countPeopleInPhoto(
      @P(name = "photo", value = PHOTO) String photo) {
    return withPhoto(photo, image -> {
      SceneRecognition scene = chat.recognize(image);
      List<String> names = scene.faces().stream().filter(RecognizedFace::isKnown)
          .map(f -> f.name().orElseThrow()).toList();
      int n = scene.faces().size();
      return n + faces(n) + " in the photo; " + (names.isEmpty() ? "none of them was recognised as a registered person."
          : names.size() + " of them " + (names.size() == 1 ? "is a registered person: " : "are registered people: ")
              + String.join(", ", names) + ".");
    });
  }

  /**
   * The people registered with the application.
   *
   * @return the answer for the model
   */
  @Tool(name = "registeredPeople", value = "Lists the people registered with this app, whom the other tools "
      + "can recognise.")
  public String registeredPeople() {
    List<Person> people = chat.people();
    if (people.isEmpty()) {
      return "Nobody is registered.";
    }
    return people.size() + (people.size() == 1 ? " person is" : " people are") + " registered: "
        + people.stream().map(Person::name).collect(Collectors.joining(", ")) + ".";
  }

  /**
   * Any question about a photo, answered by the chat in its configured mode.
   *
   * @param photo the photo's path or allowed URL
   * @param question the question, in English
   * @return the answer for the model, with its kind
   */
  @Tool(name = "askAboutPhoto", value = "Answers a question about the registered people in a photo (e.g. what "
      + "someone is holding or how they look). The answer starts with its kind in brackets.")
  public String askAboutPhoto(
      @P(name = "photo", value = PHOTO) String photo,
      @P(name = "question", value = "the question, in English, naming people by their registered names") String question) {
    return withPhoto(photo, image -> {
      Answer a = chat.ask(image, question);
      return "[" + a.kind() + "] " + a.text();
    });
  }

  @FunctionalInterface
  private interface PersonAnswer {
    /** The answer when the person was found, or null for the caller's "not there" wording. */
    @org.jspecify.annotations.Nullable String answer(ImageInput image, Optional<RecognizedPerson> found);
  }

  private String withPerson(String name, String photo, PersonAnswer answer) {
    if (name == null || name.isBlank()) {
      return "No name was given; pass the person's registered name.";
    }
    return withPhoto(photo, image -> {
      SceneRecognition scene = chat.recognize(image);
      Optional<RecognizedPerson> found;
      try {
        found = locate(image, scene, name);
      } catch (UnknownPersonException e) {
        return "Nobody called '" + echo(name) + "' is registered, so they cannot be recognised. "
            + registeredPeople();
      }
      String yes = answer.answer(image, found);
      if (yes != null) {
        return yes;
      }
      if (scene.faces().isEmpty()) {
        return "No face was found in the photo, so it cannot be told whether " + echo(name) + " is there.";
      }
      List<RecognizedFace> like = scene.lookalikes(displayName(name));
      if (!like.isEmpty()) {
        return "Cannot tell: " + echo(name) + " was not recognised, but " + (like.size() == 1 ? "the face " : "the faces ")
            + like.stream().map(f -> Position.of(f.box().centerX(), scene.width()).label()).distinct()
                .collect(Collectors.joining(" and ")) + (like.size() == 1 ? " resembles " : " resemble ") + echo(name)
            + " too closely to rule them out and not closely enough to be sure. Do not say that " + echo(name)
            + " is absent.";
      }
      return "No, " + echo(name) + " is not in the photo (" + scene.faces().size() + faces(scene.faces().size())
          + " found, none of them is " + echo(name) + ").";
    });
  }

  /** The registered person a name or alias belongs to, among the people the chat was built with. */
  private Optional<Person> registered(String name) {
    String key = Person.matchKey(name);
    return chat.people().stream().filter(p -> p.allNames().stream().anyMatch(n -> Person.matchKey(n).equals(key)))
        .findFirst();
  }

  /** The registered display name for a name or alias of a registered person, else the name as given. */
  private String displayName(String name) {
    return registered(name).map(Person::name).orElse(name);
  }

  /** Resolves names with the recognition already computed; only unusual names need a second pass. */
  private Optional<RecognizedPerson> locate(ImageInput image, SceneRecognition scene, String name) {
    Optional<Person> p = registered(name);
    if (p.isPresent()) {
      return recognized(scene).stream().filter(r -> r.name().equals(p.get().name())).findFirst();
    }
    // A person known only to a loaded gallery: the chat resolves the name (or says it is unknown).
    return chat.locate(image, name);
  }

  private String withPhoto(String photo, Function<ImageInput, String> body) {
    ImageInput image;
    try {
      image = photos.open(photo).image();
    } catch (PhotoAccessException e) {
      return "Cannot use this photo: " + e.getMessage();
    }
    try {
      return body.apply(image);
    } catch (dev.pvit.RetriableException e) {
      return "The analysis failed for now and may work if tried again later: " + e.getMessage();
    } catch (PvitException e) {
      return "The photo could not be analysed: " + e.getMessage();
    } catch (RuntimeException e) {
      LOG.warn("A vision tool call failed unexpectedly ({})", e.getClass().getName(), e);
      return "The photo could not be analysed because of an internal error; the application's log has details.";
    }
  }

  private static String faces(int n) {
    return n == 1 ? " face" : " faces";
  }

  /** The registered people of a recognition, left to right, as the chat's typed calls report them. */
  private static List<RecognizedPerson> recognized(SceneRecognition scene) {
    return scene.faces().stream().filter(RecognizedFace::isKnown)
        .map(f -> new RecognizedPerson(f.name().orElseThrow(), f.box(), f.distance(),
            Position.of(f.box().centerX(), scene.width())))
        .toList();
  }

  private static String echo(String s) {
    String t = s.strip().replaceAll("\\p{Cntrl}", " ");
    return t.length() > MAX_ECHO ? t.substring(0, MAX_ECHO) + "…" : t;
  }

  /** Builder for {@link PersonalizedVisionTools}. Not thread-safe. */
  public static final class Builder {
    private final PersonalizedChat chat;
    private final List<Path> folders = new ArrayList<>();
    private final List<URI> urlPrefixes = new ArrayList<>();
    private Duration urlTimeout = Duration.ofSeconds(20);

    private Builder(PersonalizedChat chat) {
      this.chat = requireNonNull(chat, "chat");
    }

    /**
     * Allows photos in a folder and its subfolders (after resolving symbolic links). Relative photo
     * paths are looked up in the folders in the order they were added.
     *
     * @param folder an existing folder
     * @return this builder
     */
    public Builder photoFolder(Path folder) {
      folders.add(requireNonNull(folder, "folder"));
      return this;
    }

    /**
     * Allows photos downloaded from http(s) URLs that start with this prefix (same scheme, host and
     * port; path under the prefix's path). Redirects are not followed. By default no URL is allowed.
     *
     * @param prefix e.g. {@code "https://photos.example.com/albums/"}
     * @return this builder
     */
    public Builder allowUrlPrefix(String prefix) {
      requireNonNull(prefix, "prefix");
      try {
        urlPrefixes.add(URI.create(prefix));
      } catch (IllegalArgumentException e) {
        throw new dev.pvit.client.InvalidModelConfigException("URL prefix '" + prefix + "' is not a valid URL.");
      }
      return this;
    }

    /**
     * Timeout for connecting to and downloading a photo from an allowed URL (default 20 s).
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder urlTimeout(Duration timeout) {
      requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new dev.pvit.client.InvalidModelConfigException("urlTimeout must be positive, got " + timeout + ".");
      }
      this.urlTimeout = timeout;
      return this;
    }

    /**
     * Builds the tools.
     *
     * @return the tools
     * @throws dev.pvit.client.InvalidModelConfigException if no folder and no URL prefix was given, a
     *     folder does not exist or a prefix is not an http(s) URL
     */
    public PersonalizedVisionTools build() {
      if (folders.isEmpty() && urlPrefixes.isEmpty()) {
        throw new dev.pvit.client.InvalidModelConfigException(
            "PersonalizedVisionTools needs at least one photoFolder(...) or allowUrlPrefix(...).");
      }
      return new PersonalizedVisionTools(this);
    }
  }
}
