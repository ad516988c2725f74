package dev.pvit.chat.internal;

import com.google.common.collect.ImmutableList;
import dev.pvit.chat.Abstention;
import dev.pvit.chat.Intent;
import dev.pvit.chat.internal.Tokenizer.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses a question into a {@link LogicalForm} with a closed world: every word must be a registered
 * name, a word of the {@link Lexicon}, or (in a person slot of the {@link Grammar}) an unregistered
 * name; the question as a whole must match a production. Anything else is not answered locally.
 *
 * <p>Registered names are found wherever they stand (case- and diacritic-insensitive, several
 * words, hyphens, apostrophes, a possessive "'s"). A registered name that is also a word ("May",
 * "Will") is read both ways and the grammar decides; two readings with different meanings make the
 * question ambiguous. A word outside the lexicon may be a typo of a lexicon word (five letters or
 * more, unambiguous) or an unregistered name; when both readings parse, the name wins, so a typo
 * never silently turns a stranger's name into a keyword. Instances are immutable and thread-safe.
 */
public final class QuestionParser {
  private static final int MAX_READINGS = 512;
  private static final String UNRESOLVED = "\u0000pronoun";
  /** Terminals after which an unknown word in a question outside the grammar is taken as a name. */
  private static final Set<String> SLOT_BEFORE = Set.of("be", "do", "md", "see", "recog", "nextto", "between", "than",
      "and", "or", "nor", "have", "with", "by", "where", "who");

  /** A lettered option: "A)", "(B)", "C." or "D:" standing alone. */
  private static final Pattern OPTION = Pattern.compile("(?<![\\p{L}\\p{N}])\\(?([A-H])[).:](?=\\s)");
  /** Terminals a multiple-choice stem may have: it asks only who, of the options, is here. */
  private static final Set<String> CHOICE_STEM = Set.of("be", "do", "md", "you", "i", "who", "which", "of", "person",
      "here", "see", "appear", "photo", "on", "there", "among", "recog", "ask", "tell", "either");
  /** Words of a multiple-choice stem that point at the options or ask to choose. */
  private static final Set<String> STEM_WORDS = Set.of("following", "pick", "choose", "select", "options", "option",
      "listed", "below");

  /** Punctuation that may cut one question in two. */
  private static final Pattern CLAUSE_BREAK = Pattern.compile("[:;]");
  /** Terminals a question (not a statement) starts with. */
  private static final Set<String> INTERROGATIVE = Set.of("be", "do", "md", "who", "what", "where", "which", "how",
      "have");
  /** How many earlier questions "the two" may reach back to for the people it means. */
  private static final int RECENT = 4;

  private final List<Variant> variants;

  private record Variant(String canonical, List<String> keys) {}

  /** One unit of a question: a registered name, a lexicon word, a possessive, or an unknown word run. */
  private sealed interface Item permits NameItem, WordItem, UnknownItem {}

  private record NameItem(String canonical, Word first, boolean isWord) implements Item {}

  private record WordItem(String key, Word word) implements Item {}

  private record UnknownItem(String raw, Word first, boolean single, boolean afterDeterminer) implements Item {}

  private record Ref(String name, boolean registered) {}

  private record Reading(LogicalForm form, int cost, Set<String> unknown) {}

  /**
   * A parser for the given people.
   *
   * @param people registered display name → all names (display name and aliases)
   */
  public QuestionParser(Map<String, List<String>> people) {
    List<Variant> v = new ArrayList<>();
    people.forEach((canonical, names) -> {
      for (String n : names) {
        List<String> keys = Tokenizer.keys(n);
        if (!keys.isEmpty()) {
          v.add(new Variant(canonical, keys));
        }
      }
    });
    // A name registered with its title ("Dr. Chen") is also asked for without it ("Is Chen here?",
    // "Is Doctor Chen smiling?"), unless that would be someone else's name too.
    List<Variant> untitled = new ArrayList<>();
    for (Variant t : v) {
      List<String> rest = t.keys().subList(1, t.keys().size());
      boolean titled = t.keys().size() > 1 && Lexicon.isTitle(t.keys().get(0)) && !Lexicon.isTitle(rest.get(0));
      if (titled && v.stream().noneMatch(o -> o.keys().equals(rest) && !o.canonical().equals(t.canonical()))
          && v.stream().filter(o -> o.keys().size() == t.keys().size() && o.keys().subList(1, o.keys().size())
              .equals(rest)).map(Variant::canonical).distinct().count() == 1) {
        untitled.add(new Variant(t.canonical(), List.copyOf(rest)));
      }
    }
    v.addAll(untitled);
    // Longest variants first, so "Mary Jane" wins over "Mary".
    v.sort((a, b) -> Integer.compare(b.keys().size(), a.keys().size()));
    this.variants = ImmutableList.copyOf(v);
  }

  /**
   * Parses a question.
   *
   * @param question the question as asked
   * @param earlier earlier questions of the conversation, oldest first: pronouns refer to the
   *     people of the latest one that named someone, and "And Leonard?" repeats the latest one's
   *     question about someone else
   * @return what it means, or why it is not understood
   */
  public ParsedQuestion parse(String question, List<ParsedQuestion> earlier) {
    Optional<ParsedQuestion> choice = choice(question);
    if (choice.isPresent()) {
      return choice.get();
    }
    if (CLAUSE_BREAK.matcher(question).find()) {
      // A colon or semicolon may cut one question in two ("Who is older: Gina or Hank?"): read it
      // whole first; only if that fails are its parts separate sentences.
      ParsedQuestion whole = parse(CLAUSE_BREAK.matcher(question).replaceAll(","), earlier);
      if (whole.form().isPresent()) {
        return new ParsedQuestion(question, whole.form(), whole.people(), whole.unknownNames(), whole.intent(),
            whole.abstention());
      }
    }
    List<Word> words = Tokenizer.words(question);
    int last = words.isEmpty() ? 0 : words.get(words.size() - 1).sentence();
    // The last sentence with content is the question; earlier sentences ("I'm looking for Howard.")
    // only introduce people for its pronouns.
    int main = last;
    while (main > 0 && !meaningful(sentence(words, main))) {
      main--;
    }
    List<ParsedQuestion> context = new ArrayList<>(earlier);
    Set<String> unknownBefore = new LinkedHashSet<>();
    boolean several = false;
    for (int s = 0; s < main; s++) {
      String text = sentence(words, s).stream().map(Word::raw).collect(Collectors.joining(" "));
      ParsedQuestion p = parseSentence(text, sentence(words, s), List.copyOf(context));
      unknownBefore.addAll(p.unknownNames());
      several |= isQuestion(sentence(words, s), p);
      context.add(p);
    }
    ParsedQuestion p = parseSentence(question, sentence(words, main), context);
    if (several) {
      // Answering only the last of several questions would drop the others.
      List<String> people = context.subList(earlier.size(), context.size()).stream()
          .flatMap(q -> q.people().stream()).collect(Collectors.toCollection(ArrayList::new));
      people.addAll(p.people());
      p = new ParsedQuestion(question, Optional.empty(), people.stream().distinct().toList(), p.unknownNames(),
          Intent.UNKNOWN, Optional.of(new Abstention(Abstention.Reason.SEVERAL_QUESTIONS, List.of())));
    }
    if (unknownBefore.isEmpty()) {
      return p;
    }
    List<String> unknown = new ArrayList<>(unknownBefore);
    unknown.addAll(p.unknownNames());
    return new ParsedQuestion(p.text(), p.form(), p.people(), unknown.stream().distinct().toList(), p.intent(),
        p.abstention());
  }

  /**
   * A multiple-choice question ("Which of these people is in this photo? A) Ana B) Ben C) none of
   * them"): lettered options A, B, C… in order, each a name or "none of them", after a stem that
   * asks only who is here. It asks which of the named people are present; anything else in the
   * stem ("Which of these is smiling?") is left to the grammar.
   */
  private Optional<ParsedQuestion> choice(String question) {
    Matcher m = OPTION.matcher(question);
    List<int[]> marks = new ArrayList<>();
    while (m.find()) {
      if (m.group(1).charAt(0) - 'A' != marks.size()) {
        return Optional.empty();
      }
      marks.add(new int[] {m.start(), m.end()});
    }
    if (marks.size() < 2) {
      return Optional.empty();
    }
    for (Word w : Tokenizer.words(question.substring(0, marks.get(0)[0]))) {
      String t = Lexicon.terminal(w.key()).orElse(STEM_WORDS.contains(w.key()) ? "" : "?");
      if (!t.isEmpty() && !CHOICE_STEM.contains(t)) {
        return Optional.empty();
      }
    }
    List<String> options = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < marks.size(); i++) {
      int end = i + 1 < marks.size() ? marks.get(i + 1)[0] : question.length();
      String option = question.substring(marks.get(i)[1], end).strip().replaceAll("[\\s,;.?!]+$", "");
      if (option.matches("(?i)none(?: of (?:them|these|those|the above))?|nobody|no one|neither")) {
        continue;
      }
      List<Word> words = Tokenizer.words(option);
      Optional<Variant> v = nameAt(words, 0);
      if (v.isPresent() && v.get().keys().size() == words.size()) {
        options.add(v.get().canonical());
      } else if (!words.isEmpty() && words.stream().allMatch(w -> w.capitalised() && !Lexicon.known(w.key()))) {
        options.add(option);
        unknown.add(option);
      } else {
        return Optional.empty();
      }
    }
    if (options.isEmpty()) {
      return Optional.empty();
    }
    LogicalForm f = new LogicalForm(LogicalForm.Want.WHO, new LogicalForm.Names(options, LogicalForm.Junction.ANY),
        new LogicalForm.Present(), false);
    List<String> people = options.stream().filter(o -> !unknown.contains(o)).toList();
    return Optional.of(new ParsedQuestion(question, Optional.of(f), people, List.copyOf(unknown), f.intent(),
        Optional.empty()));
  }

  /**
   * Whether an earlier sentence of the input is a question of its own rather than context ("I'm
   * looking for Howard."): it asks (a question mark, or the word order of a question) and means
   * something, or it is a request for who/where/how many ("Tell me who is on the left.").
   */
  private static boolean isQuestion(List<Word> sentence, ParsedQuestion p) {
    boolean asked = sentence.stream().anyMatch(Word::asked);
    if (p.form().isPresent()) {
      String first = content(sentence).stream().findFirst().map(w -> terminal(w.key())).orElse("");
      return asked || INTERROGATIVE.contains(first) || p.form().get().want() != LogicalForm.Want.YES_NO;
    }
    return asked && (!p.people().isEmpty() || !p.unknownNames().isEmpty() || p.intent() == Intent.DESCRIBE);
  }

  private static List<Word> sentence(List<Word> words, int index) {
    return words.stream().filter(w -> w.sentence() == index).toList();
  }

  /** Whether a sentence says anything: not only fillers or idioms that mean nothing ("Thanks.", "Yes or no?"). */
  private static boolean meaningful(List<Word> sentence) {
    String keys = " " + sentence.stream().map(Word::key).collect(Collectors.joining(" ")) + " ";
    for (String[] idiom : Lexicon.idioms()) {
      if (idiom[1].isEmpty()) {
        keys = keys.replace(" " + idiom[0] + " ", " ");
      }
    }
    return Arrays.stream(keys.strip().split(" ")).anyMatch(k -> !k.isEmpty() && !Lexicon.terminal(k).orElse("x").isEmpty());
  }

  private static List<Word> content(List<Word> words) {
    return words.stream().filter(w -> !Lexicon.terminal(w.key()).orElse("x").isEmpty()).toList();
  }

  private ParsedQuestion parseSentence(String text, List<Word> words, List<ParsedQuestion> context) {
    List<Item> items = idioms(items(words));
    List<Ref> refs = new ArrayList<>();
    List<List<String>> readings = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      readings.add(readings(items, i, refs));
    }
    // Pronouns: singular ones need exactly one antecedent, plural ones take all of them.
    List<String> antecedents = context.stream().map(ParsedQuestion::people).filter(l -> !l.isEmpty())
        .reduce((a, b) -> b).orElse(List.of());
    // "Who is the oldest?" "Is he smiling?": a singular pronoun right after a who-question means the
    // face that question picked out (answered only if exactly one face fits it)
    Optional<LogicalForm.Described> answered = context.isEmpty() || !context.get(context.size() - 1).people().isEmpty()
        ? Optional.empty() : context.get(context.size() - 1).form().flatMap(QuestionParser::described);
    if (antecedents.isEmpty()) {
      antecedents = sameSentence(items);
    }
    List<String> resolved = new ArrayList<>();
    for (String a : antecedents) {
      resolved.add("p" + refs.size());
      refs.add(new Ref(a, true));
    }
    String singular = resolved.size() == 1 && answered.isEmpty() ? resolved.get(0) : "r0";
    String plural = resolved.isEmpty() ? "r0" : String.join(" and ", resolved);
    // The people of the last few questions, latest first, for "the older of the two".
    List<List<String>> recent = new ArrayList<>();
    List<ParsedQuestion> named = context.stream().filter(q -> !q.people().isEmpty()).toList();
    for (int q = named.size() - 1; q >= Math.max(0, named.size() - RECENT); q--) {
      List<String> group = new ArrayList<>();
      for (String a : named.get(q).people()) {
        group.add("p" + refs.size());
        refs.add(new Ref(a, true));
      }
      recent.add(group);
    }

    Grammar grammar = new Grammar(t -> t.startsWith("r") ? UNRESOLVED : refs.get(Integer.parseInt(t.substring(1))).name());
    // "And Leonard?" repeats the last question about named people with another subject.
    Optional<LogicalForm> previous = context.stream().map(ParsedQuestion::form).flatMap(Optional::stream)
        .reduce((a, b) -> b).filter(f -> f.subject() instanceof LogicalForm.Names);
    // "And on the right?" repeats the last positional question about another place.
    Optional<LogicalForm> positional = context.stream().map(ParsedQuestion::form).flatMap(Optional::stream)
        .reduce((a, b) -> b).filter(f -> !f.negated() && (f.relation() instanceof LogicalForm.InThird
            || f.relation() instanceof LogicalForm.Ranked || f.relation() instanceof LogicalForm.InRow)
            && f.want() != LogicalForm.Want.WHERE);
    List<Reading> parses = new ArrayList<>();
    enumerate(readings, 0, new ArrayList<>(), combo -> {
      int cost = 0;
      for (int i = 0; i < combo.size(); i++) {
        cost += cost(items.get(i), combo.get(i));
      }
      String terminals = combo.stream().map(r -> r.startsWith("~") ? r.substring(1) : r)
          .collect(Collectors.joining(" ")).replaceAll("\\s+", " ").strip();
      Optional<LogicalForm> f = previous.isPresent()
          ? grammar.ellipsis(terminals).map(n -> previous.get().withSubject(n))
          : Optional.empty();
      if (f.isEmpty() && positional.isPresent()) {
        f = Grammar.placeEllipsis(terminals, positional.get().want() == LogicalForm.Want.WHO)
            .map(r -> positional.get().withRelation(r));
      }
      if (f.isEmpty()) {
        f = grammar.parse(terminals, singular, plural, recent);
      }
      if (f.isPresent()) {
        Set<String> unknown = new LinkedHashSet<>();
        for (String t : terminals.split(" ")) {
          if (t.matches("u\\d+")) {
            unknown.add(refs.get(Integer.parseInt(t.substring(1))).name());
          }
        }
        parses.add(new Reading(f.get(), cost, unknown));
      }
    });
    if (!parses.isEmpty()) {
      return understood(text, parses.stream().map(r -> answered.map(d -> new Reading(about(r.form(), d), r.cost(),
          r.unknown())).orElse(r)).toList(), refs);
    }
    return notUnderstood(text, items, refs);
  }

  /**
   * The face a who-question picked out, as a description: "Who is the oldest?" is "the oldest
   * person"; only for a description that holds face by face and picks out faces of the photo.
   */
  private static Optional<LogicalForm.Described> described(LogicalForm f) {
    if (f.want() != LogicalForm.Want.WHO || f.negated() || !(f.subject() instanceof LogicalForm.Group g)
        || g.quantifier() != LogicalForm.Quantifier.THOSE || !g.except().isEmpty()) {
      return Optional.empty();
    }
    LogicalForm.Relation r = f.relation();
    boolean picksFaces = r instanceof LogicalForm.Ranked || r instanceof LogicalForm.InThird
        || r instanceof LogicalForm.InRow || r instanceof LogicalForm.NextTo || r instanceof LogicalForm.SideOf
        || r instanceof LogicalForm.Between || r instanceof LogicalForm.Behind || r instanceof LogicalForm.Shows
        || r instanceof LogicalForm.AgeBeyond || r instanceof LogicalForm.AgeExtreme
        || r instanceof LogicalForm.MostExpressive || r instanceof LogicalForm.AllOf
        || (r instanceof LogicalForm.Present && g.filter() == LogicalForm.Filter.UNKNOWN);
    return picksFaces ? Optional.of(new LogicalForm.Described(g.filter(),
        r instanceof LogicalForm.Present ? Optional.empty() : Optional.of(r))) : Optional.empty();
  }

  /** A question whose subject is the unresolved singular pronoun, about the face a description fits. */
  private static LogicalForm about(LogicalForm f, LogicalForm.Described d) {
    boolean onlyPronoun = f.subject() instanceof LogicalForm.Names n && n.names().equals(List.of(UNRESOLVED));
    boolean supported = f.want() == LogicalForm.Want.YES_NO || f.want() == LogicalForm.Want.VALUE
        || f.want() == LogicalForm.Want.WHERE;
    if (!onlyPronoun || !supported || f.relation() instanceof LogicalForm.Clauses
        || f.relation() instanceof LogicalForm.Only || f.relation() instanceof LogicalForm.OfThe) {
      return f;
    }
    return new LogicalForm(f.want(), d, f.relation(), f.negated());
  }

  /**
   * "Is Alice here and is she smiling?": with nobody named earlier, a pronoun after "and"/"but"
   * means the one registered person named before it in the same sentence.
   */
  private static List<String> sameSentence(List<Item> items) {
    List<String> named = new ArrayList<>();
    boolean joined = false;
    for (Item it : items) {
      if (it instanceof NameItem n) {
        if (n.isWord() || joined) {
          return List.of();
        }
        named.add(n.canonical());
      } else if (it instanceof WordItem w && !named.isEmpty()) {
        String t = terminal(w.key());
        joined |= t.equals("and") || t.equals("but");
        if (joined && t.equals("pron")) {
          return named.stream().distinct().count() == 1 ? List.of(named.get(0)) : List.of();
        }
      }
    }
    return List.of();
  }

  private ParsedQuestion understood(String text, List<Reading> parses, List<Ref> refs) {
    int best = parses.stream().mapToInt(Reading::cost).min().orElseThrow();
    List<Reading> top = parses.stream().filter(r -> r.cost() == best).toList();
    Reading r = top.get(0);
    Set<String> registered = refs.stream().filter(Ref::registered).map(Ref::name).collect(Collectors.toSet());
    List<String> people = r.form().names().stream().filter(registered::contains).toList();
    if (top.stream().map(Reading::form).distinct().count() > 1) {
      return new ParsedQuestion(text, Optional.empty(), people, List.of(), Intent.UNKNOWN,
          Optional.of(new Abstention(Abstention.Reason.AMBIGUOUS, List.of())));
    }
    List<String> unknown = List.copyOf(r.unknown());
    if (r.form().names().contains(UNRESOLVED)) {
      return new ParsedQuestion(text, Optional.empty(), people, unknown, r.form().intent(),
          Optional.of(new Abstention(Abstention.Reason.UNRESOLVED_PRONOUN, pronouns(text))));
    }
    return new ParsedQuestion(text, Optional.of(r.form()), people, unknown, r.form().intent(), Optional.empty());
  }

  private static List<String> pronouns(String text) {
    return Tokenizer.words(text).stream().map(Word::key)
        .filter(k -> Lexicon.terminal(k).orElse("").matches("pron.*|else")).distinct().toList();
  }

  /** Outside the grammar: still find unregistered names, and say which words were not understood. */
  private ParsedQuestion notUnderstood(String text, List<Item> items, List<Ref> refs) {
    Set<String> people = new LinkedHashSet<>();
    Set<String> unknown = new LinkedHashSet<>();
    List<String> vision = new ArrayList<>();
    List<String> notUnderstood = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      String before = i > 0 ? firstReading(items.get(i - 1)) : "";
      Item next = i + 1 < items.size() ? items.get(i + 1) : null;
      boolean possessed = next instanceof WordItem w && w.word().isPossessive();
      if (it instanceof NameItem n) {
        if (!n.isWord() || (n.first().capitalised() && !n.first().sentenceStart()) || SLOT_BEFORE.contains(before)
            || possessed) {
          people.add(n.canonical());
        }
      } else if (it instanceof UnknownItem u) {
        // "Does Alice have long hair?", "the one with red glasses": a word between "have"/"with" and a
        // thing describes the thing; "What is zara holding?" has a name before an action
        boolean describesThing = before.matches("have|with") && next instanceof WordItem t && Lexicon.isVision(t.key())
            && !t.key().endsWith("ing");
        boolean lowerSlot = SLOT_BEFORE.contains(before) && !u.raw().matches("(?i).*(?:ing|ed|ly)$") && !describesThing
            && (next == null || possessed || firstReading(next).matches("vis|e\\w+|here|absent|look|be|and|or"));
        if (eligible(u) && ((u.first().capitalised() && !u.first().sentenceStart()) || possessed || lowerSlot)) {
          unknown.add(u.raw());
        } else {
          notUnderstood.add(u.raw());
        }
      } else if (it instanceof WordItem w && Lexicon.isVision(w.key())) {
        vision.add(w.word().raw());
      }
    }
    Abstention a = vision.isEmpty() || !notUnderstood.isEmpty()
        ? new Abstention(Abstention.Reason.NOT_UNDERSTOOD, notUnderstood)
        : new Abstention(Abstention.Reason.NEEDS_VISION_MODEL, vision);
    return new ParsedQuestion(text, Optional.empty(), List.copyOf(people), List.copyOf(unknown),
        vision.isEmpty() ? Intent.UNKNOWN : Intent.DESCRIBE, Optional.of(a));
  }

  private static String firstReading(Item it) {
    if (it instanceof WordItem w) {
      return w.word().isPossessive() ? "poss" : terminal(w.key());
    }
    return it instanceof NameItem ? "p" : "u";
  }

  private List<Item> items(List<Word> all) {
    List<Word> words = new ArrayList<>();
    for (int k = 0; k < all.size(); k++) {
      if (!Lexicon.isFiller(all.get(k).key(), k + 1 < all.size() ? all.get(k + 1).key() : "")) {
        words.add(all.get(k));
      }
    }
    List<Item> out = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      Word w = words.get(i);
      boolean afterDeterminer = i > 0 && (Lexicon.isDeterminer(words.get(i - 1).key())
          || Lexicon.isNumber(words.get(i - 1).key()));
      Optional<Variant> v = w.isPossessive() ? Optional.empty() : nameAt(words, i);
      if (v.isEmpty() && titleBeforeName(words, i)) {
        i++;
        continue;
      }
      if (v.isPresent()) {
        boolean isWord = v.get().keys().size() == 1 && Lexicon.known(w.key());
        if (!(isWord && afterDeterminer)) {
          out.add(new NameItem(v.get().canonical(), w, isWord));
          i += v.get().keys().size();
          continue;
        }
      }
      if (w.isPossessive() || Lexicon.known(w.key())) {
        out.add(new WordItem(w.key(), w));
        i++;
        continue;
      }
      int j = i;
      List<String> raw = new ArrayList<>();
      while (j < words.size() && !words.get(j).isPossessive() && !Lexicon.known(words.get(j).key())
          && nameAt(words, j).isEmpty()) {
        raw.add(words.get(j).raw());
        j++;
      }
      out.add(new UnknownItem(String.join(" ", raw), w, raw.size() == 1, afterDeterminer));
      i = j;
    }
    return out;
  }

  /** A title ("Mr", "Dr", "Aunt") before a registered name or a capitalised unknown word. */
  private boolean titleBeforeName(List<Word> words, int i) {
    if (!Lexicon.isTitle(words.get(i).key()) || i + 1 >= words.size()) {
      return false;
    }
    Word next = words.get(i + 1);
    return !next.isPossessive() && (nameAt(words, i + 1).isPresent()
        || (next.capitalised() && !Lexicon.known(next.key()) && !Lexicon.isTitle(next.key())));
  }

  private Optional<Variant> nameAt(List<Word> words, int i) {
    for (Variant v : variants) {
      int n = v.keys().size();
      if (i + n > words.size()) {
        continue;
      }
      boolean match = true;
      for (int k = 0; k < n && match; k++) {
        Word w = words.get(i + k);
        match = !w.isPossessive() && w.key().equals(v.keys().get(k));
      }
      if (match) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** Replaces idioms ("next to", "no one", "show up") inside runs of lexicon words. */
  private static List<Item> idioms(List<Item> items) {
    List<Item> out = new ArrayList<>();
    int i = 0;
    outer:
    while (i < items.size()) {
      for (String[] idiom : Lexicon.idioms()) {
        String[] keys = idiom[0].split(" ");
        int consumed = matchesWords(items, i, keys);
        if (consumed > 0) {
          Word at = items.get(i) instanceof WordItem w ? w.word() : ((UnknownItem) items.get(i)).first();
          if (!idiom[1].isEmpty()) {
            for (String k : idiom[1].split(" ")) {
              out.add(new WordItem(k, at));
            }
          }
          i += consumed;
          continue outer;
        }
      }
      out.add(items.get(i));
      i++;
    }
    return out;
  }

  /** How many items an idiom's words cover from {@code at}, or 0 if they do not match there. */
  private static int matchesWords(List<Item> items, int at, String[] keys) {
    int k = 0;
    int i = at;
    while (k < keys.length) {
      if (i >= items.size()) {
        return 0;
      }
      Item it = items.get(i);
      if (it instanceof WordItem w) {
        if (!w.key().equals(keys[k])) {
          return 0;
        }
        k++;
      } else if (it instanceof UnknownItem u && !(u.first().capitalised() && !u.first().sentenceStart())) {
        // an idiom may hold words outside the lexicon ("nowhere to be found", "turn up", "in good spirits")
        List<String> run = Tokenizer.words(u.raw()).stream().map(Word::key).toList();
        if (k + run.size() > keys.length || !run.equals(Arrays.asList(keys).subList(k, k + run.size()))) {
          return 0;
        }
        k += run.size();
      } else {
        return 0;
      }
      i++;
    }
    return i - at;
  }

  private static boolean eligible(UnknownItem u) {
    return !u.afterDeterminer() && u.raw().replace(" ", "").length() >= 2
        && u.raw().codePoints().allMatch(c -> Character.isLetter(c) || c == ' ' || Character.getType(c)
            == Character.NON_SPACING_MARK);
  }

  /** The terminals an item may stand for, cheapest reading first. */
  private static List<String> readings(List<Item> items, int i, List<Ref> refs) {
    Item it = items.get(i);
    if (it instanceof NameItem n) {
      String p = "p" + refs.size();
      refs.add(new Ref(n.canonical(), true));
      return n.isWord() ? List.of(p, terminal(n.first().key())) : List.of(p);
    }
    if (it instanceof WordItem w) {
      return List.of(w.word().isPossessive() ? "poss" : terminal(w.key()));
    }
    UnknownItem u = (UnknownItem) it;
    List<String> out = new ArrayList<>();
    if (eligible(u)) {
      out.add("u" + refs.size());
      refs.add(new Ref(u.raw(), false));
    }
    boolean namelike = u.first().capitalised() && !u.first().sentenceStart();
    if (u.single() && !namelike) {
      Lexicon.correct(Tokenizer.words(u.raw()).get(0).key()).ifPresent(c -> out.add("~" + terminal(c)));
    }
    return out.isEmpty() ? List.of("?") : out;
  }

  private static String terminal(String key) {
    return Lexicon.terminal(key).orElse(Lexicon.isVision(key) ? "vis" : "");
  }

  /**
   * Readings that go against the evidence cost more: a typo correction, or a capitalised registered
   * name in mid-sentence read as a word ("Will May be here?").
   */
  private static int cost(Item item, String reading) {
    if (reading.startsWith("~")) {
      return 1;
    }
    return item instanceof NameItem n && n.isWord() && !reading.startsWith("p") && n.first().capitalised()
        && !n.first().sentenceStart() ? 1 : 0;
  }

  private interface ComboSink {
    void accept(List<String> combo);
  }

  private static int enumerate(List<List<String>> readings, int at, List<String> current, ComboSink sink) {
    if (at == readings.size()) {
      sink.accept(List.copyOf(current));
      return 1;
    }
    int produced = 0;
    for (String r : readings.get(at)) {
      current.add(r);
      produced += enumerate(readings, at + 1, current, sink);
      current.remove(current.size() - 1);
      if (produced >= MAX_READINGS) {
        break;
      }
    }
    return produced;
  }
}
