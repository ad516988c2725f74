package dev.pvit.chat.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The closed vocabulary of the question grammar: every word a question may contain maps to a
 * terminal of {@link Grammar} (or to nothing, for fillers); a word that is neither here nor a
 * registered name is not understood. Synonyms share a terminal, so the grammar is written over
 * meanings ("photo" covers picture, image, pic, shot…), not over phrasings.
 */
final class Lexicon {
  /** Terminal → words. A terminal with '_' expands to several terminals ("more_ehappy"). */
  private static final String TERMINALS = """
      be: is are am was were be been being r
      do: do does did
      md: can could would will shall may might must
      not: not never
      you: you u ya yourself
      i: i me we us myself
      pron: he she him her
      prons: they them
      pron_poss: his hers
      prons_poss: their
      self: himself herself themselves themself itself oneself ourselves yourselves
      it: it
      who: who whom
      what: what
      which: which
      where: where whereabouts
      how: how hw
      many: many
      old: old
      older: older elder
      younger: younger
      oldest: oldest eldest
      youngest: youngest
      age: age
      over: over above
      under: under below
      here: here present visible around pictured included seen photographed captured shown anywhere somewhere
      absent: absent missing gone away nowhere
      there: there
      photo: photo photos picture pictures pic pics image images shot shots snapshot photograph photographs scene frame snap selfie crowd group row lineup
      person: person people persons ppl individual individuals face faces human humans folks folk one ones
      known: registered enrolled known familiar recognised recognized recognisable recognizable
      unknown: unknown unregistered unrecognised unrecognized unfamiliar unidentified
      unknown_person: stranger strangers
      see: see sees seeing saw spot spots find finds notice detect detected spotted show shows showing contain contains include includes feature features locate
      recog: recognise recognize recognises recognizes identify
      know: know knows
      look: look looks looking seem seems seeming
      appear: appear appears appearing
      feel: feel feels feeling
      stand: stand stands standing located positioned placed situated
      side: side sides position part
      end: end edge
      left: left
      right: right
      tag: correct
      middle: middle center centre central centered centred
      far_left: leftmost
      far_right: rightmost
      far: far furthest farthest further farther extreme very
      on: on at in inside within into to towards toward
      of: of
      from: from
      for: for
      about: about
      next: next nxt
      with: with
      by: by as
      together: together
      nextto: beside alongside near closest nearest
      behind: behind
      infront: infront
      frontrow: frontrow
      backrow: backrow
      samerow: samerow
      neighbour: neighbour neighbours neighbor neighbors
      between: between
      among: among amongst
      either: either
      neither: neither
      nor: nor
      both: both
      and: and plus while whereas
      or: or
      all: all
      any: any
      every: every each
      only: only
      exactly: exactly
      atleast: atleast
      atmost: atmost
      alone: alone
      except: except excluding
      besides: besides
      but: but
      else: else
      named: named called
      anyone: anyone anybody someone somebody
      everyone: everyone everybody
      nobody: nobody noone
      no: no
      outof: outof
      itisfalse: itisfalse
      o1: first 1st
      o2: second 2nd
      o3: third 3rd
      o4: fourth 4th
      o5: fifth 5th
      o6: sixth 6th
      o7: seventh 7th
      o8: eighth 8th
      o9: ninth 9th
      o10: tenth 10th
      olast: last
      my: my our
      list: list name names enumerate
      tell: tell telling say
      ask: ask asking wonder wondering curious check checking verify confirm mind want like love need hope
      count: count tally
      number: number
      guess: guess estimate
      let: let
      exprn: expression expressions mood moods emotion emotions feelings
      have: have has had
      ehappy: happy smiling smile smiles grinning cheerful joyful glad laughing pleased beaming
      esad: sad gloomy miserable sorrowful
      eangry: angry mad cross grumpy annoyed furious irritated
      efearful: scared afraid fearful frightened terrified
      edisgusted: disgusted
      esurprised: surprised shocked astonished amazed startled
      eneutral: neutral serious expressionless blank
      eupset: upset unhappy frowning frown frowns distressed displeased
      child: child children kid kids youngster youngsters
      minor: minor minors underage
      adult: adult adults grownup grownups
      aged12to20: teen teens teenager teenagers teenage
      aged20to30: twenties
      aged30to40: thirties
      aged40to50: forties
      aged50to60: fifties
      aged60to70: sixties
      aged70to80: seventies
      aged80to90: eighties
      aged90to100: nineties
      elderly: elderly senior seniors pensioner pensioners retiree retirees
      more_ehappy: happier
      more_esad: sadder
      more_eangry: angrier madder
      most_ehappy: happiest
      most_esad: saddest
      most_eangry: angriest
      more: more
      less: less fewer
      most: most
      than: than
      sign: sign
      up: up
      eachother: eachother
      idiom: front back rear top bottom apart aside along other another least question quick chance opinion moment true case years year yrs well out point view perspective grown
      """;

  /**
   * Words that carry no meaning anywhere in a question ("please", "really", "actually"): dropped
   * before anything else, so they can stand anywhere without changing what a question means.
   */
  private static final Set<String> FILLERS = ImmutableSet.copyOf((
      "please pls plz kindly hey hi hello ok okay so now just actually really currently "
          + "quickly also too still even then again thanks oh um uh hmm clearly definitely precisely "
          + "immediately directly today roughly approximately yo lol lmao omg btw haha wow").split(" "));

  /**
   * Function words with no terminal of their own ("the", "if", "whether"): they still take part in
   * idioms ("as well", "this one") and mark what follows them as a thing, not a name.
   */
  private static final Set<String> SILENT = ImmutableSet.copyOf((
      "if whether that a an the teh this these those its some your yes thank total altogether overall")
          .split(" "));

  /**
   * Words after which the next word is a thing, not a person's name ("the dog", "his hat"): an
   * unknown word there is not an unknown name.
   */
  private static final Set<String> DETERMINERS = ImmutableSet.copyOf((
      "a an the this that these those my your our its his her their any every each some no "
          + Tokenizer.POSSESSIVE).split(" "));

  /**
   * Number words: a count, never a name, and what follows them is counted ("two Pennys"), so an
   * unknown word after one is not a name either.
   */
  private static final List<String> NUMBERS = ImmutableList.of(
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
      "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen");

  /** Tens ("over forty", "under seventy-five": the grammar adds the units). */
  private static final List<String> TENS = ImmutableList.of(
      "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");

  /**
   * Titles and kinship words that stand before a name ("Mr. O'Neill", "Dr Koothrappali", "Aunt
   * May"): they add nothing to who is meant, so they are dropped when a name follows them.
   */
  private static final Set<String> TITLES = ImmutableSet.copyOf((
      "mr mrs ms miss mx dr doctor prof professor sir madam madame dame lord lady mister missus "
          + "aunt auntie uncle grandma grandpa granny grandad nana cousin captain capt officer "
          + "monsieur mme mlle herr frau senor senora signor signora").split(" "));

  /** Idioms rewritten word by word before terminals are looked up. */
  private static final List<String[]> IDIOMS = ImmutableList.of(
      new String[] {"every one of", "all of"},
      new String[] {"each one of", "all of"},
      new String[] {"in the same row as", "samerow"},
      new String[] {"on the same row as", "samerow"},
      new String[] {"in the front row", "on frontrow"},
      new String[] {"in the back row", "on backrow"},
      new String[] {"in the top row", "on backrow"},
      new String[] {"in the bottom row", "on frontrow"},
      new String[] {"on the top row", "on backrow"},
      new String[] {"on the bottom row", "on frontrow"},
      new String[] {"the front row", "frontrow"},
      new String[] {"the back row", "backrow"},
      new String[] {"front row", "frontrow"},
      new String[] {"back row", "backrow"},
      new String[] {"top row", "backrow"},
      new String[] {"bottom row", "frontrow"},
      new String[] {"at the back", "on backrow"},
      new String[] {"in the back", "on backrow"},
      new String[] {"at the front", "on frontrow"},
      new String[] {"in front of", "infront"},
      new String[] {"more than half of", "most of"},
      new String[] {"over half of", "most of"},
      new String[] {"is it false that", "itisfalse"},
      new String[] {"is it untrue that", "itisfalse"},
      new String[] {"is it not true that", "itisfalse"},
      new String[] {"is it not the case that", "itisfalse"},
      new String[] {"is not it true that", ""},
      new String[] {"in front", "on frontrow"},
      new String[] {"in the front", "on frontrow"},
      new String[] {"this one", "this photo"},
      new String[] {"my friends", "known people"},
      new String[] {"my people", "known people"},
      new String[] {"my contacts", "known people"},
      new String[] {"that one", "this photo"},
      new String[] {"at least one of", "either"},
      new String[] {"at least", "atleast"},
      new String[] {"no fewer than", "atleast"},
      new String[] {"no less than", "atleast"},
      new String[] {"at most", "atmost"},
      new String[] {"no more than", "atmost"},
      new String[] {"not more than", "atmost"},
      new String[] {"one of the people", "among people"},
      new String[] {"one of these people", "among people"},
      new String[] {"one of them", "among people"},
      new String[] {"any of", "either"},
      new String[] {"one of", "either"},
      new String[] {"is it true that", ""},
      new String[] {"am i right that", ""},
      new String[] {"am i right in thinking that", ""},
      new String[] {"is it right that", ""},
      new String[] {"from where i am looking", ""},
      new String[] {"from where i am standing", ""},
      new String[] {"from where i stand", ""},
      new String[] {"from my point of view", ""},
      new String[] {"from my perspective", ""},
      new String[] {"from my list", "known"},
      new String[] {"on my list", "known"},
      new String[] {"left out of", "absent from"},
      new String[] {"left out", "absent"},
      new String[] {"is it the case that", ""},
      new String[] {"as well as", "and"},
      new String[] {"along with", "with"},
      new String[] {"together with", "with"},
      new String[] {"as well", ""},
      new String[] {"thank you", ""},
      new String[] {"yes or no", ""},
      new String[] {"of them all", ""},
      new String[] {"at all", ""},
      new String[] {"or not", ""},
      new String[] {"by any chance", ""},
      new String[] {"is there any chance", ""},
      new String[] {"any chance", ""},
      new String[] {"do you have any idea", ""},
      new String[] {"have you any idea", ""},
      new String[] {"any idea", ""},
      new String[] {"what is the headcount", "how many people"},
      new String[] {"what is the head count", "how many people"},
      new String[] {"senior citizen", "senior"},
      new String[] {"senior citizens", "seniors"},
      // "would you be able to check", "do you happen to know": wrappers, not questions about ability
      new String[] {"you be able to", "you"},
      new String[] {"you able to", "you"},
      new String[] {"you happen to", "you"},
      new String[] {"not a single", "no"},
      new String[] {"not one single", "no"},
      new String[] {"not one", "no"},
      new String[] {"in a good mood", "happy"},
      new String[] {"in a great mood", "happy"},
      new String[] {"in good spirits", "happy"},
      new String[] {"in high spirits", "happy"},
      new String[] {"in a bad mood", "upset"},
      new String[] {"in a foul mood", "upset"},
      new String[] {"in a terrible mood", "upset"},
      new String[] {"in low spirits", "upset"},
      new String[] {"straight face", "expressionless"},
      new String[] {"poker face", "expressionless"},
      new String[] {"on her own", "alone"},
      new String[] {"on his own", "alone"},
      new String[] {"on their own", "alone"},
      new String[] {"on its own", "alone"},
      new String[] {"little kid", "kid"},
      new String[] {"little kids", "kids"},
      new String[] {"little child", "child"},
      new String[] {"little children", "children"},
      new String[] {"quick question", ""},
      new String[] {"in total", ""},
      new String[] {"no one", "nobody"},
      new String[] {"apart from", "except"},
      new String[] {"aside from", "except"},
      new String[] {"other than", "except"},
      new String[] {"grown up", "grownup"},
      new String[] {"grown ups", "grownups"},
      new String[] {"each other", "eachother"},
      new String[] {"one another", "eachother"},
      new String[] {"side by side", "next to eachother"},
      new String[] {"left hand side", "left"},
      new String[] {"right hand side", "right"},
      new String[] {"left hand", "left"},
      new String[] {"show up", "appear"},
      new String[] {"shown up", "appear"},
      new String[] {"showed up", "appear"},
      new String[] {"turned up", "appear"},
      new String[] {"make it into", "appear in"},
      new String[] {"make it in", "appear in"},
      new String[] {"made it into", "appear in"},
      new String[] {"made it in", "appear in"},
      new String[] {"out of", "outof"},
      new String[] {"shows up", "appear"},
      new String[] {"showing up", "appear"},
      new String[] {"turn up", "appear"},
      new String[] {"turns up", "appear"},
      new String[] {"make out", "see"},
      new String[] {"pick out", "see"},
      new String[] {"any sign of", "see"},
      new String[] {"years old", ""},
      new String[] {"year old", ""},
      new String[] {"in between", "between"},
      new String[] {"on either side of", "next to"},
      new String[] {"either side of", "next to"},
      new String[] {"on both sides of", "next to"},
      new String[] {"close to", "next to"},
      new String[] {"adjacent to", "next to"},
      new String[] {"right next to", "next to"},
      new String[] {"right beside", "beside"},
      new String[] {"facial expression", "expression"},
      new String[] {"look like", "look"},
      new String[] {"looks like", "looks"},
      new String[] {"to be seen", "here"},
      new String[] {"to be found", "here"},
      new String[] {"right now", ""},
      new String[] {"at the moment", ""},
      new String[] {"do you think", ""},
      new String[] {"would you say", ""},
      new String[] {"i think", ""},
      new String[] {"in your opinion", ""});

  /**
   * Words that name what faces cannot tell (clothing, objects, actions, height, relationships,
   * weather…): a question with one of them is recognised as needing a vision model.
   */
  private static final Set<String> VISION = ImmutableSet.copyOf((
      "holding hold holds held carrying carry carries wearing wear wears wore worn dressed dress "
          + "clothes clothing outfit shirt jacket coat suit tie hat cap glasses sunglasses necklace "
          + "jewelry jewellery earrings ring watch shoes hair beard moustache mustache bald blonde "
          + "eyes colour color red blue green yellow black white brown pink purple grey gray "
          + "eating drinking doing playing reading writing talking dancing singing sitting sit sits "
          + "sleeping running walking jumping celebrating thinking giving speech phone drink glass "
          + "cup food cake table chair chairs car dog dogs cat cats tree trees sign door window "
          + "background weather raining rain sunny daytime night taken took camera tall taller "
          + "tallest short shorter shortest height big bigger biggest small smaller heavy "
          + "man men woman women guy guys girl girls boy boys lady ladies gentleman gentlemen "
          + "baby male female wife husband girlfriend boyfriend married dating daughter son mother father brother "
          + "sister grandfather granddaughter grandmother grandson boss friend friends related "
          + "relationship family bride groom wedding why when hand hands lap kitchen garden "
          + "apartment house room work holiday event bored tired drunk jealous crying cry cries tears tearful weeping").split(" "));

  /** A filler, except before a number. */
  private static final String EXACTLY = "exactly";

  /** The shortest word that may be a typo of a lexicon word ("lfet", "mnay"). */
  private static final int MIN_TYPO = 4;

  /**
   * English words (and given names) spelt within two edits of a lexicon word but meaning something
   * else ("besides", "bolder", "colder", "order", "kate"): never taken for a typo of the lexicon
   * word, so "How many people besides Penny?" is not read as "beside Penny". Derived from the SCOWL
   * word lists by {@code scripts/update-real-words.sh} (see NOTICE).
   */
  private static final Set<String> REAL_WORDS = realWords();

  private static final Map<String, String> TERMINAL;
  private static final List<String> CORRECTABLE;

  static {
    ImmutableMap.Builder<String, String> m = ImmutableMap.builder();
    List<String> words = new ArrayList<>();
    for (String line : TERMINALS.strip().split("\n")) {
      String[] parts = line.strip().split(":\\s*", 2);
      String terminal = parts[0].replace('_', ' ');
      for (String w : parts[1].split(" ")) {
        m.put(w, terminal);
        words.add(w);
      }
    }
    TERMINAL = m.buildOrThrow();
    words.addAll(VISION);
    CORRECTABLE = words.stream().filter(w -> w.length() >= MIN_TYPO && w.chars().allMatch(Character::isLetter))
        .distinct().toList();
  }

  private Lexicon() {}

  private static Set<String> realWords() {
    try (InputStream in = Lexicon.class.getResourceAsStream("real-words.txt")) {
      if (in == null) {
        throw new IllegalStateException("real-words.txt is missing from the classpath");
      }
      return ImmutableSet.copyOf(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read real-words.txt", e);
    }
  }

  /**
   * The idioms, each as {words, replacement}.
   *
   * @return the idiom list
   */
  static List<String[]> idioms() {
    return IDIOMS;
  }

  /**
   * The terminal(s) a word stands for: empty string for a filler, empty optional for a word outside
   * the lexicon.
   *
   * @param key the word's key
   * @return the terminal(s), space-separated
   */
  static Optional<String> terminal(String key) {
    if (FILLERS.contains(key) || SILENT.contains(key)) {
      return Optional.of("");
    }
    if (key.chars().allMatch(Character::isDigit) && key.length() <= 3) {
      return Optional.of("n" + Integer.parseInt(key));
    }
    int number = NUMBERS.indexOf(key);
    if (number >= 2) {
      return Optional.of("n" + number);
    }
    int tens = TENS.indexOf(key);
    if (tens >= 2) {
      return Optional.of("n" + tens * 10);
    }
    return Optional.ofNullable(TERMINAL.get(key));
  }

  /**
   * Whether a word is a filler that means nothing wherever it stands.
   *
   * @param key the word's key
   * @return true for fillers such as "please"
   */
  static boolean isFiller(String key) {
    return FILLERS.contains(key) || key.equals(EXACTLY);
  }

  /**
   * Whether a word is a filler where it stands: "exactly" means nothing ("Who is exactly in the
   * middle?") except before a number ("exactly one stranger").
   *
   * @param key the word's key
   * @param next the next word's key, or empty at the end
   * @return true if the word is to be dropped
   */
  static boolean isFiller(String key, String next) {
    return isFiller(key) && !(key.equals(EXACTLY) && (isNumber(next) || next.equals("one")));
  }

  static boolean known(String key) {
    return terminal(key).isPresent() || VISION.contains(key) || DETERMINERS.contains(key);
  }

  static boolean isDeterminer(String key) {
    return DETERMINERS.contains(key);
  }

  /**
   * Whether a word counts what follows it (a digit or a number word other than "one").
   *
   * @param key the word's key
   * @return true for "2", "two", "twelve"
   */
  static boolean isNumber(String key) {
    return (!key.isEmpty() && key.length() <= 3 && key.chars().allMatch(Character::isDigit))
        || NUMBERS.indexOf(key) >= 2 || TENS.indexOf(key) >= 2;
  }

  /**
   * Whether a word is a title or kinship word that may stand before a name ("Mr", "Dr", "Aunt").
   *
   * @param key the word's key
   * @return true for titles
   */
  static boolean isTitle(String key) {
    return TITLES.contains(key);
  }

  static boolean isVision(String key) {
    return VISION.contains(key);
  }

  /**
   * The lexicon word a misspelt word stands for: only for words of four letters or more that are
   * not themselves English words or names, within one edit (two from eight letters), and only when
   * exactly one lexicon word is that close.
   *
   * @param key a word outside the lexicon
   * @return the corrected word, if unambiguous
   */
  static Optional<String> correct(String key) {
    if (key.length() < MIN_TYPO || known(key) || REAL_WORDS.contains(key)) {
      return Optional.empty();
    }
    int allowed = key.length() >= 8 ? 2 : 1;
    String best = null;
    int bestDistance = allowed + 1;
    boolean tie = false;
    for (String w : CORRECTABLE) {
      if (Math.abs(w.length() - key.length()) > allowed) {
        continue;
      }
      int d = EditDistance.of(key, w, allowed);
      if (d < bestDistance) {
        best = w;
        bestDistance = d;
        tie = false;
      } else if (d == bestDistance && d <= allowed) {
        tie = true;
      }
    }
    return best != null && !tie ? Optional.of(best) : Optional.empty();
  }
}
