package dev.pvit.bench.pbench;

import dev.pvit.person.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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

  private AnswerReader() {}

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
      String option = Person.matchKey(options.get(i));
      if (!option.isEmpty() && Pattern.compile("\\b" + Pattern.quote(option) + "\\b").matcher(key).find()) {
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
