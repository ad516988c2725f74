package dev.pvit.prompt.internal;

import static dev.pvit.prompt.internal.NameLexicon.HONORIFICS;
import static dev.pvit.prompt.internal.NameLexicon.MODALS;
import static dev.pvit.prompt.internal.NameLexicon.PARTICLES;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the person in an answer and replaces each mention with the token {@code @p}: the given
 * name (ignoring case), or, when no name is given, any capitalised run that is not a function word,
 * plus lower-case words in slots only a person fills ("who may is"). Marking happens on the raw
 * text because capitals are the only evidence of a name, and they are gone after normalisation.
 */
final class PersonMarker {
  private PersonMarker() {}

  /** Closed-class and discourse words that are never names, even when capitalised. */
  private static final Set<String> FUNCTION_WORDS = withHonorificsAndBareContractions(
      Set.of(
          "i", "i'm", "i've", "i'd", "i'll", "me", "my", "we", "you", "your", "it", "its", "it's", "he", "she",
          "they", "this", "that", "these", "those", "there", "there's", "here", "here's", "the", "a", "an", "no",
          "not", "yes", "yeah", "sorry", "unfortunately", "regrettably", "apologies", "sadly", "alas", "well",
          "hmm", "oh", "ok", "okay", "nope", "yep", "ah", "please",
          "who", "whom", "whose", "what", "which", "where", "when", "why",
          "how", "none", "nobody", "nothing", "nowhere", "never", "without", "based", "looking", "in", "on",
          "at", "of", "from", "to", "for", "with", "by", "as", "but", "and", "or", "so", "if", "although",
          "though", "while", "because", "since", "after", "before", "however", "also", "still", "even",
          "just", "only", "indeed", "actually", "honestly", "frankly", "clearly", "certainly", "unluckily",
          "recognition", "describing", "knowing", "identifying", "seeing", "image", "photo", "picture",
          "scene", "one", "two", "three", "both", "all", "any", "some", "each", "every", "either",
          "neither", "nor", "is", "are", "was", "were", "do", "does", "did", "can", "could", "will",
          "would", "should", "may", "might", "must", "let", "note", "answer", "unclear", "given", "thanks",
          "thank", "hello", "hi", "hey", "dear"));

  /** Titles are no names, nor are contractions typed without the apostrophe ("Theres", "Dont"). */
  private static Set<String> withHonorificsAndBareContractions(Set<String> words) {
    Set<String> all = new java.util.HashSet<>(words);
    all.addAll(HONORIFICS);
    all.addAll(Set.of("theres", "thats", "whos", "whats", "wheres", "heres", "im", "ive", "youre", "youve",
        "theyre", "theyve", "weve", "dont", "doesnt", "didnt", "cant", "couldnt", "wont", "wouldnt", "shouldnt",
        "isnt", "arent", "wasnt", "werent", "hasnt", "havent", "hadnt"));
    return Set.copyOf(all);
  }

  /** A name word; after a hyphen a lower-case part belongs to it ("Ji-woo"), but not after one letter ("T-shirt"). */
  private static final String NAME_WORD =
      "(?:\\p{Lu}\\.(?=\\s|$)|[\\p{Lu}\\p{Lt}][\\p{L}\\p{M}]*(?:'[\\p{Lu}\\p{Lt}][\\p{L}\\p{M}]*|(?<=\\p{L}{2})-\\p{L}[\\p{L}\\p{M}]*)*"
          + "|\\p{Lo}+)";

  /** Lower-case particles between the words of a name ("Juan de la Cruz"). */
  private static final String PARTICLE =
      "(?: (?:" + String.join("|", PARTICLES.stream().sorted().toList()) + ")){0,2}";

  /** A run of up to four name words, joined by spaces, hyphens or particles. */
  private static final Pattern GENERIC_NAME =
      Pattern.compile("(?<![\\p{L}\\p{M}'])" + NAME_WORD + "(?:" + PARTICLE + "[ \\-]" + NAME_WORD + "){0,3}"
          + "(?![\\p{L}\\p{M}])");

  /** A finite verb after a capitalised modal, where only a name can stand before it. */
  private static final Pattern FINITE_NEXT =
      Pattern.compile("\\s+(?:is|isn't|was|wasn't|does|doesn't|did|didn't|has|hasn't|had|hadn't|appears|seems)\\b");

  /** A title, then a name that opens with its particles ("Mr. van der Berg"). */
  private static final Pattern TITLED_PARTICLE_NAME =
      Pattern.compile("((?i:" + String.join("|", HONORIFICS.stream().sorted().toList()) + ")\\.?\\s+)"
          + "(?:(?:" + String.join("|", PARTICLES.stream().sorted().toList()) + ")\\s+){1,2}"
          + NAME_WORD + "(?![\\p{L}\\p{M}])");

  /** A title directly before a marked person, removed with the mention. */
  private static final Pattern TITLE_BEFORE_PERSON =
      Pattern.compile("(?i)(?<![\\p{L}\\p{M}])(?:" + String.join("|", HONORIFICS.stream().sorted().toList())
          + ")\\.?\\s*(?= @p )");

  /**
   * Slots only a person fills, whatever the case: "who W is" and "what W looks like" at the end of a
   * clause ("i dont know who may is"); a lower-case word elsewhere may be a thing ("snow isn't in this pic").
   */
  private static final Pattern PERSON_SLOT =
      Pattern.compile("\\b([Ww]ho\\s+(?:exactly\\s+)?)(\\p{Ll}[\\p{L}\\p{M}'\\-]*)(?=\\s+(?:is|was)\\s*(?:[.,;:!?]|$))"
          + "|\\b([Ww]hat\\s+)(\\p{Ll}[\\p{L}\\p{M}'\\-]*)(?=\\s+looks?\\s+like\\b)");

  /**
   * The answer with every mention of the person replaced by {@code @p}.
   *
   * @param text the answer, already normalised
   * @param name the person asked about, or null for any capitalised name
   * @return the marked answer
   */
  static String mark(String text, @Nullable String name) {
    String marked = name == null ? markGeneric(text) : markName(text, NameExtractor.withoutHonorific(name));
    // a title before the person is part of the mention, not of the sentence: "not familiar with Mrs. Patel"
    marked = TITLE_BEFORE_PERSON.matcher(marked).replaceAll("");
    return marked;
  }

  /** Every whole-word, caseless occurrence of the given name becomes the person. */
  private static String markName(String text, String name) {
    Pattern p =
        Pattern.compile(
            "(?<![\\p{L}\\p{M}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{M}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    return p.matcher(text).replaceAll(" @p ");
  }

  /** Capitalised runs that are not function words become the person. */
  private static String markGeneric(String text) {
    // "Mr. van der Berg": after a title a name may open with its particles
    text = TITLED_PARTICLE_NAME.matcher(text).replaceAll("$1 @p ");
    Matcher m = GENERIC_NAME.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String run = m.group();
      String first = run.split("[ \\-]")[0].toLowerCase(Locale.ROOT);
      boolean closed = FUNCTION_WORDS.contains(first) && !modalAsName(text, m.start(), m.end(), first);
      boolean functionWord = closed && !run.contains(" ");
      if (closed && run.contains(" ")) {
        // "The Alice" never occurs, but "Sorry Alice" or "I Alice" might: drop the leading word.
        int cut = run.indexOf(' ');
        m.appendReplacement(out, Matcher.quoteReplacement(run.substring(0, cut) + " " + markGeneric(run.substring(cut + 1))));
        continue;
      }
      m.appendReplacement(out, functionWord || isOpenerWord(text, m.start(), first) ? Matcher.quoteReplacement(run) : " @p ");
    }
    m.appendTail(out);
    Matcher slot = PERSON_SLOT.matcher(out.toString());
    StringBuilder slotted = new StringBuilder();
    while (slot.find()) {
      int g = slot.group(1) != null ? 1 : 3;
      String w = slot.group(g + 1).toLowerCase(Locale.ROOT);
      // a modal cannot stand before "is", so "who may is" asks about May; "who this is" asks about no name
      boolean person = !FUNCTION_WORDS.contains(w) || MODALS.contains(w);
      slot.appendReplacement(slotted, Matcher.quoteReplacement(slot.group(g) + (person ? " @p " : slot.group(g + 1))));
    }
    slot.appendTail(slotted);
    return slotted.toString();
  }

  /**
   * A capitalised modal is a name inside a sentence ("I can't find May here") or before a finite
   * verb ("Will isn't in this photo"), where the modal cannot stand.
   */
  private static boolean modalAsName(String text, int start, int end, String lower) {
    if (!MODALS.contains(lower)) {
      return false;
    }
    boolean opening = start == 0 || text.substring(0, start).matches("(?s).*[.!?;:\"]\\s*");
    return !opening || FINITE_NEXT.matcher(text).region(end, text.length()).lookingAt();
  }

  /**
   * A sentence adverb opening a sentence and set off by a comma ("Honestly, ...") is no name; names
   * ending in -ly ("Kelly") rarely open an answer followed by a comma.
   */
  private static boolean isOpenerWord(String text, int start, String lower) {
    boolean opening = start == 0 || text.substring(0, start).matches("(?s).*[.!?;:]\\s*");
    int end = start + lower.length();
    return opening && lower.endsWith("ly") && end < text.length() && text.charAt(end) == ',';
  }
}
