package dev.pvit.bench.pbench;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * First names that replace the identities of a face set, so answers can only come from the
 * reference photos and never from a model that knows a celebrity.
 *
 * <pre>{@code
 * NamePool.Assignment a = NamePool.DEFAULT.assign(List.of("barack_obama", "joe_biden"), 7, 3);
 * a.nameOf("joe_biden");   // e.g. "Ximena"
 * a.strangers();           // three names nobody has
 * }</pre>
 *
 * @param names the pool
 */
public record NamePool(List<String> names) {
  /**
   * The data pipeline's built-in pool of common first names ({@link
   * dev.pvit.pipeline.dataset.NamePool#builtIn()}), as it is. Names that are also English words
   * (Rose, Joy, Mark, Grace) stay in: a user may register anyone, so such a name is a test for the
   * question parser, not a name to leave out.
   */
  public static final NamePool DEFAULT = new NamePool(dev.pvit.pipeline.dataset.NamePool.builtIn().names());

  /** Copies the list and checks that names are distinct. */
  public NamePool {
    names = List.copyOf(names);
    checkArgument(names.stream().distinct().count() == names.size(), "names in a pool must be distinct");
  }

  /**
   * Who is called what in one benchmark run.
   *
   * @param names identity id → assigned name, in identity order
   * @param strangers names given to nobody, for "unknown name" questions
   */
  public record Assignment(Map<String, String> names, List<String> strangers) {
    /** Copies the parts. */
    public Assignment {
      names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
      strangers = List.copyOf(strangers);
    }

    /**
     * The name given to an identity.
     *
     * @param identity the identity id
     * @return the name
     * @throws IllegalArgumentException if the identity has no name
     */
    public String nameOf(String identity) {
      String n = names.get(identity);
      checkArgument(n != null, "identity '%s' has no assigned name", identity);
      return n;
    }
  }

  /**
   * Gives every identity a distinct name, shuffled by the seed, and keeps some names back as
   * strangers.
   *
   * @param identities identity ids
   * @param seed the run's seed: the same seed gives the same names
   * @param strangers how many unused names to keep for unknown-name questions
   * @return the assignment
   * @throws IllegalArgumentException if the pool is too small
   */
  public Assignment assign(List<String> identities, long seed, int strangers) {
    checkArgument(identities.size() + strangers <= names.size(),
        "the name pool has %s names but %s identities and %s strangers need names",
        names.size(), identities.size(), strangers);
    List<String> shuffled = new ArrayList<>(names);
    Collections.shuffle(shuffled, new Random(seed));
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < identities.size(); i++) {
      out.put(identities.get(i), shuffled.get(i));
    }
    return new Assignment(out, shuffled.subList(identities.size(), identities.size() + strangers));
  }
}
