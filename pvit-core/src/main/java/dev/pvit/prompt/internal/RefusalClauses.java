package dev.pvit.prompt.internal;

import static dev.pvit.prompt.internal.RefusalLexicon.IDENTITY_NOUNS;
import static dev.pvit.prompt.internal.RefusalLexicon.PERSON_NOUNS;
import static dev.pvit.prompt.internal.RefusalLexicon.PRONOUNS;
import static dev.pvit.prompt.internal.RefusalLexicon.SEGMENT_MERGE_STARTERS;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a marked answer into clauses of tokens: contractions expanded, sentences and clauses split
 * at punctuation and conjunctions, pronouns and "this person" folded into {@code @p}, and comma
 * segments merged back when they continue the previous one. Each resulting segment is judged on
 * its own, so a refusal in one clause is not cancelled by a positive clause elsewhere.
 */
final class RefusalClauses {
  private RefusalClauses() {}

  /** The token that stands for the person in every clause. */
  static final String P = "@p";

  /** The possessive after {@link #P}: "@p 's face" is a thing of the person, not the person. */
  static final String POSS = "'s";

  /**
   * Sentence ends, ";", ":", dashes and clause-opening conjunctions; a conjunction before "not",
   * "name", "person" or "individual" opens no clause ("but not @p", "that name").
   */
  static final Pattern CLAUSE_SPLIT =
      Pattern.compile(
          "(?<=[.!?])\\s+|[;:]|\\s[\\u2014\\u2013-]\\s|,?\\s\\b(?:but|so|because|although|though|while|whereas|however"
              + "|since|yet|and then|whether|that)\\b(?!\\s+(?:not|name|person|individual)\\b)"
              + "|,\\s*and\\b|\\bas(?=\\s+(?:i|we)\\b)",
          Pattern.CASE_INSENSITIVE);

  /** The person, a possessive, a word, or a comma (the comma separates segments). */
  private static final Pattern TOKEN = Pattern.compile("@p|'s\\b|[\\p{L}\\p{M}\\p{N}]+|[,]");

  /** Contractions to words; "@p's" stays a possessive unless a predicate follows. */
  static String expand(String s) {
    String t = s.toLowerCase(Locale.ROOT);
    // contractions typed without the apostrophe: "dont", "isnt", "cant", "im"
    t = t.replaceAll("\\bidk\\b", "i do not know")
        .replaceAll("\\bdunno\\b", "do not know")
        .replaceAll("\\b(do|does|did|is|are|was|were|could|would|should|has|have|had|must|need)nt\\b", "$1 not")
        .replaceAll("\\bcant\\b", "can not")
        .replaceAll("\\bwont\\b", "will not")
        .replaceAll("\\bim\\b", "i am")
        .replaceAll("\\b(i|you|we|they)ve\\b", "$1 have")
        .replaceAll("\\b(you|they)re\\b", "$1 are")
        .replaceAll("\\b(there|that|who|what|where|he|she)s\\b", "$1 is");
    t = t.replaceAll("\\bcan't\\b|\\bcannot\\b", "can not")
        .replaceAll("\\bwon't\\b", "will not")
        .replaceAll("n't\\b", " not")
        .replaceAll("'m\\b", " am")
        .replaceAll("'re\\b", " are")
        .replaceAll("'ve\\b", " have")
        .replaceAll("'ll\\b", " will")
        .replaceAll("'d\\b", " would")
        .replaceAll("\\b(there|it|that|he|she|what|who|here|this|where)'s\\b", "$1 is")
        .replaceAll("@p\\s*'s\\s+(?=(?:not|never|nowhere|absent|missing|in|been|unknown|unfamiliar|a stranger"
            + "|also|clearly|definitely|simply|just|really|nobody|no one)\\b)", "@p is ")
        .replaceAll("@p\\s*'(?:s\\b)?", "@p 's")
        .replaceAll("\\bno one\\b|\\bno-one\\b", "noone")
        .replaceAll("\\bnot anyone\\b|\\bnot anybody\\b", "noone");
    return t;
  }

  /** Lower-case tokens of one clause with the pronouns and person nouns that stand for the person folded into it. */
  static List<String> tokens(String clause) {
    List<String> raw = new ArrayList<>();
    Matcher m = TOKEN.matcher(clause);
    while (m.find()) {
      raw.add(m.group());
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String w = raw.get(i);
      String next = i + 1 < raw.size() ? raw.get(i + 1) : "";
      if (PRONOUNS.contains(w) || (w.equals("we") && mutualAcquaintance(raw, i))) {
        out.add(P);
      } else if (Set.of("his", "her", "their").contains(w) && IDENTITY_NOUNS.contains(next)) {
        out.add(P); // "I don't know their face": the possessor is the person
        out.add(POSS);
      } else if (w.equals("her")) {
        // "her" is the person unless a noun follows ("her face"): only before a clause-level word.
        out.add(next.isEmpty() || next.equals(",") || Set.of("in", "on", "at", "among", "anywhere", "here",
            "there", "before", "from", "by", "because", "so", "yet", "either").contains(next) ? P : "her");
      } else if ((w.equals("this") || w.equals("that") || w.equals("the")) && PERSON_NOUNS.contains(next)) {
        out.add(P);
        i++;
      } else if ((w.equals("this") || w.equals("that")) && next.equals("name")) {
        out.add(P); // "I don't recognise that name": the name asked about
        i++;
      } else {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * "we haven't been introduced", "we've never met": the speaker and the person asked about are the
   * subject of an acquaintance predicate, so "we" stands for the person.
   */
  private static boolean mutualAcquaintance(List<String> raw, int i) {
    for (int j = i + 1; j < Math.min(raw.size(), i + 5); j++) {
      if (Set.of("introduced", "met").contains(raw.get(j))) {
        return j + 1 == raw.size(); // nothing after: "we have not met Bob" is about Bob
      }
      if (!Set.of("have", "had", "not", "never", "been", "yet", "really", "formally", "properly", "ever")
          .contains(raw.get(j))) {
        return false;
      }
    }
    return false;
  }

  /** Comma segments; a segment starting with a verb belongs to the previous one (appositives). */
  static List<List<String>> segments(List<String> tokens) {
    List<List<String>> out = new ArrayList<>();
    List<String> cur = new ArrayList<>();
    for (String t : tokens) {
      if (t.equals(",")) {
        out.add(cur);
        cur = new ArrayList<>();
      } else {
        cur.add(t);
      }
    }
    out.add(cur);
    List<List<String>> merged = new ArrayList<>();
    for (List<String> s : out) {
      if (s.isEmpty()) {
        continue;
      }
      if (!merged.isEmpty()) {
        List<String> prev = merged.get(merged.size() - 1);
        boolean verbStart = SEGMENT_MERGE_STARTERS.contains(s.get(0));
        boolean whPrev = Set.of("who", "what", "which").contains(prev.get(0));
        boolean appositive = prev.size() <= 2 && prev.contains(P);
        if (verbStart || whPrev || appositive) {
          prev.add(",");
          prev.addAll(s);
          continue;
        }
      }
      merged.add(s);
    }
    return merged;
  }

  /** The person itself at i, not its possessive. */
  static boolean isPerson(List<String> t, int i) {
    return t.get(i).equals(P) && !(i + 1 < t.size() && t.get(i + 1).equals(POSS));
  }

  /** The person, or the person's possessive followed by an appearance noun. */
  static boolean isPersonOrLooks(List<String> t, int i) {
    if (!t.get(i).equals(P)) {
      return false;
    }
    if (i + 1 < t.size() && t.get(i + 1).equals(POSS)) {
      for (int j = i + 2; j < Math.min(t.size(), i + 4); j++) {
        if (IDENTITY_NOUNS.contains(t.get(j))) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  /** A perfect or passive auxiliary shortly before i ("have never seen", "was shown"). */
  static boolean perfect(List<String> t, int i) {
    for (int j = Math.max(0, i - 4); j < i; j++) {
      if (Set.of("have", "has", "had", "been", "was", "were").contains(t.get(j))) {
        return true;
      }
    }
    return false;
  }
}
