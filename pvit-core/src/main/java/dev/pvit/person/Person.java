package dev.pvit.person;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.pvit.image.ImageInput;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A registered person: a display name, optional aliases and free-text facts, and one or more
 * reference photos of their face.
 *
 * <p>A name is data, never prompt syntax: it must be non-blank, at most {@value #MAX_NAME_LENGTH}
 * characters, and free of control characters. Reserved prompt tokens are checked by the prompt
 * builders, which know which tokens the target model uses. Unicode names (Zoë, 李雷, Ngọc) are
 * welcome. Instances are immutable.
 *
 * <pre>{@code
 * Person alice = Person.of("Alice", Path.of("alice1.jpg"), Path.of("alice2.jpg"));
 * Person bob = Person.builder().name("Bob").alias("Bobby").fact("Alice's brother")
 *     .reference(ImageInput.of(Path.of("bob.jpg"))).build();
 * }</pre>
 *
 * @param name the display name, trimmed
 * @param aliases other names the person answers to (e.g. nicknames)
 * @param facts free-text facts, e.g. "Alice's brother"
 * @param references reference photos, at least one
 */
public record Person(
    String name, List<String> aliases, List<String> facts, List<ImageInput> references) {

  /** Longest accepted name or alias, in characters (code points). */
  public static final int MAX_NAME_LENGTH = 64;

  /** Longest accepted fact, in characters (code points). */
  public static final int MAX_FACT_LENGTH = 500;

  /**
   * Validates and copies the parts.
   *
   * @throws InvalidPersonException if the name, an alias or a fact is invalid, an alias repeats a
   *     name, or there is no reference photo
   */
  public Person {
    checkNotNull(name, "name");
    name = checkName(name, "name");
    String personName = name;
    List<String> cleanAliases = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    seen.add(matchKey(name));
    for (String alias : checkNotNull(aliases, "aliases")) {
      String a = checkName(checkNotNull(alias, "alias"), "alias of '" + personName + "'");
      if (!seen.add(matchKey(a))) {
        throw new InvalidPersonException(
            "Alias '" + a + "' of '" + personName + "' repeats a name or alias already given.");
      }
      cleanAliases.add(a);
    }
    aliases = ImmutableList.copyOf(cleanAliases);
    List<String> cleanFacts = new ArrayList<>();
    for (String fact : checkNotNull(facts, "facts")) {
      cleanFacts.add(checkText(checkNotNull(fact, "fact"), "fact about '" + personName + "'", MAX_FACT_LENGTH));
    }
    facts = ImmutableList.copyOf(cleanFacts);
    checkNotNull(references, "references");
    if (references.isEmpty()) {
      throw new InvalidPersonException(
          "Person '" + name + "' has no reference photo; give at least one photo of their face.");
    }
    references = ImmutableList.copyOf(references);
  }

  /**
   * A person with reference photo files.
   *
   * @param name the display name
   * @param references one or more photo files
   * @return the person
   * @throws InvalidPersonException if the name is invalid or no photo is given
   * @throws dev.pvit.image.InvalidImageException if a photo cannot be read
   */
  public static Person of(String name, Path... references) {
    List<ImageInput> images = new ArrayList<>();
    for (Path p : references) {
      images.add(ImageInput.of(p));
    }
    return new Person(name, List.of(), List.of(), images);
  }

  /**
   * A person with reference images.
   *
   * @param name the display name
   * @param references one or more images
   * @return the person
   * @throws InvalidPersonException if the name is invalid or no image is given
   */
  public static Person of(String name, ImageInput... references) {
    return new Person(name, List.of(), List.of(), List.of(references));
  }

  /**
   * A builder for people with aliases or facts.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * All names this person answers to: the display name first, then the aliases.
   *
   * @return names in order
   */
  public List<String> allNames() {
    return ImmutableList.<String>builder().add(name).addAll(aliases).build();
  }

  /**
   * The key under which names are compared: Unicode-normalised (NFKC), case-folded and with
   * diacritics removed, so "zoe", "Zoë" and "ZOË" are the same person.
   *
   * @param name a name
   * @return its comparison key
   */
  public static String matchKey(String name) {
    String decomposed = Normalizer.normalize(name.strip(), Normalizer.Form.NFKD);
    StringBuilder sb = new StringBuilder(decomposed.length());
    decomposed.codePoints()
        .filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK)
        .forEach(sb::appendCodePoint);
    return Normalizer.normalize(sb, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ");
  }

  /**
   * Checks a name with the rules every {@code Person} name follows (non-blank, at most {@value
   * #MAX_NAME_LENGTH} characters, at least one letter or digit, no control or invisible characters).
   *
   * @param name a candidate name
   * @return the name, trimmed
   * @throws InvalidPersonException if the name breaks a rule; the message says which
   */
  public static String validateName(String name) {
    checkNotNull(name, "name");
    return checkName(name, "name");
  }

  private static String checkName(String raw, String what) {
    String n = checkText(raw, what, MAX_NAME_LENGTH);
    if (n.codePoints().noneMatch(Character::isLetterOrDigit)) {
      throw new InvalidPersonException(
          "The " + what + " '" + n + "' has no letter or digit; use the person's name.");
    }
    return n;
  }

  private static String checkText(String raw, String what, int maxLength) {
    String s = raw.strip();
    if (s.isEmpty()) {
      throw new InvalidPersonException("The " + what + " is empty or blank; give some text.");
    }
    int len = s.codePointCount(0, s.length());
    if (len > maxLength) {
      throw new InvalidPersonException(
          "The " + what + " is " + len + " characters long; the limit is " + maxLength + ".");
    }
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int type = Character.getType(cp);
      if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED
          || type == Character.SURROGATE || type == Character.PRIVATE_USE) {
        throw new InvalidPersonException(
            "The " + what + " contains the control or invisible character U+"
                + String.format("%04X", cp) + " at position " + i + "; remove it.");
      }
      i += Character.charCount(cp);
    }
    return s;
  }

  /** Builder for {@link Person}. Not thread-safe. */
  public static final class Builder {
    private String name = "";
    private final List<String> aliases = new ArrayList<>();
    private final List<String> facts = new ArrayList<>();
    private final List<ImageInput> references = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the display name (required).
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = checkNotNull(name, "name");
      return this;
    }

    /**
     * Adds an alias.
     *
     * @param alias another name
     * @return this builder
     */
    public Builder alias(String alias) {
      aliases.add(checkNotNull(alias, "alias"));
      return this;
    }

    /**
     * Adds a free-text fact.
     *
     * @param fact e.g. "Alice's brother"
     * @return this builder
     */
    public Builder fact(String fact) {
      facts.add(checkNotNull(fact, "fact"));
      return this;
    }

    /**
     * Adds a reference image (at least one is required).
     *
     * @param image a photo of the person's face
     * @return this builder
     */
    public Builder reference(ImageInput image) {
      references.add(checkNotNull(image, "image"));
      return this;
    }

    /**
     * Adds a reference photo file.
     *
     * @param path a photo of the person's face
     * @return this builder
     */
    public Builder reference(Path path) {
      return reference(ImageInput.of(path));
    }

    /**
     * Builds the person.
     *
     * @return the person
     * @throws InvalidPersonException if a part is invalid
     */
    public Person build() {
      return new Person(name, aliases, facts, references);
    }
  }
}
