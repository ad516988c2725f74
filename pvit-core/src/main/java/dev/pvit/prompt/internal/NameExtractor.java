package dev.pvit.prompt.internal;

import static dev.pvit.prompt.internal.IntroductionText.clauses;
import static dev.pvit.prompt.internal.IntroductionText.normalise;
import static dev.pvit.prompt.internal.NameLexicon.ABBREVIATIONS;
import static dev.pvit.prompt.internal.NameLexicon.CASED_PERSON_NOUNS;
import static dev.pvit.prompt.internal.NameLexicon.FRAME;
import static dev.pvit.prompt.internal.NameLexicon.FRAME_VERBS;
import static dev.pvit.prompt.internal.NameLexicon.INTRODUCERS;
import static dev.pvit.prompt.internal.NameLexicon.MODALS;
import static dev.pvit.prompt.internal.NameLexicon.NOUN_PHRASE_STARTS;
import static dev.pvit.prompt.internal.NameLexicon.POSSESSIVES;
import static dev.pvit.prompt.internal.NameLexicon.PREPOSITIONS;
import static dev.pvit.prompt.internal.NameLexicon.PRONOUNS;
import static dev.pvit.prompt.internal.NameLexicon.SUFFIX_STARTERS;
import static dev.pvit.prompt.internal.NameLexicon.WORD_NAMES;
import static dev.pvit.prompt.internal.NameLexicon.grammarWord;
import static dev.pvit.prompt.internal.NameRuns.runs;
import static dev.pvit.prompt.internal.NameTokens.acronym;
import static dev.pvit.prompt.internal.NameTokens.hasNameWord;
import static dev.pvit.prompt.internal.NameTokens.initial;
import static dev.pvit.prompt.internal.NameTokens.mixedCase;
import static dev.pvit.prompt.internal.NameTokens.nameInitial;
import static dev.pvit.prompt.internal.NameTokens.namePart;
import static dev.pvit.prompt.internal.NameTokens.nameWord;
import static dev.pvit.prompt.internal.NameTokens.span;
import static dev.pvit.prompt.internal.NameTokens.tokens;
import static dev.pvit.prompt.internal.NameTokens.word;
import static dev.pvit.prompt.internal.NameTokens.wordChar;
import static dev.pvit.prompt.internal.PostNominals.withCredentials;
import static dev.pvit.prompt.internal.PostNominals.withoutPostNominals;
import static dev.pvit.prompt.internal.UndecidableIntroductions.PLACEHOLDER;
import static dev.pvit.prompt.internal.UndecidableIntroductions.coordinatedAcross;
import static dev.pvit.prompt.internal.UndecidableIntroductions.coordinatedNames;
import static dev.pvit.prompt.internal.UndecidableIntroductions.hedge;
import static dev.pvit.prompt.internal.UndecidableIntroductions.several;

import com.google.common.collect.ImmutableList;
import dev.pvit.prompt.internal.NameTokens.Tok;
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
 * Kristina in a photo.", "This is Kristina's portrait.", "Meet my colleague Kristina.", "Kristina is
 * shown here.").
 *
 * <p>Configured templates are matched exactly (the most specific wins). Without templates the text
 * is parsed. It is split into sentences and stand-alone parts (";", a spaced dash, a label before
 * ":"), without parenthetical asides or leading interjections and vocatives. In each part, an
 * introduction is a <em>frame</em> of closed-class words (determiners, pronouns, image nouns such as
 * photo/portrait/headshot, presentational verbs such as is/shows/features/depicts/meet/see, the
 * markers of/featuring/named/called/to) around the name. The frame's left part ends in an
 * introducer (a copula, a presentational verb or a marker), optionally followed by a relation (a
 * possessive determiner and lower-case words: "my colleague", "our new intern,"); its right part, if
 * any, starts with a possessive ({@code 's}), a verb (is shown, looks), a comma or, after a known
 * left part, a preposition ("from work"). A reading must hold a capitalised or CJK word (in text
 * written without capitals, one word that is no pronoun or noun phrase); a sentence-opening word is
 * never the name unless the frame follows it. The part whose frame leaves a clean name is the
 * introduction; other sentences are commentary. With no known frame, a lone capitalised run that is
 * not governed by an article or a locative preposition ("in London", "the Eiffel Tower") is the
 * name. Names are arbitrary strings, so when the text can be read more than one way (the name is
 * itself a frame word, the left-over mixes capitalised and lower-case words, another name-like word
 * stands in the same sentence) the text of the rest of the record decides, and otherwise the
 * extractor answers "ambiguous" rather than guessing.
 *
 * <p>Some readings are refused whatever the record says, because a wrong name is worse than an
 * error: names coordinated by "and"/"or"/"plus" (a reference image shows one person; the record
 * naming one of them does not make the other disappear), clauses taken back by a negation or a hedge
 * ("not", "-n't", "maybe", "I think", "might be"), which are skipped, and unfilled slots ("[NAME]",
 * "{name}", "&lt;name&gt;"). Up to three words set off by a comma before the frame are an interjection
 * or the addressee ("Yo, here's Marco"); a lower-case participle with a complement ends the name
 * ("Carlos wearing a scarf"); a name in parentheses right after a relation is the name ("my aunt
 * (Grace)"). Leading honorifics are dropped from every result ({@link #withoutHonorific(String)}),
 * and post-nominal credentials ("Ana Lima, MD", "Raj Patel PhD") too, unless the rest of the record
 * names the person with them. A caption ("Ana at the beach") gives its opening run only when the
 * record names it. Refused readings ({@link Refused}) carry the reason for the user.
 */
public final class NameExtractor {
  /** Lower-case particles inside names ("Ludwig van Beethoven"); the refusal analyser shares them. */
  static final Set<String> PARTICLES = NameLexicon.PARTICLES;
  /** Honorifics and titles of address, dropped from names ({@link NameLexicon#HONORIFICS}); the refusal analyser shares them. */
  static final Set<String> HONORIFICS = NameLexicon.HONORIFICS;
  private static final String NAME_SLOT = "{name}";
  /** A name in parentheses right after a relation: "my aunt (Grace)", "our coach (Mrs. Adeyemi)". */
  private static final Pattern RELATION_PARENTHESIS =
      Pattern.compile("\\b((?:[Mm]y|[Oo]ur|[Yy]our|[Hh]is|[Hh]er|[Tt]heir)(?:\\s+\\p{Ll}[\\p{L}-]*){1,3})\\s*\\(([^()]+)\\)");
  /** The next space-separated word, right after the previous one (or the dot of its abbreviation). */
  private static final Pattern FOLLOWING_WORD = Pattern.compile("\\.?\\s+\\S+");
  /** A possessive or punctuation closing a word ("Is's.", "Ana,"). */
  private static final String POSSESSIVE_OR_PUNCTUATION_END = "(?:'s|')?[.,;:!?]*$";
  /** The last space-separated word of a region. */
  private static final Pattern PRECEDING_WORD = Pattern.compile("(\\S+)\\s+$");
  private static final Pattern LEADING_HONORIFIC = Pattern.compile("(\\p{L}+)\\.?\\s+");

  private record Compiled(Pattern pattern, int fixedLength) {}

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

  /**
   * The sentence is an introduction that cannot give one name, whatever the record says.
   *
   * @param reason why, completing "the introduction ..." ("names more than one person ('Ana' and 'Bob')")
   */
  public record Refused(String reason) implements Result {}

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
      return withoutHonorifics(template(introduction), context);
    }
    Matcher slot = PLACEHOLDER.matcher(introduction);
    if (slot.find()) {
      // an unfilled template slot ("This is [NAME].") names no one
      return new Refused("has an unfilled template slot '" + slot.group() + "'");
    }
    Result r = extendedByContext(asWritten(parse(introduction, context), introduction), introduction, context);
    if (r instanceof NotFound) {
      // "This is my aunt (Grace) at the beach": the aside is the name the relation refers to
      Matcher m = RELATION_PARENTHESIS.matcher(introduction);
      if (m.find()) {
        r = parse(m.replaceAll("$1, $2,"), context);
      }
    }
    return withoutHonorifics(r, context);
  }

  /**
   * The longer name the record itself uses, when the introduction has it around the name found:
   * "This is J. R. And." reads as "J. R." (a sentence seems to end), "And J. R. is shown here" as
   * "J. R." (an opening "And"), but a question about "J. R. And" shows where the name is. Extra
   * capitalised words the record uses make the longer name; when they are grammar or frame words
   * ("And", "Meet") either reading is possible and the result is ambiguous.
   */
  private static Result extendedByContext(Result r, String introduction, String context) {
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

  /**
   * The name with the apostrophes the introduction uses ("Conor O’Brien"): the parser reads
   * typographic apostrophes as straight ones, the name keeps what the author wrote.
   */
  private static Result asWritten(Result r, String introduction) {
    if (!(r instanceof Found f) || !f.value().contains("'") || introduction.contains(f.value())) {
      return r;
    }
    String regex = Arrays.stream(f.value().split("'", -1)).map(Pattern::quote)
        .reduce((x, y) -> x + "['\u2019\u2018\u02BC]" + y).orElseThrow();
    Matcher m = Pattern.compile(regex).matcher(introduction);
    return m.find() ? new Found(m.group()) : r;
  }

  /**
   * The name without leading honorifics ("Dr. Ana Lima" is "Ana Lima", "Mrs. Patel" is "Patel"),
   * when a name follows them; a title alone is left as written.
   *
   * @param name a name as written
   * @return the name proper
   */
  public static String withoutHonorific(String name) {
    String rest = name.strip();
    while (true) {
      Matcher m = LEADING_HONORIFIC.matcher(rest);
      if (!m.lookingAt() || !HONORIFICS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
        return rest;
      }
      String after = rest.substring(m.end());
      boolean caseless = rest.codePoints().noneMatch(cp -> Character.isUpperCase(cp) || Character.isTitleCase(cp));
      if (after.isEmpty() || !(nameInitial(after.codePointAt(0)) || (caseless && Character.isLetter(after.charAt(0))))) {
        return rest;
      }
      rest = after;
    }
  }

  private static Result withoutHonorifics(Result r, String context) {
    if (r instanceof Found f) {
      // The record's own questions or answers calling the person "Dr. Ana Lima" show the title is
      // part of the name it uses (an app may register people that way): keep it, so such records
      // read back as they were written.
      String name = occurs(context, f.value()) ? f.value() : withoutHonorific(f.value());
      // "This is Mrs.", "This is Dr. Who": a title alone names no one
      return HONORIFICS.contains(name.replace(".", "").toLowerCase(Locale.ROOT)) ? new NotFound() : new Found(name);
    }
    if (r instanceof Ambiguous a) {
      return new Ambiguous(List.copyOf(new LinkedHashSet<>(a.candidates().stream().map(NameExtractor::withoutHonorific)
          .toList())));
    }
    return r;
  }

  private static Result parse(String introduction, String context) {
    List<String> pair = coordinatedAcross(introduction);
    if (!pair.isEmpty()) {
      return several(pair);
    }
    String text = normalise(introduction);
    Result strict = parseClauses(withoutPostNominals(text, false), context);
    String loose = withoutPostNominals(text, true);
    if (strict instanceof Found f && !loose.equals(withoutPostNominals(text, false))) {
      // "Ana Lima MD": capitals after a name without a comma are a credential or a surname ("Wang LI")
      Result other = parseClauses(loose, context);
      if (other instanceof Found g && !g.value().equals(f.value())) {
        return byContext(List.of(f.value(), g.value()), context);
      }
    }
    if (strict instanceof Found f) {
      // the record's own text calling the person "Ana Lima, MD" keeps the credential, as with titles
      for (String credited : withCredentials(text, f.value())) {
        if (occurs(context, credited)) {
          return new Found(credited);
        }
      }
    }
    return strict;
  }

  private static Result parseClauses(String text, String context) {
    List<String> all = clauses(text);
    // a label before a colon ("Heads up:", "Photo:") introduces only when nothing after it does
    List<String> clauses = all.stream().filter(c -> !c.endsWith(":")).toList();
    Result body = read(clauses, context);
    if (body instanceof NotFound && clauses.size() < all.size()) {
      // the label and what follows it as one clause: "Picture: Kristina at the beach"
      List<String> joined = new ArrayList<>();
      for (String c : all) {
        int last = joined.size() - 1;
        if (last >= 0 && joined.get(last).endsWith(":")) {
          joined.set(last, joined.get(last) + " " + c);
        } else {
          joined.add(c);
        }
      }
      return read(joined, context);
    }
    return body;
  }

  private static Result read(List<String> allClauses, String context) {
    Result r = readCommitted(allClauses, context);
    if (r instanceof NotFound) {
      // "This is not Carl", "This might be Kurt", "Is this Ana?": say why rather than "no name found"
      for (String clause : allClauses) {
        Optional<String> hedge = hedge(clause);
        if (hedge.isPresent() && tokens(clause).stream().anyMatch(t -> nameWord(clause, t) && !FRAME.contains(t.lower()))) {
          return new Refused("is negated, hedged or asked ('" + hedge.get() + "'), so it does not say who is shown");
        }
      }
    }
    return r;
  }

  private static Result readCommitted(List<String> allClauses, String context) {
    // a negated or hedged clause introduces no one: "This is not Carl", "This might be Kurt"
    List<String> clauses = allClauses.stream().filter(c -> hedge(c).isEmpty()).toList();
    boolean caseless = clauses.stream().noneMatch(NameTokens::capitalisedInside);
    // "Ruth and Sol", "Mr. and Mrs. Smith": one reference image introduces one person, whatever the record says
    for (String clause : clauses) {
      List<String> conjuncts = coordinatedNames(clause);
      if (!conjuncts.isEmpty()) {
        return several(conjuncts);
      }
    }
    // the sentence that introduces: a clause whose frame leaves a clean name
    List<String> found = new ArrayList<>();
    List<String> ambiguous = new ArrayList<>();
    for (String clause : clauses) {
      Result r = frame(clause, context, caseless);
      if (r instanceof Found f && !found.contains(f.value())) {
        found.add(f.value());
      } else if (r instanceof Ambiguous a) {
        ambiguous.addAll(a.candidates());
      }
    }
    if (found.size() == 1) {
      return new Found(found.get(0));
    }
    if (found.size() > 1) {
      return byContext(found, context);
    }
    if (!ambiguous.isEmpty()) {
      return new Ambiguous(List.copyOf(new LinkedHashSet<>(ambiguous)));
    }
    // no known frame: a lone capitalised run in a position a name can take
    List<String> runs = new ArrayList<>();
    for (String clause : clauses) {
      for (String run : runs(clause, tokens(clause), true)) {
        if (!runs.contains(run)) {
          runs.add(run);
        }
      }
    }
    if (runs.isEmpty()) {
      // a caption ("Ana at the beach.", "Ana smiling at the camera.") reads the same as "Summer in Paris.":
      // its opening run is the name only when the record names it
      List<String> captions = clauses.stream().map(NameRuns::captionRun).flatMap(Optional::stream)
          .filter(c -> occurs(context, c)).distinct().toList();
      return captions.size() == 1 ? new Found(captions.get(0)) : new NotFound();
    }
    return runs.size() == 1 ? new Found(runs.get(0)) : byContext(runs, context);
  }

  /** The one candidate the rest of the record mentions, or all of them as ambiguous. */
  private static Result byContext(List<String> candidates, String context) {
    List<String> inContext = candidates.stream().filter(c -> occurs(context, c)).toList();
    return inContext.size() == 1 ? new Found(inContext.get(0)) : new Ambiguous(List.copyOf(candidates));
  }

  /**
   * Reads one clause by its frame. Readings must hold a capitalised (or CJK) word; a reading whose
   * lower-case words all come before its capitalised run ("provided so that you can recognise
   * Will") only shows that the frame is unknown and is left to the run fallback. A found name loses
   * to any other name-like run in the same clause ("This is Tom, or maybe Tim") unless the record
   * decides.
   */
  private static Result frame(String s, String context, boolean caseless) {
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
