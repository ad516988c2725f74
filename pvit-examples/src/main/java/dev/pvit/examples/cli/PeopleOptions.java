package dev.pvit.examples.cli;

import dev.pvit.image.ImageInput;
import dev.pvit.person.InvalidPersonException;
import dev.pvit.person.Person;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * Picocli mixin for registering people: {@code --person NAME=IMG[,IMG...]} (repeatable) and
 * {@code --people DIR} (one sub-folder per person, named after them, holding their photos).
 */
final class PeopleOptions {
  @Option(names = "--person", paramLabel = "NAME=IMG[,IMG...]",
      description = "A person and their reference photos (repeatable).")
  List<String> specs = new ArrayList<>();

  @Option(names = "--people", paramLabel = "DIR",
      description = "Folder with one sub-folder per person (the folder name is the person's name) of photos.")
  Path peopleDir;

  /**
   * The people given on the command line, in order: {@code --person} first, then {@code --people}.
   *
   * @return the people
   * @throws InvalidPersonException if a spec is malformed or a name is invalid
   * @throws dev.pvit.image.InvalidImageException if a photo cannot be read
   */
  List<Person> load() {
    List<Person> people = explicit();
    if (peopleDir != null) {
      people.addAll(fromFolder(peopleDir));
    }
    return people;
  }

  /**
   * The people given with {@code --person}, in order (each enrolled strictly: all photos or none).
   *
   * @return the people
   * @throws InvalidPersonException if a spec is malformed or a name is invalid
   */
  List<Person> explicit() {
    List<Person> people = new ArrayList<>();
    for (String spec : specs) {
      people.add(parse(spec));
    }
    return people;
  }

  static Person parse(String spec) {
    int eq = spec.lastIndexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new InvalidPersonException("--person '" + spec + "' is not NAME=IMG[,IMG...]");
    }
    List<ImageInput> images = new ArrayList<>();
    for (String file : spec.substring(eq + 1).split(",")) {
      if (!file.isBlank()) {
        images.add(ImageInput.of(Path.of(file.strip())));
      }
    }
    return new Person(spec.substring(0, eq), List.of(), List.of(), images);
  }

  static List<Person> fromFolder(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidPersonException("--people " + dir + " is not a folder");
    }
    List<Person> people = new ArrayList<>();
    try (Stream<Path> children = Files.list(dir)) {
      for (Path sub : children.filter(Files::isDirectory).sorted().toList()) {
        List<ImageInput> images = new ArrayList<>();
        try (Stream<Path> files = Files.list(sub)) {
          for (Path f : files.filter(PeopleOptions::isImageFile).sorted().toList()) {
            images.add(ImageInput.of(f));
          }
        }
        people.add(new Person(sub.getFileName().toString(), List.of(), List.of(), images));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    if (people.isEmpty()) {
      throw new InvalidPersonException("--people " + dir + " has no sub-folders; lay it out as DIR/<name>/*.jpg");
    }
    return people;
  }

  static boolean isImageFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(p) && (n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png")
        || n.endsWith(".bmp") || n.endsWith(".gif"));
  }
}
