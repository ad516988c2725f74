package dev.pvit.prompt.internal;

import static dev.pvit.prompt.internal.NameLexicon.ABBREVIATIONS;
import static dev.pvit.prompt.internal.NameLexicon.grammarWord;
import static dev.pvit.prompt.internal.NameTokens.namePart;
import static dev.pvit.prompt.internal.NameTokens.wordChar;

import dev.pvit.prompt.internal.NameExtractor.Ambiguous;
import dev.pvit.prompt.internal.NameExtractor.Found;
import dev.pvit.prompt.internal.NameExtractor.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the rest of the record (its questions and answers) decides between readings of an
 * introduction: a reading counts when the record has it as whole words, the one candidate the record
 * mentions wins, and a longer name the record uses around the name found ("J. R. And") replaces it.
 * Names are arbitrary strings, so the record's own use of a name is the only evidence that may
 * overrule the grammar; without it the reading stays ambiguous.
 */
final class RecordEvidence {
  private RecordEvidence() {}

  /** The next space-separated word, right after the previous one (or the dot of its abbreviation). */
  private static final Pattern FOLLOWING_WORD = Pattern.compile("\\.?\\s+\\S+");
  /** A possessive or punctuation closing a word ("Is's.", "Ana,"). */
  private static final String POSSESSIVE_OR_PUNCTUATION_END = "(?:'s|')?[.,;:!?]*$";
  /** The last space-separated word of a region. */
  private static final Pattern PRECEDING_WORD = Pattern.compile("(\\S+)\\s+$");

  /**
   * The longer name the record itself uses, when the introduction has it around the name found:
   * "This is J. R. And." reads as "J. R." (a sentence seems to end), "And J. R. is shown here" as
   * "J. R." (an opening "And"), but a question about "J. R. And" shows where the name is. Extra
   * capitalised words the record uses make the longer name; when they are grammar or frame words
   * ("And", "Meet") either reading is possible and the result is ambiguous.
   */
  static Result extendedByContext(Result r, String introduction, String context) {
    if (!(r instanceof Found f) || context.isEmpty()) {
      return r;
    }
    Extension best = new Extension(f.value(), true);
    // every place the name stands ("This full view shows And This." has "This" twice)
    for (int at = introduction.indexOf(f.value()); at >= 0; at = introduction.indexOf(f.value(), at + 1)) {
      best = longestAround(introduction, at, f.value().length(), context, best);
    }
    if (best.name().equals(f.value())) {
      return r;
    }
    return best.clean() ? new Found(best.name()) : new Ambiguous(List.of(f.value(), best.name()));
  }

  /** A longer name from the introduction, and whether its extra words are all name words. */
  private record Extension(String name, boolean clean) {}

  /**
   * The longest name the record uses that the introduction has around the name at {@code at}: up to
   * three name words before it and three after it, keeping the dot of a final abbreviation and
   * dropping a closing possessive; {@code best} when none is longer.
   */
  private static Extension longestAround(String introduction, int at, int length, String context, Extension best) {
    List<int[]> lefts = new ArrayList<>(List.of(new int[] {at, 1}));
    Matcher before = PRECEDING_WORD.matcher(introduction.substring(0, at));
    int from = at;
    boolean clean = true;
    for (int k = 0; k < 3 && before.region(0, from).find() && namePart(before.group(1)); k++) {
      from = before.start(1);
      clean &= !grammarWord(before.group(1));
      lefts.add(new int[] {from, clean ? 1 : 0});
    }
    for (int[] left : lefts) {
      Matcher next = FOLLOWING_WORD.matcher(introduction);
      int end = at + length;
      boolean rightClean = true;
      for (int k = 0; k <= 3; k++) {
        String candidate = introduction.substring(left[0], end);
        // a name ending in an abbreviation ("Aaa Dr.", "Smith Jr.") keeps its dot
        String dotted = introduction.startsWith(".", end) && abbreviationLast(candidate) ? candidate + "." : candidate;
        for (String c : List.of(dotted, candidate, candidate.replaceAll(POSSESSIVE_OR_PUNCTUATION_END, ""))) {
          if (c.length() > best.name().length() && occurs(context, c)) {
            best = new Extension(c, left[1] == 1 && rightClean);
          }
        }
        if (!next.region(end, introduction.length()).lookingAt()) {
          break;
        }
        String w = next.group().replaceAll("^[.\\s]+", "").replaceAll(POSSESSIVE_OR_PUNCTUATION_END, "");
        if (w.isEmpty() || !namePart(w)) {
          break;
        }
        rightClean &= !grammarWord(w);
        end = next.end();
      }
    }
    return best;
  }

  /** Whether the text ends in an initial or a dotted abbreviation ("J", "Jr", "Dr"), whose dot it keeps. */
  private static boolean abbreviationLast(String text) {
    String last = text.substring(text.lastIndexOf(' ') + 1);
    return last.codePointCount(0, last.length()) == 1 || ABBREVIATIONS.contains(last.toLowerCase(Locale.ROOT));
  }

  /** The one candidate the rest of the record mentions, or all of them as ambiguous. */
  static Result byContext(List<String> candidates, String context) {
    List<String> inContext = candidates.stream().filter(c -> occurs(context, c)).toList();
    return inContext.size() == 1 ? new Found(inContext.get(0)) : new Ambiguous(List.copyOf(candidates));
  }

  /** Whether the record has the name as whole words (not inside a longer word). */
  static boolean occurs(String context, String name) {
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
}
