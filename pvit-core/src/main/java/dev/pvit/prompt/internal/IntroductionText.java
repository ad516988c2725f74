package dev.pvit.prompt.internal;

import static dev.pvit.prompt.internal.NameLexicon.ABBREVIATIONS;
import static dev.pvit.prompt.internal.NameLexicon.CLOSED;
import static dev.pvit.prompt.internal.NameLexicon.FRAME;
import static dev.pvit.prompt.internal.NameTokens.nameInitial;
import static dev.pvit.prompt.internal.NameTokens.wordChar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Prepares an introduction for the frame grammar: straight quotes, no parenthetical asides or
 * trailing punctuation, "it's"/"here's" read as "it is" (a pronoun's 's is never a possessive), and the
 * text split into clauses at sentence ends, ";", ":" and spaced dashes, without leading interjections
 * and vocatives. A dot ends a sentence only when no initial or abbreviation claims it, because
 * "T. J." and "Dr. A. J. Okoro" must stay whole.
 */
final class IntroductionText {
  private IntroductionText() {}

  /** A parenthetical aside ("(Sunny to her friends)") with the space before it. */
  private static final Pattern PARENTHETICAL = Pattern.compile("\\s*\\([^()]*\\)");
  /** A pronoun's contracted "is" ("it's", "here's"), never a possessive. */
  private static final Pattern PRONOUN_IS =
      Pattern.compile("\\b(that|it|here|there|one|who|what|he|she)'s\\b", Pattern.CASE_INSENSITIVE);
  /** A pronoun's contracted "are" ("you're", "they're"). */
  private static final Pattern PRONOUN_ARE = Pattern.compile("\\b(you|we|they)'re\\b", Pattern.CASE_INSENSITIVE);
  /** Interjections and vocatives opening a clause: "Oh, and", "Okay, so", "Guys,", "Look,". */
  private static final Pattern OPENERS =
      Pattern.compile(
          "^(?:(?:oh|ah|yep|yes|yeah|okay|ok|well|hey|look|guys|everyone|everybody|folks|alright|right|anyway|hi"
              + "|hello|so|and|now|also|then|plus|heads\\s+up|fyi|btw)\\b\\s*[,!]?\\s+)+",
          Pattern.CASE_INSENSITIVE);

  /**
   * Straight quotes, no parenthetical asides ("(Sunny to her friends)"), "it's"/"that's"/"here's"
   * read as "it is" (a pronoun's {@code 's} is never a possessive), no trailing punctuation or
   * emoticon, except the dot of a final initial ("T. J.").
   */
  static String normalise(String introduction) {
    String s = introduction.replace('\u2019', '\'').replace('\u2018', '\'')
        .replace('\u201C', '"').replace('\u201D', '"');
    s = PARENTHETICAL.matcher(s).replaceAll("");
    s = PRONOUN_IS.matcher(s).replaceAll("$1 is");
    s = PRONOUN_ARE.matcher(s).replaceAll("$1 are").strip();
    int end = s.length();
    while (end > 0) {
      char c = s.charAt(end - 1);
      boolean punct = Character.isWhitespace(c) || (!wordChar(c) && c != '\'');
      if (!punct || (c == '.' && initialBefore(s, end - 1))) {
        break;
      }
      end--;
    }
    // a question mark stays: a question asks who is shown rather than saying it
    return s.substring(0, end) + (s.substring(end).contains("?") ? "?" : "");
  }

  /** Whether the dot at {@code dot} closes a one-letter initial ("J.") or a dotted abbreviation ("a.k.a."). */
  private static boolean initialBefore(String s, int dot) {
    int start = dot;
    while (start > 0 && (wordChar(s.charAt(start - 1)) || s.charAt(start - 1) == '.')) {
      start--;
    }
    String word = s.substring(start, dot);
    return word.codePointCount(0, word.length()) == 1 || word.contains(".")
        || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
  }

  /**
   * Sentences, and the parts of a sentence that stand apart (at ";", ":" and a spaced dash), each
   * without leading interjections or vocatives ("Oh, and", "Okay, so", "Guys,").
   */
  static List<String> clauses(String s) {
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean cut = c == ';' || c == ':'
          || ((c == '\u2014' || c == '\u2013' || c == '-') && i > 0 && s.charAt(i - 1) == ' ' && i + 1 < s.length()
              && s.charAt(i + 1) == ' ')
          || ((c == '.' || c == '!' || c == '?') && sentenceEnd(s, i));
      if (cut) {
        // the dot of an initial stays with the name ("a snap of T. J. It is blurry"); a colon marks a label
        add(out, s.substring(from, (c == '.' && initialBefore(s, i)) || c == ':' || c == '?' ? i + 1 : i));
        from = i + 1;
      }
    }
    add(out, s.substring(from));
    return out;
  }

  /** Adds a clause without its leading openers, unless the openers are all of it. */
  private static void add(List<String> out, String clause) {
    String c = clause.strip();
    String stripped = OPENERS.matcher(c).replaceFirst("").strip();
    c = stripped.isEmpty() ? c : stripped;
    if (!c.isEmpty()) {
      out.add(c);
    }
  }

  /** A sentence ends at . ! ? followed by a space and a capital (or CJK) letter, not after an initial. */
  private static boolean sentenceEnd(String s, int i) {
    int j = i + 1;
    while (j < s.length() && (s.charAt(j) == '.' || s.charAt(j) == '!' || s.charAt(j) == '?')) {
      j++;
    }
    if (j >= s.length() || !Character.isWhitespace(s.charAt(j))) {
      return false;
    }
    while (j < s.length() && (Character.isWhitespace(s.charAt(j)) || s.charAt(j) == '"' || s.charAt(j) == '\'')) {
      j++;
    }
    if (j >= s.length() || !nameInitial(s.codePointAt(j))) {
      return false;
    }
    if (s.charAt(i) != '.' || !initialBefore(s, i)) {
      return true;
    }
    // "a snap of T. J. It is blurry": an initial followed by a function word ends the sentence
    int k = j;
    while (k < s.length() && (wordChar(s.charAt(k)) || s.charAt(k) == '\'')) {
      k++;
    }
    if (k - j == 1 && k < s.length() && s.charAt(k) == '.') {
      return false; // "Dr. A. J. Okoro": an initial follows, not the article "A"
    }
    String next = s.substring(j, k).toLowerCase(Locale.ROOT);
    return CLOSED.contains(next) || FRAME.contains(next);
  }
}
