package dev.pvit.prompt.internal;

import static dev.pvit.prompt.internal.NameLexicon.CASED_PERSON_NOUNS;
import static dev.pvit.prompt.internal.NameLexicon.FRAME;
import static dev.pvit.prompt.internal.NameLexicon.FRAME_VERBS;
import static dev.pvit.prompt.internal.NameLexicon.INTRODUCERS;
import static dev.pvit.prompt.internal.NameLexicon.MODALS;
import static dev.pvit.prompt.internal.NameLexicon.NOUN_PHRASE_STARTS;
import static dev.pvit.prompt.internal.NameLexicon.PARTICLES;
import static dev.pvit.prompt.internal.NameLexicon.POSSESSIVES;
import static dev.pvit.prompt.internal.NameLexicon.PREPOSITIONS;
import static dev.pvit.prompt.internal.NameLexicon.PRONOUNS;
import static dev.pvit.prompt.internal.NameLexicon.SUFFIX_STARTERS;
import static dev.pvit.prompt.internal.NameLexicon.WORD_NAMES;
import static dev.pvit.prompt.internal.NameRuns.runs;
import static dev.pvit.prompt.internal.NameTokens.acronym;
import static dev.pvit.prompt.internal.NameTokens.hasNameWord;
import static dev.pvit.prompt.internal.NameTokens.initial;
import static dev.pvit.prompt.internal.NameTokens.mixedCase;
import static dev.pvit.prompt.internal.NameTokens.nameInitial;
import static dev.pvit.prompt.internal.NameTokens.nameWord;
import static dev.pvit.prompt.internal.NameTokens.span;
import static dev.pvit.prompt.internal.NameTokens.tokens;
import static dev.pvit.prompt.internal.NameTokens.word;
import static dev.pvit.prompt.internal.NameTokens.wordChar;
import static dev.pvit.prompt.internal.RecordEvidence.byContext;
import static dev.pvit.prompt.internal.RecordEvidence.occurs;

import dev.pvit.prompt.internal.NameExtractor.Ambiguous;
import dev.pvit.prompt.internal.NameExtractor.Found;
import dev.pvit.prompt.internal.NameExtractor.NotFound;
import dev.pvit.prompt.internal.NameExtractor.Result;
import dev.pvit.prompt.internal.NameTokens.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one clause by its frame: closed-class words around the name, the left part ending in an
 * introducer (optionally followed by a relation such as "my colleague"), the right part starting with
 * a possessive, a verb, a comma or, after a known left part, a preposition. Every split of the clause
 * is tried; the shortest clean reading wins unless the record names another, and a reading with a
 * rival name-like run in the clause is left to the record. Case marks the name, so a clause written
 * without capitals gives a name only under the stricter rules of {@link #caselessName}.
 */
final class IntroductionFrames {
  private IntroductionFrames() {}

  /**
   * Reads one clause by its frame. Readings must hold a capitalised (or CJK) word; a reading whose
   * lower-case words all come before its capitalised run ("provided so that you can recognise
   * Will") only shows that the frame is unknown and is left to the run fallback. A found name loses
   * to any other name-like run in the same clause ("This is Tom, or maybe Tim") unless the record
   * decides.
   */
  static Result frame(String s, String context, boolean caseless) {
    List<Tok> toks = tokens(s);
    int n = toks.size();
    if (n == 0) {
      return new NotFound();
    }
    boolean[] frameFrom = new boolean[n + 1];
    frameFrom[n] = true;
    for (int i = n - 1; i >= 0; i--) {
      // "the guy in this picture": a person noun also used as a name ("Guy") is a frame word only in lower case
      boolean personNoun = CASED_PERSON_NOUNS.contains(toks.get(i).lower())
          && Character.isLowerCase(s.codePointAt(toks.get(i).start()));
      frameFrom[i] = frameFrom[i + 1] && (FRAME.contains(toks.get(i).lower()) || personNoun);
    }
    boolean[] relation = relation(s, toks);
    List<String> readings = new ArrayList<>();
    List<int[]> spans = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      if (!leftFrame(s, toks, relation, a)) {
        continue;
      }
      for (int b = n; b > a; b--) {
        String next = b < n ? toks.get(b).lower() : "";
        // a comma closes the name: what follows is an aside ("Here is Kristina, from head to toe");
        // after a known left frame, so does a preposition ("This is Sue from work")
        boolean rightOk = b == n || next.equals(",") || (frameFrom[b] && SUFFIX_STARTERS.contains(next))
            || (a > 0 && (PREPOSITIONS.contains(next) || participleClause(s, toks, b)));
        if (!rightOk || (a == 0 && b == n)) {
          continue; // a bare word with no frame at all says nothing about which word is the name
        }
        if (a == 0 && FRAME.contains(toks.get(0).lower()) && !initial(s, toks.get(0)) && !modalAsName(toks)) {
          continue; // a sentence-opening frame word is never the name (an initial "A." is no article)
        }
        List<Tok> span = toks.subList(a, b);
        String name = span(s, toks, a, b);
        boolean nameLike = caseless ? caselessName(span, name, context) : hasNameWord(s, span);
        // a capitalised frame word inside the sentence is a name too ("This face shot is of Can")
        boolean frameWordName = (!caseless && a > 0 && hasNameWord(s, span)) || (a == 0 && modalAsName(toks));
        if (plausible(span, frameWordName) && nameLike && !readings.contains(name) && !possessedNoun(s, span)
            && !(mixedCase(name) && lowerOnlyBefore(s, span) && !coordinated(span))) {
          readings.add(name);
          spans.add(new int[] {a, b});
        }
      }
    }
    dropOpeningVocatives(toks, readings, spans);
    if (readings.isEmpty()) {
      return new NotFound();
    }
    Result r = decide(readings, context);
    if (r instanceof Found f && !occurs(context, f.value())) {
      List<String> rivals = new ArrayList<>();
      for (String run : runs(s, toks, false)) {
        if (!f.value().contains(run) && !run.contains(f.value())) {
          rivals.add(run);
        }
      }
      if (!rivals.isEmpty()) {
        rivals.add(0, f.value());
        return byContext(rivals, context);
      }
    }
    return r;
  }

  /**
   * "Yo, here is Marco", "Ana, this is Bob": a word opening the clause and set off by a comma is an
   * interjection or the addressee when an introduction of someone else follows it.
   */
  private static void dropOpeningVocatives(List<Tok> toks, List<String> readings, List<int[]> spans) {
    int commaAt = -1;
    for (int[] sp : spans) {
      if (sp[0] == 0 && sp[1] < toks.size() && toks.get(sp[1]).lower().equals(",")) {
        commaAt = sp[1];
      }
    }
    if (commaAt < 0) {
      return;
    }
    int comma = commaAt;
    if (spans.stream().noneMatch(sp -> sp[0] > comma)) {
      return;
    }
    for (int k = spans.size() - 1; k >= 0; k--) {
      if (spans.get(k)[0] == 0) {
        spans.remove(k);
        readings.remove(k);
      }
    }
  }

  /**
   * A lower-case participle with a complement closes the name: "Carlos wearing a blue scarf",
   * "Carlos wearing glasses", "Lena sitting on the steps". A bare final one ("Kristina smiling") may
   * be part of the name and is left to the record.
   */
  private static boolean participleClause(String s, List<Tok> toks, int b) {
    if (b + 1 >= toks.size()) {
      return false;
    }
    Tok t = toks.get(b);
    Tok next = toks.get(b + 1);
    // the complement is lower-case: an object, a determiner, a preposition or a particle
    return word(t) && t.lower().length() >= 5 && t.lower().endsWith("ing")
        && Character.isLowerCase(s.codePointAt(t.start()))
        && word(next) && Character.isLowerCase(s.codePointAt(next.start()));
  }

  /**
   * Whether [0, a) is a left frame: frame words ending in an introducer ("This is a photo of"),
   * optionally followed by a relation ("my colleague", "our new intern,"), or a relation alone
   * opening the clause ("Our new intern, Guy, is in this photo"). After a relation the name starts
   * with a capital: that is where the relation noun ends.
   */
  private static boolean leftFrame(String s, List<Tok> toks, boolean[] relation, int a) {
    if (a == 0) {
      return true;
    }
    int e = a;
    while (e > 0 && relation[e - 1]) {
      e--;
    }
    if (e < a && !nameInitial(s.codePointAt(toks.get(a).start()))) {
      return false;
    }
    if (e < a) {
      e--; // the possessive determiner, or the possessive 's of a name ("Ana's friend Bob")
      if (possessor(s, toks, e)) {
        while (e > 0 && (nameWord(s, toks.get(e - 1)) || initial(s, toks.get(e - 1))
            || PARTICLES.contains(toks.get(e - 1).lower()))) {
          e--;
        }
      }
      if (e == 0) {
        return true; // "Our new intern, Guy, is in this photo": the relation is the subject
      }
    }
    // "Yo, here is Marco", "Ana, this is Bob": up to three words set off by a comma open the clause
    int from = 0;
    for (int c = 1; c <= 3 && c < e - 1; c++) {
      if (toks.get(c).lower().equals(",")) {
        from = c + 1;
        break;
      }
    }
    return frameUpTo(toks, 0, e) || (from > 0 && frameUpTo(toks, from, e));
  }

  /** Tokens [from, e) are frame words ending in an introducer. */
  private static boolean frameUpTo(List<Tok> toks, int from, int e) {
    for (int i = from; i < e; i++) {
      if (!FRAME.contains(toks.get(i).lower())) {
        return false;
      }
    }
    return INTRODUCERS.contains(toks.get(e - 1).lower());
  }

  /**
   * Relation words: lower-case words after a possessive determiner ("my colleague", "our new
   * intern"), up to three, and a comma right after them. The determiner itself is not marked.
   */
  private static boolean[] relation(String s, List<Tok> toks) {
    boolean[] rel = new boolean[toks.size()];
    for (int p = 0; p < toks.size(); p++) {
      if (!POSSESSIVES.contains(toks.get(p).lower()) && !possessor(s, toks, p)) {
        continue;
      }
      int i = p + 1;
      // "my colleague", "our CEO", "Ana's friend": lower-case nouns or an acronym
      while (i < toks.size() && i - p <= 3 && word(toks.get(i))
          && (!nameInitial(s.codePointAt(toks.get(i).start())) || acronym(s, toks.get(i)))
          && !FRAME_VERBS.contains(toks.get(i).lower())) {
        rel[i] = true;
        i++;
      }
      if (i > p + 1 && i < toks.size() && toks.get(i).lower().equals(",")) {
        rel[i] = true;
      }
    }
    return rel;
  }

  /** "Ana's sister": a noun phrase headed by a lower-case noun after a possessor names a relation, not a person. */
  private static boolean possessedNoun(String s, List<Tok> span) {
    Tok last = span.get(span.size() - 1);
    return span.stream().anyMatch(t -> t.lower().startsWith("'")) && word(last)
        && Character.isLowerCase(s.codePointAt(last.start()));
  }

  /** The possessive 's (or ') of a name: "Ana's" in "Ana's friend Bob". */
  private static boolean possessor(String s, List<Tok> toks, int p) {
    return p > 0 && toks.get(p).lower().startsWith("'") && nameWord(s, toks.get(p - 1));
  }

  /** A modal opening the clause before a finite verb is a name: "Can is the person shown here". */
  private static boolean modalAsName(List<Tok> toks) {
    return toks.size() > 1 && MODALS.contains(toks.get(0).lower())
        && Set.of("is", "'s", "was", "appears", "has").contains(toks.get(1).lower());
  }

  /**
   * In an introduction written without capitals ("this is kristina") case cannot mark the name: a
   * reading is then a name only when it is no noun phrase or pronoun ("my colleague", "the new
   * intern", "someone from work", "her") and is one word, or the rest of the record names it.
   */
  private static boolean caselessName(List<Tok> span, String name, String context) {
    if (span.size() == 1 && WORD_NAMES.contains(span.get(0).lower()) && Character.isLowerCase(name.codePointAt(0))) {
      // "this is a photo of summer": the season or the name, unless the record uses it as a name
      return occurs(context, name) || capitalisedInContext(context, name);
    }
    if (NOUN_PHRASE_STARTS.contains(span.get(0).lower())) {
      return false;
    }
    int words = 0;
    for (Tok t : span) {
      if (PRONOUNS.contains(t.lower())) {
        return false;
      }
      words += word(t) ? 1 : 0;
    }
    return words == 1 || occurs(context, name) || capitalisedInContext(context, name);
  }

  /**
   * Whether the record writes the lower-case reading with capitals inside a sentence ("What is Summer
   * wearing?" for "this is a photo of summer"): where a capital is no sentence case, it marks a name.
   */
  private static boolean capitalisedInContext(String context, String name) {
    StringBuilder capitalised = new StringBuilder();
    for (String w : name.split(" ", -1)) {
      if (!capitalised.isEmpty()) {
        capitalised.append(' ');
      }
      capitalised.append(PARTICLES.contains(w) || w.isEmpty() ? w
          : w.substring(0, w.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT) + w.substring(w.offsetByCodePoints(0, 1)));
    }
    String written = capitalised.toString();
    if (written.equals(name)) {
      return false;
    }
    for (int at = context.indexOf(written); at >= 0; at = context.indexOf(written, at + 1)) {
      int end = at + written.length();
      boolean bounded = (at == 0 || !wordChar(context.charAt(at - 1))) && (end == context.length() || !wordChar(context.charAt(end)));
      String before = context.substring(0, at).stripTrailing();
      boolean inside = !before.isEmpty() && Character.isLetterOrDigit(before.charAt(before.length() - 1));
      if (bounded && inside) {
        return true;
      }
    }
    return false;
  }

  /** "me and Jack": a coordination names more than one person, so the reading stays ambiguous. */
  private static boolean coordinated(List<Tok> span) {
    return span.stream().anyMatch(t -> t.lower().equals("and") || t.lower().equals("or"));
  }

  /** Whether all lower-case words of a mixed reading precede its first capitalised word. */
  private static boolean lowerOnlyBefore(String s, List<Tok> span) {
    boolean seenName = false;
    for (Tok t : span) {
      if (nameWord(s, t)) {
        seenName = true;
      } else if (seenName && word(t) && !PARTICLES.contains(t.lower())) {
        return false;
      }
    }
    return true;
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
        if (!run.isBlank() && !mixedCase(run) && hasNameWord(run.strip(), tokens(run.strip()))
            && occurs(context, run.strip())) {
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

  /** Whether tokens [from, to) are all frame words. */
  private static boolean allFrame(List<Tok> toks, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!FRAME.contains(toks.get(i).lower())) {
        return false;
      }
    }
    return true;
  }

  /** A reading is never only frame words, punctuation or a possessive marker. */
  private static boolean plausible(List<Tok> span, boolean frameWordName) {
    if (!frameWordName && allFrame(span, 0, span.size())) {
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
}
