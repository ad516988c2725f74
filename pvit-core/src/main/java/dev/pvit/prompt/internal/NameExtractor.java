package dev.pvit.prompt.internal;

import static dev.pvit.prompt.internal.IntroductionFrames.frame;
import static dev.pvit.prompt.internal.IntroductionText.clauses;
import static dev.pvit.prompt.internal.IntroductionText.normalise;
import static dev.pvit.prompt.internal.NameRuns.runs;
import static dev.pvit.prompt.internal.NameTokens.nameInitial;
import static dev.pvit.prompt.internal.NameTokens.tokens;
import static dev.pvit.prompt.internal.PostNominals.withCredentials;
import static dev.pvit.prompt.internal.PostNominals.withoutPostNominals;
import static dev.pvit.prompt.internal.RecordEvidence.byContext;
import static dev.pvit.prompt.internal.RecordEvidence.extendedByContext;
import static dev.pvit.prompt.internal.RecordEvidence.occurs;
import static dev.pvit.prompt.internal.UndecidableIntroductions.coordinatedAcross;
import static dev.pvit.prompt.internal.UndecidableIntroductions.coordinatedNames;
import static dev.pvit.prompt.internal.UndecidableIntroductions.hedge;
import static dev.pvit.prompt.internal.UndecidableIntroductions.several;
import static dev.pvit.prompt.internal.UndecidableIntroductions.uncommitted;
import static dev.pvit.prompt.internal.UndecidableIntroductions.unfilledSlot;

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
 *
 * <p>This class orders the steps; each concept lives in its own class: the word classes in {@link
 * NameLexicon}, tokens and word shape in {@link NameTokens}, normalising and clause splitting in
 * {@link IntroductionText}, credentials in {@link PostNominals}, refused readings in {@link
 * UndecidableIntroductions}, the frame grammar of one clause in {@link IntroductionFrames}, frameless
 * and caption runs in {@link NameRuns}, and the record's say in {@link RecordEvidence}.
 */
public final class NameExtractor {
  /** Lower-case particles inside names ("Ludwig van Beethoven"); the refusal analyser shares them. */
  static final Set<String> PARTICLES = NameLexicon.PARTICLES;
  /** Honorifics and titles of address, dropped from names; the refusal analyser shares them. */
  static final Set<String> HONORIFICS = NameLexicon.HONORIFICS;
  private static final String NAME_SLOT = "{name}";
  /** A name in parentheses right after a relation: "my aunt (Grace)", "our coach (Mrs. Adeyemi)". */
  private static final Pattern RELATION_PARENTHESIS =
      Pattern.compile("\\b((?:[Mm]y|[Oo]ur|[Yy]our|[Hh]is|[Hh]er|[Tt]heir)(?:\\s+\\p{Ll}[\\p{L}-]*){1,3})\\s*\\(([^()]+)\\)");
  /** A leading word that may be a title, with its optional dot: "Dr. ", "Professor ". */
  private static final Pattern LEADING_HONORIFIC = Pattern.compile("(\\p{L}+)\\.?\\s+");

  /** A configured template as a regular expression, with the length of its fixed text (longer is more specific). */
  private record Compiled(Pattern pattern, int fixedLength) {}

  /** The outcome of reading one introduction. */
  public sealed interface Result {}

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
    Optional<Refused> unfilled = unfilledSlot(introduction);
    if (unfilled.isPresent()) {
      return unfilled.get();
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

  /**
   * The result without leading titles, unless the record uses the titled form; a title alone is no
   * name, and ambiguous readings that differ only by a title become one.
   */
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

  /**
   * Parses an introduction without templates: names coordinated across sentences are refused, then
   * the clauses are read without post-nominals (with and without bare capitals as credentials), and
   * the credited form the record uses wins.
   */
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

  /** Reads the clauses of the normalised text, joining a label to what follows its colon when needed. */
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

  /** Reads the committed clauses; with no name found, a hedged clause that names someone is the reason. */
  private static Result read(List<String> allClauses, String context) {
    Result r = readCommitted(allClauses, context);
    if (r instanceof NotFound) {
      // "This is not Carl", "This might be Kurt", "Is this Ana?": say why rather than "no name found"
      Optional<Refused> uncommitted = uncommitted(allClauses);
      if (uncommitted.isPresent()) {
        return uncommitted.get();
      }
    }
    return r;
  }

  /**
   * Reads the clauses that are neither negated nor hedged: coordinated names are refused, then a
   * framed reading, then a lone name-like run, then a caption the record names.
   */
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

  /** The slot of the most specific configured template the introduction matches exactly. */
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
