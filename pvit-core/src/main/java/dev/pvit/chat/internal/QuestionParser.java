package dev.pvit.chat.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.pvit.chat.Intent;
import dev.pvit.chat.Position;
import dev.pvit.person.Person;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understands a question well enough to answer it from face recognition alone: which registered
 * people it mentions (by name or alias, case- and diacritic-insensitive), which person-like names
 * are not registered, and what it asks.
 *
 * <p>Classification scores keywords rather than matching one template per intent, and tolerates
 * small typos in non-name words (edit distance 1, or 2 for long words), so "is alice in this
 * phtoo?" is a presence question. Instances are immutable and thread-safe.
 */
public final class QuestionParser {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

  /** Words that are never names. Includes every keyword below and common English words. */
  private static final Set<String> STOP = ImmutableSet.copyOf(
      ("a an the this that these those it its it's is are was were be been being am do does did done "
          + "doing can could would should will shall may might must have has had having not no nor "
          + "yes and or but if then so because as of in on at to from by with without for about into "
          + "onto over under near next beside besides between behind front back up down out off "
          + "i me my mine we us our you your yours he him his she her hers they them their theirs "
          + "someone somebody anyone anybody everyone everybody noone nobody one ones each every any "
          + "all both either neither some many much more most few several other another same such "
          + "who whom whose what which where when why how whether there here present visible "
          + "photo photos picture pictures pic pics image images shot snapshot frame scene "
          + "person people persons man men woman women guy guys girl girls boy boys child children "
          + "kid kids lady ladies gentleman baby family friend friends group crowd face faces "
          + "left leftmost right rightmost middle center centre central side position located "
          + "location spot find see seen show shown appear appears appearing recognize recognise "
          + "recognized recognised identify know known name names named called tell count number "
          + "old age aged older younger oldest youngest years year look looks looking seem seems "
          + "smiling smile smiles happy sad angry upset mad surprised shocked scared afraid fearful "
          + "disgusted neutral expression mood emotion emotions feel feeling feels cheerful grumpy "
          + "laughing frowning crying serious holding hold holds wearing wear wears eating drinking "
          + "describe description color colour hair shirt clothes outfit dressed hat glasses "
          + "sitting standing doing registered enrolled familiar please thanks thank hey hi hello ok "
          + "okay well now also just only really very too again still even ever yet s t re ll ve d m "
          + "let lets give list say could would among currently exactly actually maybe perhaps "
          + "image's photo's everything nothing something anything thing things way")
          .split(" "));

  private static final Set<String> SIDE_LEFT = Set.of("left", "leftmost");
  private static final Set<String> SIDE_RIGHT = Set.of("right", "rightmost");
  private static final Set<String> SIDE_CENTER = Set.of("middle", "center", "centre", "central");
  private static final Set<String> AGE = Set.of("old", "age", "aged", "older", "younger", "oldest", "youngest");
  private static final Set<String> EXPRESSION = Set.of(
      "smiling", "smile", "smiles", "happy", "sad", "angry", "upset", "mad", "surprised", "shocked",
      "scared", "afraid", "fearful", "disgusted", "neutral", "expression", "mood", "emotion",
      "emotions", "feel", "feeling", "feels", "cheerful", "grumpy", "laughing", "frowning", "crying",
      "serious");
  private static final Set<String> DESCRIBE = Set.of(
      "holding", "hold", "holds", "wearing", "wear", "wears", "doing", "eating", "drinking",
      "describe", "description", "color", "colour", "hair", "shirt", "clothes", "outfit", "dressed",
      "hat", "glasses", "sitting", "why", "carrying", "playing", "reading", "writing", "talking");
  private static final Set<String> PRESENCE = Set.of(
      "here", "there", "present", "visible", "appear", "appears", "see", "spot", "find", "photo",
      "picture", "pic", "image", "shot", "snapshot", "scene", "in", "show", "shown", "around",
      "included", "frame");
  private static final Set<String> AUX = Set.of(
      "is", "are", "was", "were", "can", "could", "do", "does", "did", "will", "would", "has",
      "have", "am");
  private static final Set<String> IDENTIFY = Set.of(
      "who", "whom", "recognize", "recognise", "identify", "know", "known", "familiar", "name",
      "names");
  private static final Set<String> LOCATE = Set.of("where", "position", "located", "location", "side", "which");
  private static final Set<String> REGISTERED_ONLY = Set.of(
      "my", "registered", "enrolled", "know", "known", "recognize", "recognise", "recognized",
      "recognised", "familiar", "friends", "them", "these");
  private static final Set<String> PRONOUNS = Set.of("he", "she", "him", "her", "his", "hers", "they", "them", "their");

  /** Keywords a misspelt word may be corrected to. */
  private static final Set<String> VOCABULARY;

  static {
    Set<String> v = new LinkedHashSet<>();
    v.addAll(SIDE_LEFT);
    v.addAll(SIDE_RIGHT);
    v.addAll(SIDE_CENTER);
    v.addAll(AGE);
    v.addAll(EXPRESSION);
    v.addAll(DESCRIBE);
    v.addAll(PRESENCE);
    v.addAll(IDENTIFY);
    v.addAll(LOCATE);
    v.addAll(List.of("many", "count", "number", "people", "person", "faces", "everyone", "anyone",
        "picture", "beside", "next", "registered"));
    VOCABULARY = ImmutableSet.copyOf(v);
  }

  /** Followers that make "is X ..." a person slot. */
  private static final Set<String> SLOT_FOLLOWERS;

  static {
    Set<String> f = new LinkedHashSet<>();
    f.addAll(PRESENCE);
    f.addAll(EXPRESSION);
    f.addAll(DESCRIBE);
    f.addAll(SIDE_LEFT);
    f.addAll(SIDE_RIGHT);
    f.addAll(List.of("standing", "next", "beside", "near", "looking", "older", "younger", "with",
        "and", "or", "on", "at", "to", "really", "also", "still", "s"));
    SLOT_FOLLOWERS = ImmutableSet.copyOf(f);
  }

  private final List<NameVariant> variants;

  private record NameVariant(String canonical, List<String> tokens, boolean noSpaces) {}

  private record Token(String raw, String key, int start, boolean sentenceStart) {}

  /**
   * A parser for the given people.
   *
   * @param people registered display name → all names (display name and aliases)
   */
  public QuestionParser(Map<String, List<String>> people) {
    List<NameVariant> v = new ArrayList<>();
    people.forEach((canonical, names) -> {
      for (String n : names) {
        List<String> toks = keys(n);
        if (!toks.isEmpty()) {
          v.add(new NameVariant(canonical, toks, !n.strip().contains(" ") && hasUnspacedScript(n)));
        }
      }
    });
    // Longest variants first, so "Mary Jane" wins over "Mary".
    v.sort((a, b) -> Integer.compare(b.tokens().size(), a.tokens().size()));
    this.variants = ImmutableList.copyOf(v);
  }

  /**
   * Parses a question.
   *
   * @param question the question as asked
   * @param previousPeople people mentioned earlier in the conversation, most recent last; a
   *     pronoun ("is she smiling?") refers to the most recent one
   * @return what it asks and about whom
   */
  public ParsedQuestion parse(String question, List<String> previousPeople) {
    List<Token> tokens = tokenize(question);
    boolean[] isName = new boolean[tokens.size()];
    List<Mention> mentions = new ArrayList<>();
    for (NameVariant nv : variants) {
      for (int i = 0; i + nv.tokens().size() <= tokens.size(); i++) {
        if (matchesAt(tokens, isName, nv.tokens(), i)) {
          for (int k = 0; k < nv.tokens().size(); k++) {
            isName[i + k] = true;
          }
          mentions.add(new Mention(nv.canonical(), i));
        }
      }
      if (nv.noSpaces()) {
        substringMentions(question, nv, mentions);
      }
    }
    mentions.sort((a, b) -> Integer.compare(a.position(), b.position()));
    Set<String> people = new LinkedHashSet<>();
    mentions.forEach(m -> people.add(m.canonical()));

    Set<String> unknown = new LinkedHashSet<>(unknownNames(tokens, isName));

    List<String> words = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (isName[i]) {
        words.add("\u0000name");
      } else {
        String k = tokens.get(i).key();
        words.add(unknown.contains(tokens.get(i).raw()) ? "\u0000unknown" : correct(k));
      }
    }
    Set<String> w = new LinkedHashSet<>(words);

    if (people.isEmpty() && unknown.isEmpty() && !previousPeople.isEmpty()
        && words.stream().anyMatch(PRONOUNS::contains)) {
      people.add(previousPeople.get(previousPeople.size() - 1));
    }
    int named = people.size() + unknown.size();
    Optional<Position> side = side(w);
    Intent intent = classify(words, w, named, side);
    boolean registeredOnly = intent == Intent.COUNT && w.stream().anyMatch(REGISTERED_ONLY::contains);
    return new ParsedQuestion(question, intent, List.copyOf(people), List.copyOf(unknown), side, registeredOnly);
  }

  private static Intent classify(List<String> words, Set<String> w, int named, Optional<Position> side) {
    boolean sideLr = side.isPresent() && side.get() != Position.CENTER;
    if (containsPhrase(words, "how", "many") || w.contains("count") || containsPhrase(words, "number", "of")) {
      return Intent.COUNT;
    }
    boolean adjacency = w.contains("beside") || containsPhrase(words, "next", "to");
    if (named >= 2 && (sideLr || adjacency) && !w.contains("who")) {
      return Intent.RELATIVE_POSITION;
    }
    if (side.isPresent() && (w.contains("who") || w.contains("whom") || (named == 0
        && (w.contains("name") || w.contains("identify") || w.contains("person"))))) {
      return Intent.IDENTIFY_AT_POSITION;
    }
    if (named >= 1 && (w.contains("where") || w.contains("position") || w.contains("located")
        || w.contains("location") || containsPhrase(words, "which", "side")
        || containsPhrase(words, "which", "one") || (w.contains("who") && !w.contains("with")))) {
      return Intent.LOCATE;
    }
    if (named >= 1 && (AGE.stream().anyMatch(w::contains))) {
      return Intent.AGE;
    }
    if (named >= 1 && (EXPRESSION.stream().anyMatch(w::contains)
        || (w.contains("how") && (w.contains("look") || w.contains("looks") || w.contains("seem"))))) {
      return Intent.EXPRESSION;
    }
    if (named >= 1 && DESCRIBE.stream().anyMatch(w::contains)) {
      return Intent.DESCRIBE;
    }
    if (named >= 1 && (PRESENCE.stream().anyMatch(w::contains) || AUX.contains(words.get(0))
        || words.size() <= 2)) {
      return Intent.PRESENCE;
    }
    if (named == 0 && (IDENTIFY.stream().anyMatch(w::contains)
        || ((w.contains("anyone") || w.contains("anybody") || w.contains("someone")
            || w.contains("somebody")) && PRESENCE.stream().anyMatch(w::contains)))) {
      return Intent.IDENTIFY;
    }
    return Intent.DESCRIBE;
  }

  private static Optional<Position> side(Set<String> w) {
    if (SIDE_LEFT.stream().anyMatch(w::contains)) {
      return Optional.of(Position.LEFT);
    }
    if (SIDE_RIGHT.stream().anyMatch(w::contains)) {
      return Optional.of(Position.RIGHT);
    }
    if (SIDE_CENTER.stream().anyMatch(w::contains)) {
      return Optional.of(Position.CENTER);
    }
    return Optional.empty();
  }

  private static boolean containsPhrase(List<String> words, String a, String b) {
    for (int i = 0; i + 1 < words.size(); i++) {
      if (words.get(i).equals(a) && words.get(i + 1).equals(b)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Person-like names that are not registered: capitalised words that are not common words, and
   * words in a person slot ("is X here", "where is X", "X's", "left of X") even in lower case.
   */
  private static List<String> unknownNames(List<Token> tokens, boolean[] isName) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (isName[i]) {
        continue;
      }
      Token t = tokens.get(i);
      boolean capitalised = Character.isUpperCase(t.raw().codePointAt(0))
          && !t.raw().equals(t.raw().toUpperCase(java.util.Locale.ROOT));
      // A capitalised word mid-sentence is a name even when it is one letter from a keyword
      // ("Mary" vs "many", "Conor" vs "color"); typos in keywords do not come capitalised.
      boolean typoTolerant = !(capitalised && !t.sentenceStart());
      if (!looksLikeName(t, typoTolerant)) {
        continue;
      }
      boolean slot = inPersonSlot(tokens, isName, i);
      // At the start of a sentence capitals prove nothing ("Compare Alice and Bob"), so a
      // capitalised first word needs a person-like context ("Zara here?", "Zara's hat").
      boolean capitalisedName = capitalised && !hasCaseless(t.raw())
          && (!t.sentenceStart() || i + 1 >= tokens.size()
              || SLOT_FOLLOWERS.contains(tokens.get(i + 1).key()));
      if (capitalisedName || slot) {
        out.add(t.raw());
      }
    }
    return List.copyOf(out);
  }

  private static boolean hasCaseless(String s) {
    return s.codePoints().anyMatch(cp -> Character.isLetter(cp) && !Character.isUpperCase(cp)
        && !Character.isLowerCase(cp) && !Character.isTitleCase(cp));
  }

  private static boolean looksLikeName(Token t, boolean typoTolerant) {
    String k = t.key();
    if (k.length() < 2 || STOP.contains(k) || VOCABULARY.contains(k)) {
      return false;
    }
    if (!k.codePoints().allMatch(Character::isLetter)) {
      return false;
    }
    // A close misspelling of a keyword ("phtoo") is a typo, not a stranger's name.
    return !typoTolerant || correct(k).equals(k);
  }

  private static boolean inPersonSlot(List<Token> tokens, boolean[] isName, int i) {
    String prev = i > 0 ? tokens.get(i - 1).key() : "";
    String prev2 = i > 1 ? tokens.get(i - 2).key() : "";
    String next = i + 1 < tokens.size() ? tokens.get(i + 1).key() : "";
    if (Set.of("is", "are", "was", "were", "isn").contains(prev)
        && (next.isEmpty() || SLOT_FOLLOWERS.contains(next) || SLOT_FOLLOWERS.contains(correct(next)))) {
      return true;
    }
    if (prev.equals("s") && prev2.equals("where")) {
      return true;
    }
    if (Set.of("see", "spot", "find", "locate", "recognize", "recognise", "notice", "identify", "show")
        .contains(prev)) {
      return true;
    }
    if (prev.equals("of") && Set.of("left", "right", "front", "age").contains(prev2)) {
      return true;
    }
    if (Set.of("beside", "near", "with").contains(prev) || (prev.equals("to") && prev2.equals("next"))) {
      return true;
    }
    if ((prev.equals("and") || prev.equals("or")) && i > 1 && isName[i - 2]) {
      return true;
    }
    if (Set.of("does", "did", "do").contains(prev)
        && Set.of("look", "appear", "seem", "feel", "have", "wear", "hold").contains(next)) {
      return true;
    }
    return next.equals("s") && i + 2 < tokens.size() && !tokens.get(i + 2).key().isEmpty()
        && tokens.get(i).raw().length() > 1 && !prev.equals("where") && !prev.equals("who")
        && !prev.equals("what") && !prev.equals("how") && !prev.equals("that") && !prev.equals("it")
        && !prev.equals("there") && !prev.equals("here");
  }

  private static boolean matchesAt(List<Token> tokens, boolean[] used, List<String> name, int at) {
    for (int k = 0; k < name.size(); k++) {
      if (used[at + k] || !tokens.get(at + k).key().equals(name.get(k))) {
        return false;
      }
    }
    return true;
  }

  private record Mention(String canonical, int position) {}

  /** Names in scripts written without spaces (e.g. Chinese) may be glued to other words. */
  private static void substringMentions(String question, NameVariant nv, List<Mention> mentions) {
    String key = Person.matchKey(question);
    String name = nv.tokens().get(0);
    int idx = key.indexOf(name);
    if (idx >= 0 && mentions.stream().noneMatch(m -> m.canonical().equals(nv.canonical()))) {
      mentions.add(new Mention(nv.canonical(), idx));
    }
  }

  private static boolean hasUnspacedScript(String s) {
    return s.codePoints().anyMatch(cp -> {
      Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
      return sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
          || sc == Character.UnicodeScript.KATAKANA || sc == Character.UnicodeScript.THAI;
    });
  }

  private static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    Matcher m = WORD.matcher(s);
    int lastEnd = 0;
    while (m.find()) {
      String between = s.substring(lastEnd, m.start());
      boolean sentenceStart = out.isEmpty() || between.matches("(?s).*[.!?:;\\n].*");
      out.add(new Token(m.group(), Person.matchKey(m.group()), m.start(), sentenceStart));
      lastEnd = m.end();
    }
    return out;
  }

  private static List<String> keys(String s) {
    List<String> out = new ArrayList<>();
    for (Token t : tokenize(s)) {
      out.add(t.key());
    }
    return out;
  }

  /** Maps a misspelt keyword to the keyword; other words are returned as they are. */
  static String correct(String word) {
    if (word.length() < 4 || VOCABULARY.contains(word) || STOP.contains(word)) {
      return word;
    }
    int allowed = word.length() >= 7 ? 2 : 1;
    String best = word;
    int bestDistance = allowed + 1;
    boolean tie = false;
    for (String v : VOCABULARY) {
      if (Math.abs(v.length() - word.length()) > allowed || v.length() < 4) {
        continue;
      }
      int d = damerauLevenshtein(word, v, allowed);
      if (d < bestDistance) {
        best = v;
        bestDistance = d;
        tie = false;
      } else if (d == bestDistance) {
        tie = true;
      }
    }
    return bestDistance <= allowed && !tie ? best : word;
  }

  /** Optimal-string-alignment distance, abandoned early once it exceeds {@code limit}. */
  static int damerauLevenshtein(String a, String b, int limit) {
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
    }
    return d[n][m];
  }
}
