package dev.pvit.bench.pbench;

import static com.google.common.base.Preconditions.checkArgument;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the benchmark's names in an answer text: registered names and stranger names, as the answer
 * writes them. A name is matched with its capitalisation (so "May" the name is found in "May is on
 * the left" but not in "it may be"), as a whole word, possessives included ("May's jacket" mentions
 * May), longest name first (so "Mary Ann" is one mention, not also "Mary"), and never as the first part
 * of a hyphenated or apostrophe-joined word ("Anne-Marie" does not mention Anne). Text and names are
 * compared in Unicode NFC, so "Nguyễn" matches however it was composed.
 *
 * <pre>{@code
 * NameFinder f = NameFinder.of(List.of("May", "Mary Ann", "Will"));
 * f.find("Yes, Mary Ann and May's brother are here; it will rain.");   // Mary Ann, May
 * }</pre>
 */
public final class NameFinder {
  private static final String BEFORE = "(?<![\\p{L}\\p{M}\\p{N}'’\\-])";
  /** After a name: not more letters, not a hyphenated continuation, an apostrophe only for a possessive. */
  private static final String AFTER = "(?![\\p{L}\\p{M}\\p{N}]|[\\-‐][\\p{L}]|['’](?![sS](?![\\p{L}\\p{M}]))\\p{L})";

  private final List<String> names;
  private final List<Pattern> patterns;

  private NameFinder(List<String> names) {
    this.names = names;
    List<Pattern> ps = new ArrayList<>(names.size());
    for (String n : names) {
      StringBuilder re = new StringBuilder(BEFORE);
      String[] words = n.split("\\s+");
      for (int i = 0; i < words.length; i++) {
        re.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
      }
      ps.add(Pattern.compile(re.append(AFTER).toString()));
    }
    this.patterns = ps;
  }

  /**
   * A finder for these names.
   *
   * @param names the names (blank names are not allowed; duplicates are kept once)
   * @return the finder
   */
  public static NameFinder of(Collection<String> names) {
    LinkedHashSet<String> clean = new LinkedHashSet<>();
    for (String n : names) {
      checkArgument(!n.isBlank(), "a name to find must not be blank");
      clean.add(nfc(n.strip()));
    }
    List<String> ordered = new ArrayList<>(clean);
    ordered.sort(Comparator.comparingInt(String::length).reversed());
    return new NameFinder(List.copyOf(ordered));
  }

  /**
   * One mention of a name.
   *
   * @param name the name as given to {@link #of}
   * @param start where it starts in the NFC form of the text
   * @param end where it ends
   */
  public record Mention(String name, int start, int end) {}

  /**
   * The mentions in a text, in text order; overlapping shorter names are not reported.
   *
   * @param text any text
   * @return the mentions
   */
  public List<Mention> mentions(String text) {
    String t = nfc(text);
    boolean[] taken = new boolean[t.length() + 1];
    List<Mention> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Matcher m = patterns.get(i).matcher(t);
      while (m.find()) {
        boolean free = true;
        for (int k = m.start(); k < m.end() && free; k++) {
          free = !taken[k];
        }
        if (free) {
          for (int k = m.start(); k < m.end(); k++) {
            taken[k] = true;
          }
          out.add(new Mention(names.get(i), m.start(), m.end()));
        }
      }
    }
    out.sort(Comparator.comparingInt(Mention::start));
    return out;
  }

  /**
   * The distinct names a text mentions, in order of first mention.
   *
   * @param text any text
   * @return the names
   */
  public List<String> find(String text) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    mentions(text).forEach(m -> out.add(m.name()));
    return List.copyOf(out);
  }

  /**
   * The names this finder looks for, longest first.
   *
   * @return the names
   */
  public List<String> names() {
    return names;
  }

  static String nfc(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }
}
