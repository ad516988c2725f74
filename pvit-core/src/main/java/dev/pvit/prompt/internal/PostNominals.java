package dev.pvit.prompt.internal;

import static dev.pvit.prompt.internal.NameLexicon.GENERATIONAL;
import static dev.pvit.prompt.internal.NameLexicon.grammarWord;
import static dev.pvit.prompt.internal.NameTokens.capitalisedWord;
import static dev.pvit.prompt.internal.NameTokens.namePart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Post-nominal credentials after a name ("Ana Lima, MD", "Raj Patel PhD", "Kwame Mensah, M.D.,
 * Ph.D."): which words are credentials (Roman numerals and "Jr"/"Sr" are part of the name instead),
 * the text read without them, and the credited forms of a name the record may use. Like a title, a
 * credential is not part of the name the release's slot holds, unless the record writes it so.
 */
final class PostNominals {
  private PostNominals() {}

  /** Post-nominals not written in capitals. */
  private static final Set<String> POST_NOMINAL_WORDS = Set.of("esq", "esquire", "ret");
  /** A Roman numeral up to 399 ("III", "XIV"): a generational suffix, not a credential. */
  private static final Pattern ROMAN = Pattern.compile("(?=[IVXLC]+$)C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})");
  /** A word, with inner apostrophes, hyphens and dots ("O'Neill", "Ph.D"). */
  private static final Pattern WORD =
      Pattern.compile("[\\p{L}\\p{M}](?:[\\p{L}\\p{M}\\p{N}]|['\\-.](?=[\\p{L}\\p{M}]))*");
  /** What may stand between a name and its credential: an optional comma and spaces. */
  private static final Pattern COMMA_SPACE = Pattern.compile(",?\\s+");

  /** The name followed by the post-nominals that follow it in the text, longest first. */
  static List<String> withCredentials(String text, String name) {
    List<String> out = new ArrayList<>();
    int at = text.indexOf(name);
    if (at < 0) {
      return out;
    }
    Matcher m = WORD.matcher(text);
    int end = at + name.length();
    while (m.find(end) && COMMA_SPACE.matcher(text.substring(end, m.start())).matches() && postNominal(m.group())) {
      end = m.end() < text.length() && text.charAt(m.end()) == '.' ? m.end() + 1 : m.end();
      out.add(0, text.substring(at, end));
      out.add(1, text.substring(at, m.end()));
    }
    return out;
  }

  /**
   * The text without post-nominal letters after a name ("Ana Lima, MD", "Raj Patel PhD", "Kwame
   * Mensah, M.D., Ph.D.", "Sarah O'Connor, Esq."): like a title, a credential is not part of the name
   * the release's slot holds. Generational suffixes ("Jr.", "III") are part of it and stay. Capitals
   * without a comma ("Ana Lima MD", but also a surname written "Wang LI") are taken as a credential
   * only when {@code capitalsWithoutComma}; dotted and mixed-case ones ("M.D.", "PhD") always are.
   */
  static String withoutPostNominals(String s, boolean capitalsWithoutComma) {
    Matcher m = WORD.matcher(s);
    StringBuilder out = new StringBuilder();
    int copied = 0;
    int prevEnd = -1;
    int prevStart = -1;
    boolean afterName = false;
    while (m.find()) {
      String w = m.group();
      String between = prevEnd >= 0 ? s.substring(prevEnd, m.start()) : "";
      // "J. R., MD": the dot of an initial may stand before the comma
      int kept = prevEnd;
      if (between.startsWith(".") && prevEnd - prevStart == 1) {
        between = between.substring(1);
        kept++;
      }
      boolean adjacent = prevEnd >= 0 && COMMA_SPACE.matcher(between).matches();
      boolean comma = adjacent && between.startsWith(",");
      boolean shaped = postNominal(w) && (comma || capitalsWithoutComma || w.contains(".")
          || !w.equals(w.toUpperCase(Locale.ROOT)));
      if (afterName && adjacent && shaped && !nameGoesOn(s, m.end())) {
        int end = m.end();
        // a dot of the abbreviation goes with it, unless it ends a sentence that goes on
        if (end < s.length() && s.charAt(end) == '.' && !(end + 1 < s.length() && Character.isWhitespace(s.charAt(end + 1)))) {
          end++;
        }
        out.append(s, copied, kept);
        // "Ana, CEO of Acme": the comma that set the credential off still closes the name
        int next = end;
        while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
          next++;
        }
        if (comma && next < s.length() && Character.isLetter(s.charAt(next))) {
          out.append(',');
        }
        copied = end;
        prevEnd = end;
        continue;
      }
      // a frame word is part of a name only after one of its words ("Nguyễn Văn An, MD", not "Meet AJ")
      afterName = capitalisedWord(w) && !postNominal(w) && (afterName || !grammarWord(w));
      prevStart = m.start();
      prevEnd = m.end();
    }
    return out.append(s, copied, s.length()).toString();
  }

  /** Whether a name word (capitalised or a particle) that is no credential follows: "Aaa PhD de Aaa" is one name. */
  private static boolean nameGoesOn(String s, int from) {
    Matcher m = WORD.matcher(s);
    if (!m.find(from) || !Pattern.matches("\\.?\\s+", s.substring(from, m.start()))) {
      return false;
    }
    return namePart(m.group()) && !postNominal(m.group());
  }

  /**
   * Post-nominal letters: an abbreviation of two to six letters, all or mostly capitals ("MD", "CPA",
   * "M.D.", "PhD", "MSc"), or "Esq."; not a Roman numeral or "Jr"/"Sr", which are part of a name.
   */
  private static boolean postNominal(String w) {
    String letters = w.replace(".", "");
    String lower = letters.toLowerCase(Locale.ROOT);
    if (POST_NOMINAL_WORDS.contains(lower)) {
      return true;
    }
    if (letters.length() < 2 || letters.length() > 6 || ROMAN.matcher(letters).matches()
        || GENERATIONAL.contains(lower) || !letters.codePoints().allMatch(Character::isLetter)) {
      return false;
    }
    long upper = letters.codePoints().filter(Character::isUpperCase).count();
    return upper >= 2 && upper * 2 > letters.codePointCount(0, letters.length());
  }
}
