package dev.pvit.prompt.internal;

import static dev.pvit.prompt.internal.NameLexicon.ASSIMILATED_ARTICLES;
import static dev.pvit.prompt.internal.NameLexicon.CLOSED;
import static dev.pvit.prompt.internal.NameLexicon.ELIDED;
import static dev.pvit.prompt.internal.NameLexicon.GENERATIONAL;
import static dev.pvit.prompt.internal.NameLexicon.PARTICLES;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The token sequence a clause is read as, and the shape of its words: which token is a word, a name
 * word (capitalised, CJK, or capitalised after a particle prefix such as "al-" or "d'"), an initial,
 * an acronym, and the text a run of tokens stands for. In free text, case and script are the only
 * marks of a name, so the other rules ask these questions rather than look at characters themselves.
 */
final class NameTokens {
  private NameTokens() {}

  /**
   * One token of a clause.
   *
   * @param lower the token in lower case, for the word classes
   * @param start where it starts in the clause
   * @param end where it ends in the clause (exclusive)
   */
  record Tok(String lower, int start, int end) {}

  /** A word that can be part of a name: capitalised, CJK or a particle ("de", "van"). */
  static boolean namePart(String w) {
    return capitalisedWord(w) || PARTICLES.contains(w.toLowerCase(Locale.ROOT));
  }

  /** A word of two to five capitals: "CEO", "GP" (a relation noun after "our", never after a verb). */
  static boolean acronym(String s, Tok t) {
    String w = s.substring(t.start(), t.end());
    return w.length() >= 2 && w.length() <= 5 && w.codePoints().allMatch(Character::isUpperCase);
  }

  /** A one-letter capital followed by a dot: an initial. */
  static boolean initial(String s, Tok t) {
    return t.end() - t.start() == 1 && t.end() < s.length() && s.charAt(t.end()) == '.'
        && nameInitial(s.codePointAt(t.start()));
  }

  /** Whether the position is inside double quotes. */
  static boolean quoted(String s, int at) {
    int quotes = 0;
    for (int i = 0; i < at; i++) {
      if (s.charAt(i) == '"') {
        quotes++;
      }
    }
    return quotes % 2 == 1;
  }

  /**
   * The text of tokens [a, b), with the dot of a final initial when the name is written with
   * initials ("T. J."); a lone final letter's dot ends the sentence ("This is N.").
   */
  static String span(String s, List<Tok> toks, int a, int b) {
    int end = toks.get(b - 1).end();
    String text = s.substring(toks.get(a).start(), end).strip();
    String last = toks.get(b - 1).lower();
    if (last.codePointCount(0, last.length()) == 1 && end < s.length() && s.charAt(end) == '.'
        && nameInitial(s.codePointAt(toks.get(b - 1).start())) && text.contains(".")) {
      return text + ".";
    }
    // "John Smith Jr.": the dot belongs to the generational suffix
    return GENERATIONAL.contains(last) && end < s.length() && s.charAt(end) == '.' ? text + "." : text;
  }

  /** A word token: no punctuation, coordinating sign or possessive marker. */
  static boolean word(Tok t) {
    return !Set.of(",", ":", "&", "+").contains(t.lower()) && !t.lower().startsWith("'");
  }

  /** Whether a capitalised (or CJK) word stands anywhere but at the start of the clause. */
  static boolean capitalisedInside(String clause) {
    List<Tok> toks = tokens(clause);
    for (int i = 1; i < toks.size(); i++) {
      if (nameWord(clause, toks.get(i)) || initial(clause, toks.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the reading holds a capitalised or CJK word: lower-case readings are common nouns ("my colleague"). */
  static boolean hasNameWord(String s, List<Tok> span) {
    for (Tok t : span) {
      if (nameWord(s, t)) {
        return true;
      }
    }
    return false;
  }

  /** A capitalised or CJK word, also after a particle prefix ("al-Rahman", "d'Arcy"). */
  static boolean nameWord(String s, Tok t) {
    if (!word(t)) {
      return false;
    }
    if (CLOSED.contains(t.lower())) {
      return false; // "I would like to introduce Ève"
    }
    return capitalisedWord(s.substring(t.start(), t.end()));
  }

  /** A word with a capital (or CJK) initial, also after a particle prefix ("al-Rahman", "d'Arcy"). */
  static boolean capitalisedWord(String w) {
    if (nameInitial(w.codePointAt(0))) {
      return true;
    }
    int cut = Math.max(w.indexOf('-'), w.indexOf('\''));
    String prefix = cut > 0 ? w.substring(0, cut).toLowerCase(Locale.ROOT) : "";
    return cut > 0 && cut + 1 < w.length()
        && (PARTICLES.contains(prefix) || ELIDED.contains(prefix) || ASSIMILATED_ARTICLES.contains(prefix))
        && nameInitial(w.codePointAt(cut + 1));
  }

  /**
   * A letter that can open a name: a capital, a title-case letter or a letter of a script without
   * case (CJK, Arabic).
   */
  static boolean nameInitial(int cp) {
    return Character.isUpperCase(cp) || Character.isTitleCase(cp) || Character.getType(cp) == Character.OTHER_LETTER;
  }

  /** Capitalised (or CJK) and lower-case words mixed (particles aside): "Kristina smiling". */
  static boolean mixedCase(String name) {
    boolean upper = false;
    boolean lower = false;
    for (Tok t : tokens(name)) {
      if (!word(t) || PARTICLES.contains(t.lower())) {
        continue;
      }
      boolean cap = nameWord(name, t);
      upper |= cap;
      lower |= !cap && Character.isLowerCase(name.codePointAt(t.start()));
    }
    return upper && lower;
  }

  /**
   * Words (with inner apostrophes, hyphens and dots), the possessive {@code 's}/{@code '}, commas,
   * colons and the coordinating signs {@code &} and {@code +}.
   */
  static List<Tok> tokens(String s) {
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
      } else if (c == ',' || c == ':' || c == '&' || c == '+') {
        out.add(new Tok(String.valueOf(c), i, i + 1));
        i++;
      } else {
        i++;
      }
    }
    return out;
  }

  /** A character inside a word: a letter, a digit, half of a surrogate pair or a combining mark. */
  static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) || Character.isSurrogate(c) || Character.getType(c) == Character.NON_SPACING_MARK
        || Character.getType(c) == Character.COMBINING_SPACING_MARK;
  }

  /** {@code 's} closing a word: "Abby's portrait", not "O'Shea". */
  private static boolean possessive(String s, int at) {
    return s.charAt(at) == '\'' && at + 1 < s.length() && (s.charAt(at + 1) == 's' || s.charAt(at + 1) == 'S')
        && (at + 2 == s.length() || !wordChar(s.charAt(at + 2)));
  }
}
