package dev.pvit.pipeline.dataset;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.pvit.person.InvalidPersonException;
import dev.pvit.person.Person;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * First names to put into generated samples. The built-in pool holds over 800 common given names
 * from many cultures and regions; users can replace or extend it. Every name is validated with
 * {@link Person#validateName}, and names equal under {@link Person#matchKey} (e.g. "Zoe" and
 * "Zoë") are kept once, so a sample never introduces two people whose names a model would confuse.
 * Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * NamePool pool = NamePool.builtIn().with(NamePool.of(List.of("Kristina", "Travis")));
 * List<String> names = pool.sample(3, ctx.random());      // three distinct names
 * }</pre>
 */
public final class NamePool {
  private static final String RESOURCE = "names.txt";
  private static volatile NamePool builtIn;

  private final List<String> names;
  private final Set<String> keys;

  private NamePool(List<String> names) {
    this.names = ImmutableList.copyOf(names);
    Set<String> k = new HashSet<>();
    names.forEach(n -> k.add(Person.matchKey(n)));
    this.keys = Set.copyOf(k);
  }

  /**
   * The built-in pool.
   *
   * @return the pool, loaded once from the SDK's resources
   */
  public static NamePool builtIn() {
    NamePool p = builtIn;
    if (p == null) {
      try (InputStream in = NamePool.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("The SDK resource " + RESOURCE + " is missing from the classpath.");
        }
        p = parse(in, "built-in " + RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      builtIn = p;
    }
    return p;
  }

  /**
   * A pool of the given names, in order, without duplicates.
   *
   * @param names one or more names
   * @return the pool
   * @throws InvalidPersonException if a name is invalid
   * @throws IllegalArgumentException if no name is given
   */
  public static NamePool of(Collection<String> names) {
    checkNotNull(names, "names");
    Map<String, String> unique = new LinkedHashMap<>();
    for (String n : names) {
      String valid = Person.validateName(checkNotNull(n, "name"));
      unique.putIfAbsent(Person.matchKey(valid), valid);
    }
    checkArgument(!unique.isEmpty(), "A name pool needs at least one name.");
    return new NamePool(new ArrayList<>(unique.values()));
  }

  /**
   * Reads a pool from a UTF-8 text file: one name per line, blank lines and lines starting with
   * {@code #} ignored.
   *
   * @param file the file
   * @return the pool
   * @throws InvalidPersonException if a line holds an invalid name (the message gives the line)
   * @throws UncheckedIOException if the file cannot be read
   */
  public static NamePool load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read name file '" + file + "': " + e.getMessage(), e);
    }
  }

  private static NamePool parse(InputStream in, String source) throws IOException {
    List<String> names = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int lineNo = 0;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      lineNo++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      try {
        names.add(Person.validateName(t));
      } catch (InvalidPersonException e) {
        throw new InvalidPersonException("Line " + lineNo + " of " + source + ": " + e.getMessage());
      }
    }
    if (names.isEmpty()) {
      throw new InvalidPersonException("The name list " + source + " contains no names; add one per line.");
    }
    return of(names);
  }

  /**
   * This pool followed by the names of another that are not already in it.
   *
   * @param other more names
   * @return the union
   */
  public NamePool with(NamePool other) {
    List<String> all = new ArrayList<>(names);
    all.addAll(other.names);
    return of(all);
  }

  /**
   * The names, in pool order.
   *
   * @return an immutable list
   */
  public List<String> names() {
    return names;
  }

  /**
   * Number of distinct names.
   *
   * @return the size
   */
  public int size() {
    return names.size();
  }

  /**
   * Whether a name is in the pool, compared with {@link Person#matchKey}.
   *
   * @param name a name
   * @return true if present
   */
  public boolean contains(String name) {
    return keys.contains(Person.matchKey(name));
  }

  /**
   * Draws distinct names.
   *
   * @param count how many
   * @param random the random source; the result depends only on it and the pool
   * @return {@code count} distinct names in draw order
   * @throws IllegalArgumentException if the pool is smaller than {@code count}
   */
  public List<String> sample(int count, Random random) {
    return sample(count, random, List.of());
  }

  /**
   * Draws distinct names, none equal to an excluded one (e.g. names of people already introduced,
   * when drawing the never-introduced name of a refusal sample).
   *
   * @param count how many
   * @param random the random source
   * @param exclude names not to draw, compared with {@link Person#matchKey}
   * @return {@code count} distinct names in draw order
   * @throws IllegalArgumentException if fewer than {@code count} names remain
   */
  public List<String> sample(int count, Random random, Collection<String> exclude) {
    checkArgument(count >= 0, "count must not be negative, got %s", count);
    checkNotNull(random, "random");
    Set<String> excluded = new HashSet<>();
    exclude.forEach(n -> excluded.add(Person.matchKey(n)));
    List<String> candidates = new ArrayList<>(names.size());
    for (String n : names) {
      if (!excluded.contains(Person.matchKey(n))) {
        candidates.add(n);
      }
    }
    checkArgument(count <= candidates.size(),
        "Cannot draw %s distinct names from a pool of %s available names; add names to the pool.",
        count, candidates.size());
    // Partial Fisher–Yates: the first `count` positions become a uniform sample without repeats.
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(candidates.size() - i);
      String t = candidates.get(i);
      candidates.set(i, candidates.get(j));
      candidates.set(j, t);
    }
    return List.copyOf(candidates.subList(0, count));
  }

  @Override
  public String toString() {
    return "NamePool[" + names.size() + " names]";
  }
}
