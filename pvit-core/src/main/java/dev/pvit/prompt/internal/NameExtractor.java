package dev.pvit.prompt.internal;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovers a person's name from an introduction sentence ("This is a photo of Kristina.", "Here is
 * Kristina in a photo.", "This is Kristina's portrait.", "Meet Kristina.", "Kristina is shown
 * here.").
 *
 * <p>Configured templates are matched exactly (the most specific wins). Without templates the
 * sentence is parsed: an introduction is a <em>frame</em> of closed-class words (determiners,
 * pronouns, image nouns such as photo/portrait/headshot, presentational verbs such as is/shows/
 * features/depicts/meet/see, the markers of/featuring/named/called/to) around the name. The frame's
 * left part ends in an introducer (a copula, a presentational verb or a marker); its right part, if
 * any, starts with a possessive ({@code 's}), a preposition (in/from/by/to), a verb (is shown, looks)
 * or a comma. The name is what the frame leaves; a sentence-opening word is never the name. Names
 * are arbitrary strings, so when the frame can be read more than one way (the name is itself a frame
 * word, or the left-over mixes capitalised and lower-case words) the text of the rest of the record
 * decides, and otherwise the extractor answers "ambiguous" rather than guessing.
 */
public final class NameExtractor {
  private static final String NAME_SLOT = "{name}";

  /** Words an introduction is built from, apart from the name. */
  private static final Set<String> FRAME =
      words("this", "that", "these", "those", "here", "there", "the", "a", "an", "is", "are", "was", "be", "it",
          "you", "we", "me", "us", "can", "could", "please", "let", "allow", "take", "have", "has", "get", "to",
          "of", "in", "on", "at", "by", "from", "with", "up", "above", "below", "close", "closely", "close-up",
          "view", "look", "looks", "looking", "like", "what", "how", "whose", "who", "see", "seen", "meet", "say",
          "hello", "hi", "hey", "greet", "know", "remember", "introduce", "introduces", "introducing",
          "introduced", "named", "called", "name", "goes", "go", "person", "man", "woman", "girl", "boy",
          "individual", "one", "subject", "face", "faces", "features", "crop", "cropped", "shot", "photo",
          "photograph", "picture", "image", "portrait", "headshot", "mugshot", "snapshot", "selfie", "pic",
          "capture", "captured", "reference", "camera", "facing", "show", "shows", "shown", "showing",
          "featuring", "featured", "depicts", "depicting", "depicted", "captures", "capturing", "highlights",
          "highlighting", "highlighted", "presents", "presenting", "presented", "portrays", "portraying",
          "portrayed", "displays", "displaying", "displayed", "pictured", "belongs", "belong", "'s", "'", ":",
          ",", "everyone", "everybody", "all", "our", "my", "your", "our", "new", "friend", "image's",
          "photo's", "stars", "starring", "contains", "includes", "appears", "appearing", "standing", "below",
          "right", "now", "just", "again", "clear", "recent", "close", "good", "nice", "quick", "another",
          "taken", "of", "very", "for", "as", "known", "say", "shot's");
  /** The last word of the frame before the name. */
  private static final Set<String> INTRODUCERS =
      Set.of("is", "are", "was", "of", "featuring", "showing", "shows", "show", "features", "depicts",
          "depicting", "captures", "capturing", "highlights", "highlighting", "presents", "presenting",
          "portrays", "portraying", "displays", "displaying", "introduces", "introducing", "introduce", "meet",
          "see", "named", "called", "name", "to", "at", "know", "remember", "have", "with", "stars", "starring",
          "contains", "includes", ":", "greet", "as");
  /** The first word of the frame after the name. */
  private static final Set<String> SUFFIX_STARTERS =
      Set.of("'s", "'", "in", "on", "is", "was", "appears", "appearing", "looks", "from", "by", "to", ",",
          "here", "there", "up", "shown", "pictured", "seen", "standing", "as", "at", "for", "below", "above",
          "right", "captured", "taken", "again");
  /** Lower-case particles inside names ("Ludwig van Beethoven"). */
  private static final Set<String> PARTICLES =
      Set.of("van", "von", "de", "da", "di", "du", "del", "della", "der", "den", "la", "le", "bin", "bint",
          "al", "el", "ibn", "ter", "ten", "dos", "das", "y", "e", "mac", "st");

  private static Set<String> words(String... w) {
    return Set.copyOf(Arrays.asList(w));
  }

  private record Compiled(Pattern pattern, int fixedLength) {}

  private record Tok(String lower, int start, int end) {}

  /** The outcome of reading one introduction. */
  public sealed interface Result {
    /**
     * The name, if found unambiguously.
     *
     * @return the name
     */
    default Optional<String> name() {
      return this instanceof Found f ? Optional.of(f.value()) : Optional.empty();
    }
  }

  /**
   * The name.
   *
   * @param value the name as written
   */
  public record Found(String value) implements Result {}

  /**
   * Several readings and nothing in the record decides between them.
   *
   * @param candidates the readings
   */
  public record Ambiguous(List<String> candidates) implements Result {}

  /** The sentence is not an introduction this extractor can read. */
  public record NotFound() implements Result {}

  private final List<Compiled> templates;

  /**
   * Creates an extractor.
   *
   * @param templates templates containing {@code {name}} once, matched exactly; empty to parse
   */
  public NameExtractor(List<String> templates) {
    List<Compiled> list = new ArrayList<>();
    for (String t : templates) {
      int at = t.indexOf(NAME_SLOT);
      String regex =
          "^" + Pattern.quote(t.substring(0, at)) + "(.+)" + Pattern.quote(t.substring(at + NAME_SLOT.length())) + "$";
      list.add(new Compiled(Pattern.compile(regex, Pattern.DOTALL), t.length() - NAME_SLOT.length()));
    }
    this.templates = ImmutableList.copyOf(list);
  }

  /**
   * The name introduced by the sentence.
   *
   * @param introduction the introduction text
   * @return the name, if one is found unambiguously
   */
  public Optional<String> extract(String introduction) {
    return read(introduction, "").name();
  }

  /**
   * Reads the name introduced by the sentence, using the rest of the record to decide between
   * readings.
   *
   * @param introduction the introduction text
   * @param context other text of the same record (questions, answers), may be empty
   * @return the result
   */
  public Result read(String introduction, String context) {
    if (!templates.isEmpty()) {
      return template(introduction);
    }
    String s = introduction.strip().replaceAll("[.!?…\"”)\\s]+$", "").replace('’', '\'');
    List<Tok> toks = tokens(s);
    if (toks.isEmpty()) {
      return new NotFound();
    }
    // every split: the left frame [0, a) ends in an introducer, the right frame [b, n) is all frame words
    int n = toks.size();
    boolean[] frameFrom = new boolean[n + 1];
    frameFrom[n] = true;
    for (int i = n - 1; i >= 0; i--) {
      frameFrom[i] = frameFrom[i + 1] && FRAME.contains(toks.get(i).lower());
    }
    List<String> readings = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      boolean leftOk = a == 0 || (allFrame(toks, 0, a) && hasIntroducer(toks, a));
      if (!leftOk) {
        continue;
      }
      for (int b = n; b > a; b--) {
        // a comma closes the name: what follows is an aside ("Here is Kristina, from head to toe")
        boolean rightOk = b == n || toks.get(b).lower().equals(",")
            || (frameFrom[b] && SUFFIX_STARTERS.contains(toks.get(b).lower()));
        if (!rightOk || (a == 0 && b == n)) {
          continue; // a bare word with no frame at all says nothing about which word is the name
        }
        if (a == 0 && FRAME.contains(toks.get(0).lower())) {
          continue; // a sentence-opening frame word is never the name
        }
        String name = s.substring(toks.get(a).start(), toks.get(b - 1).end()).strip();
        if (plausible(toks.subList(a, b)) && !readings.contains(name)) {
          readings.add(name);
        }
      }
    }
    if (readings.isEmpty()) {
      return loose(s, toks, context);
    }
    return decide(readings, context);
  }

  /**
   * The shortest reading (the longest frame), unless the rest of the record names only a longer one
   * (a name ending in a frame word).
   */
  private static Result decide(List<String> readings, String context) {
    readings.sort((x, y) -> Integer.compare(x.length(), y.length()));
    List<String> inContext = new ArrayList<>();
    for (String r : readings) {
      if (occurs(context, r)) {
        inContext.add(r);
      }
    }
    if (!inContext.isEmpty()) {
      return new Found(inContext.get(0));
    }
    String shortest = readings.get(0);
    if (mixedCase(shortest)) {
      // "Kristina smiling": a capitalised run the rest of the record mentions is the name
      List<String> runs = new ArrayList<>();
      for (String run : shortest.split("\\s+(?=\\p{Ll})|(?<=\\s\\p{Ll}[\\p{L}]{0,40})\\s+")) {
        if (!run.isBlank() && !mixedCase(run) && occurs(context, run.strip())) {
          runs.add(run.strip());
        }
      }
      return runs.size() == 1 ? new Found(runs.get(0)) : new Ambiguous(List.copyOf(readings));
    }
    // every longer reading must contain the shortest: otherwise two different words compete
    for (String r : readings) {
      if (!r.contains(shortest)) {
        return new Ambiguous(List.copyOf(readings));
      }
    }
    return new Found(shortest);
  }

  /**
   * Unseen frames ("Everyone, meet my friend Kristina"): the capitalised run after the last
   * introducer, never the sentence-opening word.
   */
  private static Result loose(String s, List<Tok> toks, String context) {
    int lastIntro = -1;
    for (int i = 0; i < toks.size(); i++) {
      if (INTRODUCERS.contains(toks.get(i).lower())) {
        lastIntro = i;
      }
    }
    Set<String> found = new LinkedHashSet<>();
    if (lastIntro >= 0) {
      int i = lastIntro + 1;
      while (i < toks.size() && !capitalised(s, toks.get(i))) {
        i++;
      }
      int j = i;
      while (j < toks.size() && (capitalised(s, toks.get(j)) || PARTICLES.contains(toks.get(j).lower()))) {
        j++;
      }
      if (i > 0 && j > i && (j == toks.size() || SUFFIX_STARTERS.contains(toks.get(j).lower()))) {
        found.add(s.substring(toks.get(i).start(), toks.get(j - 1).end()));
      }
    }
    if (found.isEmpty()) {
      for (Tok t : toks) {
        String w = s.substring(t.start(), t.end());
        if (!FRAME.contains(t.lower()) && occurs(context, w)) {
          found.add(w);
        }
      }
      return found.size() == 1 ? new Found(found.iterator().next()) : new NotFound();
    }
    return new Found(found.iterator().next());
  }

  private static boolean capitalised(String s, Tok t) {
    int cp = s.codePointAt(t.start());
    return Character.isUpperCase(cp) || Character.isTitleCase(cp) || Character.getType(cp) == Character.OTHER_LETTER;
  }

  private static boolean hasIntroducer(List<Tok> toks, int to) {
    for (int i = 0; i < to; i++) {
      if (INTRODUCERS.contains(toks.get(i).lower())) {
        return true;
      }
    }
    return false;
  }

  private static boolean allFrame(List<Tok> toks, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!FRAME.contains(toks.get(i).lower())) {
        return false;
      }
    }
    return true;
  }

  /** A reading is never only frame words, punctuation or a possessive marker. */
  private static boolean plausible(List<Tok> span) {
    if (allFrame(span, 0, span.size())) {
      return false;
    }
    for (Tok t : span) {
      if (!t.lower().equals(",") && !t.lower().equals(":") && !t.lower().startsWith("'")) {
        return !span.get(0).lower().startsWith("'") && !span.get(0).lower().equals(",")
            && !span.get(span.size() - 1).lower().equals(",");
      }
    }
    return false;
  }

  /** Capitalised and lower-case words mixed (particles aside): "Kristina smiling". */
  private static boolean mixedCase(String name) {
    boolean upper = false;
    boolean lower = false;
    for (String w : name.split("[\\s]+")) {
      if (w.isEmpty() || PARTICLES.contains(w.toLowerCase(Locale.ROOT))) {
        continue;
      }
      int cp = w.codePointAt(0);
      upper |= Character.isUpperCase(cp) || Character.isTitleCase(cp);
      lower |= Character.isLowerCase(cp);
    }
    return upper && lower;
  }

  private static boolean occurs(String context, String name) {
    if (context.isEmpty()) {
      return false;
    }
    for (int at = context.indexOf(name); at >= 0; at = context.indexOf(name, at + 1)) {
      int end = at + name.length();
      if ((at == 0 || !wordChar(context.charAt(at - 1))) && (end == context.length() || !wordChar(context.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  /** Words (with inner apostrophes, hyphens and dots), the possessive {@code 's}/{@code '}, commas and colons. */
  private static List<Tok> tokens(String s) {
    List<Tok> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (wordChar(c)) {
        int j = i + 1;
        while (j < n) {
          char d = s.charAt(j);
          if (wordChar(d)) {
            j++;
          } else if ((d == '\'' || d == '-' || d == '.') && j + 1 < n && wordChar(s.charAt(j + 1))
              && !possessive(s, j)) {
            j++;
          } else {
            break;
          }
        }
        out.add(new Tok(s.substring(i, j).toLowerCase(Locale.ROOT), i, j));
        i = j;
      } else if (c == '\'') {
        int len = possessive(s, i) ? 2 : 1;
        out.add(new Tok(s.substring(i, i + len).toLowerCase(Locale.ROOT), i, i + len));
        i += len;
      } else if (c == ',' || c == ':') {
        out.add(new Tok(String.valueOf(c), i, i + 1));
        i++;
      } else {
        i++;
      }
    }
    return out;
  }

  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) || Character.isSurrogate(c) || Character.getType(c) == Character.NON_SPACING_MARK
        || Character.getType(c) == Character.COMBINING_SPACING_MARK;
  }

  /** {@code 's} closing a word: "Abby's portrait", not "O'Shea". */
  private static boolean possessive(String s, int at) {
    return s.charAt(at) == '\'' && at + 1 < s.length() && (s.charAt(at + 1) == 's' || s.charAt(at + 1) == 'S')
        && (at + 2 == s.length() || !wordChar(s.charAt(at + 2)));
  }

  private Result template(String introduction) {
    String best = null;
    int bestFixed = -1;
    for (Compiled c : templates) {
      Matcher m = c.pattern().matcher(introduction);
      if (m.matches() && c.fixedLength() > bestFixed && !m.group(1).isBlank()) {
        best = m.group(1).strip();
        bestFixed = c.fixedLength();
      }
    }
    return best == null ? new NotFound() : new Found(best);
  }
}
