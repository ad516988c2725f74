package dev.pvit.prompt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.pvit.image.ImageInput;
import dev.pvit.person.InvalidPersonException;
import dev.pvit.person.Person;
import dev.pvit.prompt.internal.TokenGuard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * A personalized prompt: the PVIT prefix (for each person, their reference images and an
 * introduction), the scene image(s) and the question, with an optional system prompt and earlier
 * turns. Immutable and thread-safe once built.
 *
 * <p>The canonical form is {@link #messages()}: a system message (if any), then a first user message
 * whose {@link #segments()} are, for each person, [open wrapper], their reference images, their
 * introduction, [close wrapper]; then the scene images and the first user text. Earlier turns follow
 * as assistant/user messages and the question is the last user message. Text formats join segments
 * with a newline, so one person gives the released PVIT shape {@code
 * "<image>\nThis is Alice.\n<image>\nWhat is Alice holding?"}.
 *
 * <p>Names and free texts are data: a reserved token (the image placeholder, a wrapper token, a role
 * marker such as {@code USER:} or {@code <|im_start|>}) or a control character is rejected with an
 * exception naming the part, unless {@link Builder#escapeReservedTokens(boolean)} is set, in which case
 * reserved tokens are replaced by visible look-alikes ({@code <image>} → {@code ‹image›}, {@code
 * USER:} → {@code USER：}) and control characters in free text by visible stand-ins. Control
 * characters in names are always rejected (by {@link Person}).
 *
 * <pre>{@code
 * PersonalizedPrompt prompt = PersonalizedPrompt.builder()
 *     .person(Person.of("Alice", Path.of("alice.jpg")))
 *     .person(Person.of("Bob", Path.of("bob.jpg")))
 *     .scene(ImageInput.of(Path.of("party.jpg")))
 *     .question("What is Alice holding?")
 *     .randomIntroductions(42)          // seeded choice among Templates.introductions(FACE)
 *     .build();
 * List<PromptSegment> segments = prompt.segments();
 * }</pre>
 */
public final class PersonalizedPrompt {
  /** Longest accepted question, introduction, system prompt or history text, in code points. */
  public static final int MAX_TEXT_LENGTH = 20_000;

  private final List<PromptPerson> people;
  private final List<ImageInput> scenes;
  private final String question;
  private final @Nullable String systemPrompt;
  private final List<Exchange> history;
  private final WrapperTokens wrapperTokens;
  private final ImagePlaceholder imagePlaceholder;

  private PersonalizedPrompt(
      List<PromptPerson> people,
      List<ImageInput> scenes,
      String question,
      @Nullable String systemPrompt,
      List<Exchange> history,
      WrapperTokens wrapperTokens,
      ImagePlaceholder imagePlaceholder) {
    this.people = ImmutableList.copyOf(people);
    this.scenes = ImmutableList.copyOf(scenes);
    this.question = question;
    this.systemPrompt = systemPrompt;
    this.history = ImmutableList.copyOf(history);
    this.wrapperTokens = wrapperTokens;
    this.imagePlaceholder = imagePlaceholder;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this prompt's parts (introductions as literal text), for making variants.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b =
        new Builder()
            .scenes(scenes)
            .question(question)
            .history(history)
            .wrapperTokens(wrapperTokens)
            .imagePlaceholder(imagePlaceholder);
    if (systemPrompt != null) {
      b.systemPrompt(systemPrompt);
    }
    for (PromptPerson p : people) {
      b.person(p.person(), p.introduction());
    }
    return b;
  }

  /**
   * The people of the prefix, in order, with their introductions.
   *
   * @return immutable list, possibly empty
   */
  public List<PromptPerson> people() {
    return people;
  }

  /**
   * The scene images, in order (at least one).
   *
   * @return immutable list
   */
  public List<ImageInput> scenes() {
    return scenes;
  }

  /**
   * The question (the last user message).
   *
   * @return the question
   */
  public String question() {
    return question;
  }

  /**
   * The system prompt.
   *
   * @return the system prompt, if set
   */
  public Optional<String> systemPrompt() {
    return Optional.ofNullable(systemPrompt);
  }

  /**
   * Earlier turns, oldest first. The first exchange's question shares the first user message with
   * the prefix.
   *
   * @return immutable list, possibly empty
   */
  public List<Exchange> history() {
    return history;
  }

  /**
   * The wrapper tokens delimiting each person.
   *
   * @return the tokens
   */
  public WrapperTokens wrapperTokens() {
    return wrapperTokens;
  }

  /**
   * The placeholder text formats use for each image.
   *
   * @return the placeholder
   */
  public ImagePlaceholder imagePlaceholder() {
    return imagePlaceholder;
  }

  /**
   * The person with this name or alias (compared with {@link Person#matchKey(String)}).
   *
   * @param name a name or alias
   * @return the person, if introduced
   */
  public Optional<PromptPerson> person(String name) {
    String key = Person.matchKey(name);
    return people.stream()
        .filter(p -> p.person().allNames().stream().anyMatch(n -> Person.matchKey(n).equals(key)))
        .findFirst();
  }

  /**
   * All images in prompt order: every person's references, then the scenes.
   *
   * @return immutable list
   */
  public List<ImageInput> images() {
    ImmutableList.Builder<ImageInput> b = ImmutableList.builder();
    for (PromptPerson p : people) {
      b.addAll(p.person().references());
    }
    return b.addAll(scenes).build();
  }

  /**
   * The segments of the first user message: the personalized prefix, the scene images and the first
   * user text (the question, or the first history question when there is history).
   *
   * @return immutable ordered list of text and image segments
   */
  public List<PromptSegment> segments() {
    ImmutableList.Builder<PromptSegment> b = ImmutableList.builder();
    for (PromptPerson p : people) {
      if (!wrapperTokens.isNone()) {
        b.add(new PromptSegment.Text(wrapperTokens.open()));
      }
      ImageRole role = ImageRole.reference(p.person());
      for (ImageInput ref : p.person().references()) {
        b.add(new PromptSegment.Image(ref, role));
      }
      b.add(new PromptSegment.Text(p.introduction()));
      if (!wrapperTokens.isNone()) {
        b.add(new PromptSegment.Text(wrapperTokens.close()));
      }
    }
    ImageRole scene = ImageRole.scene();
    for (ImageInput s : scenes) {
      b.add(new PromptSegment.Image(s, scene));
    }
    b.add(new PromptSegment.Text(history.isEmpty() ? question : history.get(0).question()));
    return b.build();
  }

  /**
   * The whole conversation: optional system message, the first user message ({@link #segments()}),
   * then earlier answers and questions alternating, ending with the question as a user message.
   *
   * @return immutable ordered list of messages
   */
  public List<PromptMessage> messages() {
    ImmutableList.Builder<PromptMessage> b = ImmutableList.builder();
    if (systemPrompt != null) {
      b.add(text(PromptMessage.Role.SYSTEM, systemPrompt));
    }
    b.add(new PromptMessage(PromptMessage.Role.USER, segments()));
    for (int i = 0; i < history.size(); i++) {
      b.add(text(PromptMessage.Role.ASSISTANT, history.get(i).answer()));
      String next = i + 1 < history.size() ? history.get(i + 1).question() : question;
      b.add(text(PromptMessage.Role.USER, next));
    }
    return b.build();
  }

  private static PromptMessage text(PromptMessage.Role role, String text) {
    return new PromptMessage(role, List.of(new PromptSegment.Text(text)));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PersonalizedPrompt p
        && people.equals(p.people)
        && scenes.equals(p.scenes)
        && question.equals(p.question)
        && Objects.equals(systemPrompt, p.systemPrompt)
        && history.equals(p.history)
        && wrapperTokens.equals(p.wrapperTokens)
        && imagePlaceholder.equals(p.imagePlaceholder);
  }

  @Override
  public int hashCode() {
    return Objects.hash(people, scenes, question, systemPrompt, history, wrapperTokens, imagePlaceholder);
  }

  /** Names, image counts and the question; never image data. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("PersonalizedPrompt[people=[");
    for (int i = 0; i < people.size(); i++) {
      Person p = people.get(i).person();
      sb.append(i == 0 ? "" : ", ").append(p.name()).append(" (").append(p.references().size()).append(" images)");
    }
    return sb.append("], scenes=").append(scenes.size())
        .append(", history=").append(history.size())
        .append(", question=").append(question).append(']').toString();
  }

  /** Builder for {@link PersonalizedPrompt}. Not thread-safe. */
  public static final class Builder {
    private record Entry(Person person, @Nullable String introduction) {}

    private final List<Entry> people = new ArrayList<>();
    private final List<ImageInput> scenes = new ArrayList<>();
    private @Nullable String question;
    private @Nullable String systemPrompt;
    private final List<Exchange> history = new ArrayList<>();
    private WrapperTokens wrapperTokens = WrapperTokens.NONE;
    private ImagePlaceholder imagePlaceholder = ImagePlaceholder.LLAVA;
    private IntroStyle introStyle = IntroStyle.FACE;
    private String introTemplate = Templates.DEFAULT_INTRODUCTION;
    private @Nullable Long introSeed;
    private boolean escape;

    private Builder() {}

    /**
     * Adds a person; the introduction comes from the template settings.
     *
     * @param person the person
     * @return this builder
     */
    public Builder person(Person person) {
      people.add(new Entry(checkNotNull(person, "person"), null));
      return this;
    }

    /**
     * Adds a person with a literal introduction (used when reading released records).
     *
     * @param person the person
     * @param introduction the exact introduction text
     * @return this builder
     */
    public Builder person(Person person, String introduction) {
      people.add(new Entry(checkNotNull(person, "person"), checkNotNull(introduction, "introduction")));
      return this;
    }

    /**
     * Adds people in order.
     *
     * @param persons the people
     * @return this builder
     */
    public Builder people(List<Person> persons) {
      persons.forEach(this::person);
      return this;
    }

    /**
     * Adds a scene image (at least one is required).
     *
     * @param scene the image asked about
     * @return this builder
     */
    public Builder scene(ImageInput scene) {
      scenes.add(checkNotNull(scene, "scene"));
      return this;
    }

    /**
     * Adds scene images in order.
     *
     * @param images the images
     * @return this builder
     */
    public Builder scenes(List<ImageInput> images) {
      images.forEach(this::scene);
      return this;
    }

    /**
     * Sets the question (required).
     *
     * @param question the question about the scene
     * @return this builder
     */
    public Builder question(String question) {
      this.question = checkNotNull(question, "question");
      return this;
    }

    /**
     * Sets the system prompt.
     *
     * @param systemPrompt the system prompt
     * @return this builder
     */
    public Builder systemPrompt(String systemPrompt) {
      this.systemPrompt = checkNotNull(systemPrompt, "systemPrompt");
      return this;
    }

    /**
     * Adds an earlier turn.
     *
     * @param question what the user asked
     * @param answer what the assistant answered
     * @return this builder
     */
    public Builder exchange(String question, String answer) {
      history.add(new Exchange(question, answer));
      return this;
    }

    /**
     * Adds earlier turns, oldest first.
     *
     * @param exchanges the turns
     * @return this builder
     */
    public Builder history(List<Exchange> exchanges) {
      exchanges.forEach(e -> history.add(checkNotNull(e, "exchange")));
      return this;
    }

    /**
     * Sets the wrapper tokens ({@link WrapperTokens#NONE} by default).
     *
     * @param tokens the tokens
     * @return this builder
     */
    public Builder wrapperTokens(WrapperTokens tokens) {
      this.wrapperTokens = checkNotNull(tokens, "tokens");
      return this;
    }

    /**
     * Sets the image placeholder ({@link ImagePlaceholder#LLAVA} by default).
     *
     * @param placeholder the placeholder
     * @return this builder
     */
    public Builder imagePlaceholder(ImagePlaceholder placeholder) {
      this.imagePlaceholder = checkNotNull(placeholder, "placeholder");
      return this;
    }

    /**
     * Sets the template family used by {@link #randomIntroductions(long)} ({@link IntroStyle#FACE}
     * by default).
     *
     * @param style face or body crop wording
     * @return this builder
     */
    public Builder introStyle(IntroStyle style) {
      this.introStyle = checkNotNull(style, "style");
      return this;
    }

    /**
     * Uses one fixed introduction template for every person ({@value
     * Templates#DEFAULT_INTRODUCTION} by default) and turns off random introductions.
     *
     * @param template a template containing {@value Templates#NAME_SLOT} once
     * @return this builder
     */
    public Builder introTemplate(String template) {
      this.introTemplate = checkNotNull(template, "template");
      this.introSeed = null;
      return this;
    }

    /**
     * Picks each person's introduction at random from the {@link #introStyle(IntroStyle)} family,
     * reproducibly from the seed.
     *
     * @param seed the random seed
     * @return this builder
     */
    public Builder randomIntroductions(long seed) {
      this.introSeed = seed;
      return this;
    }

    /**
     * Escapes reserved tokens and control characters in names and texts instead of rejecting them
     * (off by default). See the class documentation for the replacements.
     *
     * @param escape whether to escape
     * @return this builder
     */
    public Builder escapeReservedTokens(boolean escape) {
      this.escape = escape;
      return this;
    }

    /**
     * Validates and builds the prompt.
     *
     * @return the prompt
     * @throws InvalidPromptException if the question or scene is missing, a text is invalid, people
     *     are duplicated, or the intro template lacks {@value Templates#NAME_SLOT}
     * @throws InvalidPersonException if a person's name or alias contains a reserved token
     */
    public PersonalizedPrompt build() {
      TokenGuard guard =
          TokenGuard.of(List.of(imagePlaceholder.token(), wrapperTokens.open(), wrapperTokens.close()));
      String ph = imagePlaceholder.token();
      if (!wrapperTokens.isNone()
          && (wrapperTokens.open().contains(ph) || wrapperTokens.close().contains(ph)
              || ph.contains(wrapperTokens.open()) || ph.contains(wrapperTokens.close()))) {
        throw new InvalidPromptException(
            "The wrapper tokens " + wrapperTokens + " overlap the image placeholder '" + ph
                + "'; choose tokens that do not contain each other.");
      }
      if (question == null) {
        throw new InvalidPromptException("No question was given; call question(...) before build().");
      }
      if (scenes.isEmpty()) {
        throw new InvalidPromptException("No scene image was given; call scene(...) before build().");
      }
      if (introSeed == null) {
        Templates.fill(introTemplate, "x");
      }
      Random random = new Random(introSeed == null ? 0L : introSeed);
      List<PromptPerson> resolved = new ArrayList<>();
      Map<String, String> seen = new HashMap<>();
      for (Entry e : people) {
        Person person = checkPerson(e.person(), guard);
        for (String n : person.allNames()) {
          String previous = seen.putIfAbsent(Person.matchKey(n), person.name());
          if (previous != null) {
            throw new InvalidPromptException(
                "Two people in the prompt share the name '" + n + "' ('" + previous + "' and '"
                    + person.name() + "'); names and aliases must be unique (ignoring case and accents).");
          }
        }
        String intro;
        if (e.introduction() != null) {
          intro = e.introduction();
        } else if (introSeed != null) {
          intro = Templates.introduction(introStyle, person.name(), random);
        } else {
          intro = Templates.fill(introTemplate, person.name());
        }
        resolved.add(new PromptPerson(person, checkText(intro, "introduction of '" + person.name() + "'", guard)));
      }
      String q = checkText(question, "question", guard);
      String sys = systemPrompt == null ? null : checkText(systemPrompt, "system prompt", guard);
      List<Exchange> hist = new ArrayList<>();
      for (int i = 0; i < history.size(); i++) {
        Exchange x = history.get(i);
        hist.add(
            new Exchange(
                checkText(x.question(), "question of history turn " + (i + 1), guard),
                checkText(x.answer(), "answer of history turn " + (i + 1), guard)));
      }
      return new PersonalizedPrompt(resolved, scenes, q, sys, hist, wrapperTokens, imagePlaceholder);
    }

    private Person checkPerson(Person person, TokenGuard guard) {
      String name = checkName(person.name(), "name of person '" + person.name() + "'", guard);
      List<String> aliases = new ArrayList<>();
      for (String a : person.aliases()) {
        aliases.add(checkName(a, "alias '" + a + "' of '" + person.name() + "'", guard));
      }
      if (name.equals(person.name()) && aliases.equals(person.aliases())) {
        return person;
      }
      return new Person(name, aliases, person.facts(), person.references());
    }

    private String checkName(String name, String what, TokenGuard guard) {
      Optional<TokenGuard.Match> m = guard.find(name);
      if (m.isEmpty()) {
        return name;
      }
      if (!escape) {
        throw new InvalidPersonException(
            "The " + what + " contains the reserved prompt token '" + m.get().token() + "' at position "
                + m.get().start() + "; a name cannot contain prompt syntax. Remove it, or call "
                + "escapeReservedTokens(true) to replace it with a look-alike.");
      }
      try {
        return guard.escape(name);
      } catch (IllegalArgumentException ex) {
        throw new InvalidPersonException("The " + what + " contains a reserved token that cannot be escaped: " + ex.getMessage());
      }
    }

    private String checkText(String raw, String what, TokenGuard guard) {
      String text = raw.replace("\r\n", "\n").replace('\r', '\n').strip();
      if (text.isEmpty()) {
        throw new InvalidPromptException("The " + what + " is empty or blank; give some text.");
      }
      int len = text.codePointCount(0, text.length());
      if (len > MAX_TEXT_LENGTH) {
        throw new InvalidPromptException(
            "The " + what + " is " + len + " characters long; the limit is " + MAX_TEXT_LENGTH + ".");
      }
      int control = TokenGuard.findControl(text, true);
      if (control >= 0) {
        if (!escape) {
          throw new InvalidPromptException(
              "The " + what + " contains the control or invisible character U+"
                  + String.format("%04X", text.codePointAt(control)) + " at position " + control
                  + "; remove it, or call escapeReservedTokens(true).");
        }
        text = TokenGuard.escapeControls(text, true);
      }
      Optional<TokenGuard.Match> m = guard.find(text);
      if (m.isPresent()) {
        if (!escape) {
          throw new InvalidPromptException(
              "The " + what + " contains the reserved prompt token '" + m.get().token()
                  + "' at position " + m.get().start() + "; it would change the prompt's structure. "
                  + "Remove it, or call escapeReservedTokens(true) to replace it with a look-alike.");
        }
        try {
          text = guard.escape(text);
        } catch (IllegalArgumentException ex) {
          throw new InvalidPromptException(
              "The " + what + " contains a reserved token that cannot be escaped: " + ex.getMessage());
        }
      }
      return text;
    }
  }
}
