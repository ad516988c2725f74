package dev.pvit.bench.pbench;

import dev.pvit.person.Person;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a free-text answer says: yes or no, a number, a multiple-choice letter. Deliberately
 * simple and documented in the report, so a backend cannot be scored by a hidden heuristic.
 */
public final class AnswerReader {
  private static final Pattern YES = Pattern.compile("\\b(yes|yeah|yep|correct|indeed)\\b");
  private static final Pattern NO = Pattern.compile("\\b(no|not|nope|isn't|is not|cannot|can't|don't|doesn't)\\b");
  private static final Pattern NUMBER = Pattern.compile(
      "\\b(\\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten|none|nobody|no one|no registered|no people|no person)\\b");
  private static final Map<String, Integer> WORDS = Map.ofEntries(
      Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
      Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
      Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10));
  /**
   * "B", "(B)", "B)", "B.", "B: …" at the start, or "answer is B" / "option B" anywhere; a bare
   * letter followed by a space is not enough ("A man …").
   */
  private static final Pattern LEADING_LETTER = Pattern.compile("^\\W*\\(?([A-Z])(?:[.):,]|$)");
  private static final Pattern NAMED_LETTER = Pattern.compile(
      "(?i)\\b(?:answer|option|choice)\\s*(?:is|:)?\\s*\\(?([A-Z])\\)?(?![\\p{L}])");
  private static final Pattern NONE = Pattern.compile("\\b(none of them|none of these|nobody|no one|neither)\\b");

  /** A leading yes or no, after any opening punctuation: "Yes, …", "No." , "Nope —". */
  private static final Pattern LEADING_YES_NO = Pattern.compile(
      "^[\\W_]*(yes|yeah|yep|yup|no|nope|nah)(?![\\p{L}\\p{N}'’])", Pattern.CASE_INSENSITIVE);
  /** Where a text is cut into clauses: sentence ends, colons, dashes and contrastive conjunctions. */
  private static final Pattern CLAUSE_BREAK = Pattern.compile(
      "[.!?;:]+(?=\\s|$)|\\s[—–-]\\s|\\s*,?\\s*\\b(?:but|while|whereas|although|though|however|except)\\b",
      Pattern.CASE_INSENSITIVE);
  /** An interjection opening a clause, which says nothing about anyone: "No, Amara is …". */
  private static final Pattern OPENER = Pattern.compile(
      "^[\\W_]*(?:(?:yes|yeah|yep|no|nope|sorry|unfortunately|correct|right|well|indeed|actually)\\b[\\s,!.]*)+",
      Pattern.CASE_INSENSITIVE);
  /** "not missing", "isn't absent": a negated absence, which states presence. */
  private static final Pattern NEGATED_ABSENCE = Pattern.compile(
      "(?:\\b(?:not|never)|n['’]t)\\s+(?:\\p{L}+\\s+)?(?:missing|absent|gone|nowhere)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern NEGATION = Pattern.compile(
      "\\b(?:not|no|never|none|nobody|neither|nor|without|cannot|nowhere|absent|missing|gone|lacks?)\\b|n['’]t\\b",
      Pattern.CASE_INSENSITIVE);
  /**
   * Phrases about people who are not registered ("1 person I don't recognise", "two unknown
   * faces"): their negation is about those strangers, not about the names in the clause.
   */
  private static final Pattern ABOUT_STRANGERS = Pattern.compile(
      "\\b(?:persons?|people|faces?|others?|strangers?|someone|somebody|anyone|ones?|man|woman|men|women|individuals?)"
          + "\\s+(?:(?:that|who|whom)\\s+)?(?:I|you|we)\\s+(?:do not|don['’]t|can['’]t|cannot|could not|couldn['’]t"
          + "|did not|didn['’]t|have not|haven['’]t)\\s+(?:\\p{L}+\\s+)?(?:recogni[sz]e|know|identify|registered)\\b"
          + "|\\b(?:unknown|unrecogni[sz]ed|unregistered|unidentified|not registered)\\s+(?:persons?|people|faces?|others?"
          + "|individuals?|ones?)\\b"
          + "|\\b(?:persons?|people|faces?|others?)\\s+(?:(?:that|who)\\s+)?(?:is|are)\\s+(?:not registered|unknown)\\b",
      Pattern.CASE_INSENSITIVE);
  /**
   * Words about knowing someone, or about a resemblance, rather than seeing them ("the face on the
   * left resembles Amara"): such a clause says nothing about presence.
   */
  private static final Pattern ABOUT_KNOWING = Pattern.compile(
      "\\b(?:unknown|unfamiliar|familiar|know|knows|knew|known|introduced|heard|looks? like|resembl(?:es?|ing|ance)"
          + "|lookalikes?|who\\s+\\S+\\s+(?:is|are|was|might be))\\b",
      Pattern.CASE_INSENSITIVE);
  /** Words that make a negative clause a statement about being in the photo. */
  private static final Pattern PRESENCE_WORD = Pattern.compile(
      "\\b(?:in|on|from|within|inside)\\s+(?:the|this|that|your|my|the provided|the given)\\s+(?:\\p{L}+\\s+)?"
          + "(?:photo|picture|image|scene|shot|frame|photograph|pic|snapshot)s?\\b"
          + "|\\b(?:here|there|present|visible|see|seen|spot|spotted|find|found|appear|appears|appearing|missing|absent"
          + "|nowhere|anywhere|gone|included|shown|pictured|among|locate|located)\\b",
      Pattern.CASE_INSENSITIVE);
  /** A clause that ends on its negation, with the predicate left out: "… but Amara and Chiara are not." */
  private static final Pattern ELLIPTIC_NEGATION = Pattern.compile(
      "(?:\\bnot|n['’]t|\\bneither)\\W*$", Pattern.CASE_INSENSITIVE);

  /** A count in digits or words; "no"/"none"/"nobody" is 0 ("no registered people", not "No, …"). */
  private static final Pattern COUNT_WORD = Pattern.compile(
      "\\b(\\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
          + "|sixteen|seventeen|eighteen|nineteen|twenty|none|nobody|no one|no(?=\\s+\\p{L}))\\b",
      Pattern.CASE_INSENSITIVE);
  /** A clause about the registered people rather than all faces. */
  private static final Pattern REGISTERED_CUE = Pattern.compile(
      "\\b(?:registered|enrolled|know|known|recogni[sz]e[sd]?|your|my|of them|of whom|from your list)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
      "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
      "eighteen", "nineteen", "twenty");

  private AnswerReader() {}

  /**
   * The number of registered people an answer gives: the first count in a clause about registered
   * people ("I count 5 faces. 3 of them are registered" → 3, "None of your registered people are
   * here" → 0), else the first count at all. Digits and the words zero to twenty are read.
   *
   * @param text the answer
   * @return the count, empty if the answer gives none
   */
  public static OptionalInt registeredCount(String text) {
    OptionalInt first = OptionalInt.empty();
    for (String clause : clauses(NameFinder.nfc(text))) {
      Matcher m = COUNT_WORD.matcher(clause);
      if (!m.find()) {
        continue;
      }
      OptionalInt n = number(m.group(1));
      if (n.isPresent() && REGISTERED_CUE.matcher(clause).find()) {
        return n;
      }
      if (first.isEmpty()) {
        first = n;
      }
    }
    return first;
  }

  private static OptionalInt number(String w) {
    String word = w.toLowerCase(Locale.ROOT);
    if (Character.isDigit(word.charAt(0))) {
      try {
        return OptionalInt.of(Integer.parseInt(word));
      } catch (NumberFormatException e) {
        return OptionalInt.empty();
      }
    }
    int i = NUMBER_WORDS.indexOf(word);
    return OptionalInt.of(Math.max(i, 0));
  }

  private static List<String> clauses(String t) {
    Matcher breaks = CLAUSE_BREAK.matcher(t);
    int from = 0;
    List<String> clauses = new ArrayList<>();
    while (breaks.find()) {
      clauses.add(t.substring(from, breaks.start()));
      from = breaks.end();
    }
    clauses.add(t.substring(from));
    return clauses;
  }

  /** What a text states about one name. */
  public enum Stated {
    /** The text says the person is in the photo (or says something about them as if they were). */
    PRESENT,
    /** The text says the person is not in the photo. */
    ABSENT
  }

  /**
   * The yes or no an answer opens with ("Yes, …", "No.", "Nope, …"); an answer that does not open
   * with one has not said yes or no.
   *
   * @param text the answer
   * @return true for yes, false for no, empty if the answer does not open with either
   */
  public static Optional<Boolean> leadingYesNo(String text) {
    Matcher m = LEADING_YES_NO.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    String w = m.group(1).toLowerCase(Locale.ROOT);
    return Optional.of(w.startsWith("y"));
  }

  /**
   * What a text states about the presence of each name it mentions. The text is cut into clauses
   * (at sentence ends, colons, dashes and "but"/"while"/"although"); an opening "Yes,"/"No," is
   * ignored; a clause without a negation states that the names in it are present; a negated
   * clause states that they are absent if it is about being in the photo ("not in this photo",
   * "can't see", "missing", "nowhere", or an elliptic "… but Amara is not"), and "not missing"
   * counts as present. Clauses about knowing someone ("I don't know who Zara is") state nothing
   * about presence. A name stated both ways is left out.
   *
   * @param text the answer
   * @param names the names to look for
   * @return name → what the text states, in order of first mention
   */
  public static Map<String, Stated> statedNames(String text, NameFinder names) {
    Map<String, Stated> out = new LinkedHashMap<>();
    Set<String> conflicting = new HashSet<>();
    for (String raw : clauses(NameFinder.nfc(text))) {
      String clause = OPENER.matcher(raw).replaceFirst("");
      List<String> mentioned = names.find(clause);
      if (mentioned.isEmpty()) {
        continue;
      }
      Optional<Stated> stated = stated(clause, names);
      if (stated.isEmpty()) {
        continue;
      }
      for (String n : mentioned) {
        Stated before = out.putIfAbsent(n, stated.get());
        if (before != null && before != stated.get()) {
          conflicting.add(n);
        }
      }
    }
    conflicting.forEach(out::remove);
    return out;
  }

  private static Optional<Stated> stated(String clause, NameFinder names) {
    // Names are masked so that a name like "Neil" or "Nor" is never read as a cue word.
    StringBuilder masked = new StringBuilder(clause);
    for (NameFinder.Mention m : names.mentions(clause)) {
      for (int k = m.start(); k < m.end(); k++) {
        masked.setCharAt(k, 'X');
      }
    }
    String c = ABOUT_STRANGERS.matcher(masked).replaceAll(" strangers ");
    if (ABOUT_KNOWING.matcher(c).find()) {
      return Optional.empty();
    }
    String positive = NEGATED_ABSENCE.matcher(c).replaceAll(" present ");
    if (!NEGATION.matcher(positive).find()) {
      return Optional.of(Stated.PRESENT);
    }
    if (PRESENCE_WORD.matcher(positive).find() || ELLIPTIC_NEGATION.matcher(positive.strip()).find()) {
      return Optional.of(Stated.ABSENT);
    }
    return Optional.empty();
  }

  /**
   * Whether the answer says yes or no: a leading yes/no wins, otherwise the first of the two words.
   *
   * @param text the answer
   * @return true for yes, false for no, empty if neither is said
   */
  public static Optional<Boolean> yesNo(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher yes = YES.matcher(t);
    Matcher no = NO.matcher(t);
    boolean hasYes = yes.find();
    boolean hasNo = no.find();
    if (hasYes && (!hasNo || yes.start() < no.start())) {
      return Optional.of(true);
    }
    return hasNo ? Optional.of(false) : Optional.empty();
  }

  /**
   * The first number in the answer ("None of …" is 0).
   *
   * @param text the answer
   * @return the number, empty if none is given
   */
  public static OptionalInt count(String text) {
    Matcher m = NUMBER.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.find()) {
      return OptionalInt.empty();
    }
    String w = m.group(1);
    if (Character.isDigit(w.charAt(0))) {
      try {
        return OptionalInt.of(Integer.parseInt(w));
      } catch (NumberFormatException e) {
        return OptionalInt.empty();
      }
    }
    return OptionalInt.of(WORDS.getOrDefault(w, 0));
  }

  /**
   * The option a free-text answer chose: an explicit letter ("B", "(B) Bruno", "The answer is B"),
   * else the only option whose text it mentions, else the "none of them" option if it says nobody.
   *
   * @param text the answer
   * @param options the options in letter order
   * @return the letter, empty if the answer cannot be read as a choice
   */
  public static Optional<String> choice(String text, List<String> options) {
    Matcher m = LEADING_LETTER.matcher(text.strip());
    if (m.find() && m.group(1).charAt(0) - 'A' < options.size()) {
      return Optional.of(m.group(1));
    }
    Matcher named = NAMED_LETTER.matcher(text);
    while (named.find()) {
      String letter = named.group(1).toUpperCase(Locale.ROOT);
      if (letter.charAt(0) - 'A' < options.size()) {
        return Optional.of(letter);
      }
    }
    String key = Person.matchKey(text);
    List<Integer> mentioned = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      // Options may end in punctuation ("Sorry, Bob is not in the image."): match them between non-letters.
      String option = Person.matchKey(options.get(i)).replaceAll("[\\p{P}\\s]+$", "");
      if (!option.isEmpty() && Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(option) + "(?![\\p{L}\\p{N}])")
          .matcher(key).find()) {
        mentioned.add(i);
      }
    }
    if (mentioned.size() == 1) {
      return Optional.of(Question.letter(mentioned.get(0)));
    }
    int none = options.indexOf(Question.NONE_OF_THEM);
    if (mentioned.isEmpty() && none >= 0 && NONE.matcher(text.toLowerCase(Locale.ROOT)).find()) {
      return Optional.of(Question.letter(none));
    }
    return Optional.empty();
  }

  /**
   * Whether a description answer names the labelled object: any keyword, or its stem without a
   * trailing "s"/"ing", as a word prefix.
   *
   * @param text the answer
   * @param keywords the label's content words
   * @return true if one is mentioned
   */
  public static boolean mentionsAny(String text, List<String> keywords) {
    String t = text.toLowerCase(Locale.ROOT);
    for (String k : keywords) {
      String stem = k.endsWith("ing") && k.length() > 5 ? k.substring(0, k.length() - 3)
          : k.endsWith("s") && k.length() > 3 ? k.substring(0, k.length() - 1) : k;
      if (Pattern.compile("\\b" + Pattern.quote(stem)).matcher(t).find()) {
        return true;
      }
    }
    return false;
  }
}
