package dev.pvit.chat.internal;

import dev.pvit.person.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises a question into words: contractions are expanded ("who's" → "who is", "isn't" → "is
 * not"), a possessive "'s" becomes its own word, punctuation and case are dropped (but remembered:
 * whether a word was capitalised and whether it starts a sentence, which is evidence for names), and
 * keys are compared without diacritics.
 */
final class Tokenizer {
  /** The word a possessive "'s" becomes. */
  static final String POSSESSIVE = "'s";

  private static final String APOS = "['’ʼ`]";
  private static final Pattern TOKEN = Pattern.compile("'s(?![\\p{L}\\p{M}\\p{N}])|[\\p{L}\\p{M}\\p{N}]+|[.!?;:]");
  private static final List<String[]> CONTRACTIONS = List.of(
      new String[] {"\\s*&\\s*", " and "},
      new String[] {"(?i)\\bcan" + APOS + "t\\b", "can not"},
      new String[] {"(?i)\\bcannot\\b", "can not"},
      new String[] {"(?i)\\bwon" + APOS + "t\\b", "will not"},
      new String[] {"(?i)\\bshan" + APOS + "t\\b", "shall not"},
      new String[] {"(?i)\\b(\\p{L}+)n" + APOS + "t\\b", "$1 not"},
      new String[] {"(?i)\\b(do|does|did|is|are|was|were|could|would|should|has|have|had|ca)nt\\b", "$1 not"},
      new String[] {"(?i)\\bwont\\b", "will not"},
      new String[] {"(?i)" + APOS + "re\\b", " are"},
      new String[] {"(?i)" + APOS + "m\\b", " am"},
      new String[] {"(?i)" + APOS + "ll\\b", " will"},
      new String[] {"(?i)" + APOS + "ve\\b", " have"},
      new String[] {"(?i)\\b(i|you|he|she|we|they)" + APOS + "d\\b", "$1 would"},
      new String[] {"(?i)\\b(who|what|where|how|there|here|that|it|he|she|which)" + APOS + "s\\b", "$1 is"},
      new String[] {"(?i)\\b(who|what|where)s\\b", "$1 is"},
      new String[] {"(?i)\\blet" + APOS + "s\\b", "let us"},
      new String[] {"(?i)(\\p{L})" + APOS + "s\\b", "$1 's"},
      new String[] {"(?i)(\\p{L}s)" + APOS + "(?=\\s|$|[,.!?])", "$1 's"});

  private Tokenizer() {}

  /**
   * A word of the question.
   *
   * @param raw the word as typed (after contraction expansion)
   * @param key lower-case, without diacritics
   * @param capitalised whether it starts with an upper-case letter and is not all upper case
   * @param sentenceStart whether it starts a sentence
   * @param sentence the index of the sentence it belongs to
   * @param asked whether that sentence ends with a question mark
   */
  record Word(String raw, String key, boolean capitalised, boolean sentenceStart, int sentence, boolean asked) {
    boolean isPossessive() {
      return key.equals(POSSESSIVE);
    }
  }

  /**
   * Splits a question (or a name) into words.
   *
   * @param text the text
   * @return its words, punctuation removed
   */
  static List<Word> words(String text) {
    String s = text;
    for (String[] c : CONTRACTIONS) {
      s = s.replaceAll(c[0], c[1]);
    }
    s = s.replaceAll(APOS + "s\\b", "'s");
    List<Word> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(s);
    boolean start = true;
    int sentence = 0;
    List<Integer> asked = new ArrayList<>();
    while (m.find()) {
      String t = m.group();
      if (t.equals("?") && !out.isEmpty()) {
        asked.add(out.get(out.size() - 1).sentence());
      }
      if (t.length() == 1 && ".!?;:".contains(t)) {
        // The full stop of an abbreviated title ("Mr. O'Neill") does not end a sentence.
        boolean title = t.equals(".") && !out.isEmpty() && !start && Lexicon.isTitle(out.get(out.size() - 1).key());
        if (title) {
          continue;
        }
        if (!out.isEmpty() && !start) {
          sentence++;
        }
        start = true;
        continue;
      }
      boolean cap = Character.isUpperCase(t.codePointAt(0)) && !t.equals(t.toUpperCase(Locale.ROOT));
      out.add(new Word(t, Person.matchKey(t), cap, start, sentence, false));
      start = false;
    }
    return out.stream().map(w -> asked.contains(w.sentence())
        ? new Word(w.raw(), w.key(), w.capitalised(), w.sentenceStart(), w.sentence(), true) : w).toList();
  }

  /**
   * The keys of a name's words, e.g. {@code ["de", "la", "cruz"]}.
   *
   * @param name a registered name
   * @return its keys
   */
  static List<String> keys(String name) {
    return words(name).stream().map(Word::key).toList();
  }
}
