package dev.pvit.prompt.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The closed word classes an introduction is read with: the frame words around a name (determiners,
 * image nouns, presentational verbs, the introducers that end a left frame and the words that start a
 * right one), the words that belong inside names (particles, elided and assimilated articles,
 * generational suffixes), titles and dotted abbreviations, and the words that are never a name
 * (pronouns, interjections, modals, locatives). They are kept apart from the rules that use them so
 * that the grammar covers a family of wordings by its word class, not one phrase at a time.
 */
final class NameLexicon {
  private NameLexicon() {}

  /** Words an introduction is built from, apart from the name. */
  static final Set<String> FRAME =
      words("this", "that", "these", "those", "here", "there", "the", "a", "an", "is", "are", "was", "be", "it",
          "you", "we", "me", "us", "can", "could", "please", "let", "allow", "take", "have", "has", "get", "to",
          "of", "in", "on", "at", "by", "from", "with", "up", "above", "below", "close", "closely", "close-up",
          "view", "look", "looks", "looking", "like", "what", "how", "whose", "who", "see", "seen", "meet", "say",
          "hello", "hi", "hey", "greet", "know", "remember", "introduce", "introduces", "introducing",
          "introduced", "named", "called", "name", "goes", "go", "person", "man", "woman", "girl", "boy",
          "individual", "lady", "child", "gentleman", "one", "subject", "face", "faces", "features", "crop", "cropped", "shot", "photo",
          "photograph", "picture", "image", "portrait", "headshot", "mugshot", "snapshot", "selfie", "pic",
          "capture", "captured", "reference", "camera", "facing", "show", "shows", "shown", "showing",
          "featuring", "featured", "depicts", "depicting", "depicted", "captures", "capturing", "highlights",
          "highlighting", "highlighted", "presents", "presenting", "presented", "portrays", "portraying",
          "portrayed", "displays", "displaying", "displayed", "pictured", "belongs", "belong", "'s", "'", ":",
          ",", "everyone", "everybody", "all", "our", "my", "your", "new", "friend", "image's",
          "photo's", "stars", "starring", "contains", "includes", "appears", "appearing", "standing", "right",
          "now", "just", "again", "clear", "recent", "good", "nice", "quick", "another",
          "taken", "very", "for", "as", "known", "shot's", "present", "two", "three", "both",
          "photos", "photographs", "pictures", "images", "shots", "portraits", "snapshots", "headshots",
          "pics", "snap", "snaps", "welcome", "check", "out", "behold");
  /** Person nouns that are also given names ("Guy", "Kid"), frame words only when written in lower case. */
  static final Set<String> CASED_PERSON_NOUNS = Set.of("guy", "kid", "fellow", "chap", "dude", "gal");
  /** The last word of the frame before the name. */
  static final Set<String> INTRODUCERS =
      Set.of("is", "are", "was", "of", "featuring", "showing", "shows", "show", "features", "depicts",
          "depicting", "captures", "capturing", "highlights", "highlighting", "presents", "presenting",
          "portrays", "portraying", "displays", "displaying", "introduces", "introducing", "introduce", "meet",
          "see", "named", "called", "name", "to", "at", "know", "remember", "have", "with", "stars", "starring",
          "contains", "includes", ":", "greet", "as", "present", "what", "how", "welcome", "out", "behold");
  /** The first word of the frame after the name. */
  static final Set<String> SUFFIX_STARTERS =
      Set.of("'s", "'", "in", "on", "is", "was", "appears", "appearing", "looks", "from", "by", "to", ",",
          "here", "there", "up", "shown", "pictured", "seen", "standing", "as", "at", "for", "below", "above",
          "right", "captured", "taken", "again");
  /** Lower-case particles inside names ("Ludwig van Beethoven"); the refusal analyser shares them. */
  static final Set<String> PARTICLES =
      Set.of("van", "von", "de", "da", "di", "du", "del", "della", "der", "den", "la", "le", "bin", "bint",
          "al", "el", "ibn", "ter", "ten", "dos", "das", "y", "e", "mac", "st", "ap", "ab", "zu", "vom", "zum", "zur",
          "af", "av", "des");

  /**
   * Honorifics and titles of address. They are not part of the name: the release fills its {@code
   * {name}} slot with bare given names (its pool has no titles), and "Dr. Lima", "Professor Lima" and
   * "Lima" are one person, so a leading title is dropped when a name follows it. When the record's
   * questions or answers use the titled form ("Where is Dr. Lima?"), that form is the name.
   */
  static final Set<String> HONORIFICS =
      Set.of("mr", "mrs", "ms", "mx", "miss", "mister", "dr", "doctor", "prof", "professor", "sir", "dame", "rev",
          "reverend", "madam", "madame", "mme", "mlle", "herr", "frau", "capt", "captain", "sgt", "lt", "col", "aunt",
          "auntie", "aunty", "uncle", "grandma", "grandpa", "granny");
  /**
   * The Arabic article assimilated to a sun letter, written with a hyphen ("az-Zahra", "ash-Shami",
   * "ad-Din"); only as a prefix, since "as", "at" and "an" are English words.
   */
  static final Set<String> ASSIMILATED_ARTICLES =
      Set.of("ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ud", "ul", "ur", "us", "ut", "uz");
  /** Elided particles written onto the next word ("d'Arcy", "l'Estrange", "dell'Acqua"). */
  static final Set<String> ELIDED = Set.of("d", "l", "dell", "dall", "degl");
  /**
   * Given names that are also ordinary English words. In text written without capitals nothing tells
   * "this is a photo of summer" (the season) from the name, so such a reading needs the record.
   */
  static final Set<String> WORD_NAMES =
      Set.of("may", "will", "hope", "grace", "summer", "river", "joy", "faith", "rose", "daisy", "june", "april",
          "august", "autumn", "winter", "dawn", "sky", "rain", "storm", "star", "sunny", "honey", "amber",
          "crystal", "ruby", "pearl", "jade", "ivy", "holly", "lily", "violet", "iris", "heather", "hazel",
          "olive", "ginger", "brook", "bill", "mark", "frank", "jack", "rich", "art", "chase", "hunter", "mason",
          "sage", "melody", "harmony", "destiny", "trinity", "patience", "charity", "mercy", "bliss", "rock",
          "cliff", "dale", "glen", "forest", "lane", "guy", "earl", "duke", "king", "prince", "major", "miles",
          "carol", "penny", "sandy", "rusty", "drew", "wade", "ray", "max", "sterling", "bishop", "page",
          "paige", "taylor", "cook", "baker", "victory", "noble", "blue", "red", "reed", "rocky", "misty",
          "spring", "fall", "hero", "angel", "baby", "buddy", "champ");

  /** Conjunctions that join the names of several people. */
  static final Set<String> COORDINATORS = Set.of("and", "or", "plus", "&", "+");
  /** Determiners that open a noun phrase, never a name. */
  static final Set<String> NOUN_PHRASE_STARTS =
      Set.of("my", "our", "your", "his", "her", "their", "its", "a", "an", "the", "this", "that", "these", "those",
          "some", "any", "every", "each", "no");
  /** Pronouns, never a name. */
  static final Set<String> PRONOUNS =
      Set.of("i", "me", "you", "he", "him", "she", "her", "it", "we", "us", "they", "them", "mine", "yours", "ours",
          "theirs", "myself", "yourself", "himself", "herself", "someone", "somebody", "anyone", "anybody", "everyone",
          "everybody", "nobody", "one");
  /** Modal verbs, which a finite verb never follows. */
  static final Set<String> MODALS =
      Set.of("can", "will", "may", "might", "must", "shall", "could", "would", "should");
  /** Nouns for a reference image ("a face reference for Amber"). */
  static final Set<String> IMAGE_WORDS =
      Set.of("photo", "photos", "photograph", "photographs", "picture", "pictures", "image", "images", "portrait",
          "portraits", "headshot", "headshots", "mugshot", "snapshot", "snapshots", "selfie", "pic", "pics", "shot",
          "shots", "snap", "snaps", "reference", "references", "crop", "close-up", "face");
  /** Possessive determiners, which open a relation before a name ("my colleague Grace"). */
  static final Set<String> POSSESSIVES = Set.of("my", "our", "your", "his", "her", "their");
  /** Prepositions that open an aside after a name ("This is Sue from work", "... at Christmas"). */
  static final Set<String> PREPOSITIONS =
      Set.of("in", "on", "at", "from", "by", "with", "for", "during", "near", "after", "before", "since", "to");
  /** Words after which a capitalised run is a place, a time or a thing, not the person ("in London"). */
  static final Set<String> LOCATIVES =
      Set.of("the", "a", "an", "this", "that", "these", "those", "its", "to", "into", "inside", "across",
          "around", "through", "until", "via", "toward", "towards", "outside");
  /** Capitalised words that are never names: pronouns, interjections, vocatives. */
  static final Set<String> CLOSED =
      Set.of("i", "i'm", "i'd", "i'll", "i've", "you'll", "you're", "you've", "we're", "we've", "we'll", "he",
          "she", "they", "they're", "oh", "ah", "yep", "yes", "yeah", "okay", "ok", "so", "and", "well", "hey",
          "guys", "folks", "alright", "anyway", "then", "please", "kindly", "hello", "hi", "but", "or", "if",
          "when", "because", "since", "although", "though", "note");
  /** Words a relation never contains: they belong to the frame ("my friend is", "my photo of"). */
  static final Set<String> FRAME_VERBS;
  /** Dotted abbreviations whose dot ends no sentence. */
  static final Set<String> ABBREVIATIONS = union(HONORIFICS,
      Set.of("st", "jr", "sr", "mt", "gen", "col", "capt", "lt", "sgt", "esq"));
  /** Generational suffixes, part of the name ("Martin Luther King Jr."). */
  static final Set<String> GENERATIONAL = Set.of("jr", "sr");

  static {
    Set<String> stops = new java.util.HashSet<>(INTRODUCERS);
    stops.addAll(SUFFIX_STARTERS);
    stops.addAll(List.of("and", "or", "is", "are", "was"));
    FRAME_VERBS = Set.copyOf(stops);
  }

  /** The words of both classes. */
  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /** A word class from its words. */
  private static Set<String> words(String... w) {
    return Set.copyOf(Arrays.asList(w));
  }

  /** A word of the introduction's grammar or frame ("And", "Meet", "This"), which may not be part of a name. */
  static boolean grammarWord(String w) {
    String lower = w.toLowerCase(Locale.ROOT);
    return FRAME.contains(lower) || CLOSED.contains(lower) || COORDINATORS.contains(lower);
  }
}
