package dev.pvit.prompt.internal;

import static dev.pvit.prompt.internal.NameLexicon.COORDINATORS;
import static dev.pvit.prompt.internal.NameLexicon.FRAME;
import static dev.pvit.prompt.internal.NameLexicon.PARTICLES;
import static dev.pvit.prompt.internal.NameLexicon.POSSESSIVES;
import static dev.pvit.prompt.internal.NameTokens.initial;
import static dev.pvit.prompt.internal.NameTokens.nameWord;
import static dev.pvit.prompt.internal.NameTokens.span;
import static dev.pvit.prompt.internal.NameTokens.tokens;
import static dev.pvit.prompt.internal.NameTokens.word;

import dev.pvit.prompt.internal.NameExtractor.Refused;
import dev.pvit.prompt.internal.NameTokens.Tok;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the introductions that cannot give one name whatever the rest of the record says,
 * because a wrong name is worse than an error: several people joined by "and"/"or"/"plus" (in one
 * clause or across sentences), clauses taken back by a negation, a hedge, an exception or a question
 * that asks who is shown, and unfilled template slots. Each refusal is a {@link
 * NameExtractor.Refused} whose reason, completing "the introduction ...", the user can act on.
 */
final class UndecidableIntroductions {
  private UndecidableIntroductions() {}

  /** Words that take an introduction back: negation ("This is not Carl") and hedges ("This might be Kurt"). */
  private static final Set<String> UNCOMMITTED =
      Set.of("not", "never", "nobody", "neither", "nor", "maybe", "perhaps", "probably", "possibly", "presumably",
          "likely", "unsure", "think", "guess", "believe", "suppose", "assume", "wonder", "supposedly", "allegedly",
          "apparently", "seemingly", "reportedly", "seems", "seem", "resembles", "resemble", "hopefully");
  /** Degree adverbs that grade a certainty ("pretty sure"). */
  private static final Set<String> DEGREES =
      Set.of("pretty", "fairly", "quite", "reasonably", "almost", "nearly", "mostly", "somewhat", "kinda");
  /** Words of certainty, hedges when graded. */
  private static final Set<String> CERTAINTY = Set.of("sure", "certain", "confident", "positive");
  /** Verbs of appearance that "like" turns into a resemblance. */
  private static final Set<String> LOOK_VERBS = Set.of("look", "looks", "looked", "looking", "seems", "sounds");
  /** Copulas, which make a question ask who is shown. */
  private static final Set<String> COPULAS = Set.of("is", "are", "was", "were", "be", "am");
  /** Relative pronouns opening an aside after a name ("Ana, who may be late"). */
  private static final Set<String> RELATIVES = Set.of("who", "whom", "whose", "which");
  /** Modals that hedge a copula ("might be", "could be"). */
  private static final Set<String> HEDGING_MODALS = Set.of("might", "may", "could", "must", "would", "should");
  /**
   * Unfilled template slots of any template language: "[NAME]", "{name}", "<name>", printf's "%s" and
   * "%(name)s", "$name", "__NAME__".
   */
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\[[^\\]]*\\]|\\{[^}]*}|<[^>]*>|%(?:\\(\\w+\\)|\\d+\\$)?[sdr](?![\\p{L}\\p{N}])"
          + "|\\$[\\p{L}_][\\w]*|__\\w+__");
  /** Adverbs that may follow a coordinator ("Ana and also Bob"). */
  private static final Set<String> COORDINATION_ADVERBS = Set.of("also", "then", "too");

  /**
   * The refusal for an unfilled template slot ("This is [NAME]."), which names no one.
   *
   * @param introduction the introduction as written
   * @return the refusal, or empty when the introduction has no slot
   */
  static Optional<Refused> unfilledSlot(String introduction) {
    Matcher slot = PLACEHOLDER.matcher(introduction);
    if (slot.find()) {
      return Optional.of(new Refused("has an unfilled template slot '" + slot.group() + "'"));
    }
    return Optional.empty();
  }

  /**
   * The refusal for a negated, hedged or asked clause that names someone ("This is not Carl", "This
   * might be Kurt", "Is this Ana?"), to say why no name was found.
   *
   * @param clauses the clauses of the introduction
   * @return the refusal for the first such clause, or empty
   */
  static Optional<Refused> uncommitted(List<String> clauses) {
    for (String clause : clauses) {
      Optional<String> hedge = hedge(clause);
      if (hedge.isPresent()
          && tokens(clause).stream().anyMatch(t -> nameWord(clause, t) && !FRAME.contains(t.lower()))) {
        return Optional.of(
            new Refused("is negated, hedged or asked ('" + hedge.get() + "'), so it does not say who is shown"));
      }
    }
    return Optional.empty();
  }

  /** "Meet Ana and Bob": one reference image shows one person. */
  static Refused several(List<String> names) {
    return new Refused("names more than one person (" + String.join(" and ", names.stream().map(n -> "'" + n + "'")
        .toList()) + "), but a reference image shows one");
  }

  /**
   * Name-like runs joined by "and", "or", "plus" or commas ("Ana, Ben and Carla"), unless a comma
   * sets off a possessor ("Kristina, Bob's sister"); empty when the clause coordinates no names
   * (commas alone set off asides).
   */
  static List<String> coordinatedNames(String clause) {
    List<Tok> toks = tokens(clause);
    List<int[]> runs = new ArrayList<>();
    int i = 0;
    while (i < toks.size()) {
      if (!nameWord(clause, toks.get(i)) && !initial(clause, toks.get(i))) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < toks.size() && (nameWord(clause, toks.get(j)) || initial(clause, toks.get(j))
          || (PARTICLES.contains(toks.get(j).lower()) && j + 1 < toks.size() && nameWord(clause, toks.get(j + 1))))) {
        j++;
      }
      runs.add(new int[] {i, j});
      i = j;
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    boolean conjunction = false;
    for (int r = 0; r + 1 < runs.size(); r++) {
      int from = runs.get(r)[1];
      int to = runs.get(r + 1)[0];
      boolean joined = to > from;
      boolean and = false;
      for (int k = from; k < to && joined; k++) {
        String w = toks.get(k).lower();
        joined = w.equals(",") || COORDINATORS.contains(w) || (and && COORDINATION_ADVERBS.contains(w));
        and |= COORDINATORS.contains(w);
      }
      int after = runs.get(r + 1)[1];
      // "Kristina, Bob's sister" describes Kristina; "Ana and Bob's portrait" still shows two people
      boolean possessor = !and && after < toks.size() && toks.get(after).lower().startsWith("'");
      if (joined && !possessor) {
        out.add(span(clause, toks, runs.get(r)[0], from));
        out.add(span(clause, toks, to, after));
        conjunction |= and;
      }
    }
    // commas alone set off an aside ("Our colleague from Berlin, Faith"); a list ends in "and"/"or"
    return conjunction ? List.copyOf(out) : List.of();
  }

  /**
   * A name after "and"/"or"/"&"/"plus" anywhere in the text, past a dash, a full stop or a
   * parenthesis ("Meet Ana - and Bob", "This is Ana. Or Bob.", "Here's Ana (and Bob)"), when a name
   * precedes it: the pair, or empty. The names may belong to different sentences, so this reads the
   * whole text rather than a clause.
   */
  static List<String> coordinatedAcross(String introduction) {
    String s = introduction.replace('\u2019', '\'');
    List<Tok> toks = tokens(s);
    String earlier = null;
    for (int i = 0; i + 1 < toks.size(); i++) {
      Tok t = toks.get(i);
      if (earlier != null && COORDINATORS.contains(t.lower())) {
        // "Ana and Bob", "Ana and her sister Maria": a relation may stand before the second name
        int k = i + 1;
        if (POSSESSIVES.contains(toks.get(k).lower())) {
          k++;
          while (k < toks.size() && k - i <= 4 && word(toks.get(k)) && !nameWord(s, toks.get(k))) {
            k++;
          }
          k += k < toks.size() && toks.get(k).lower().equals(",") ? 1 : 0;
        }
        if (k < toks.size() && nameWord(s, toks.get(k))) {
          return List.of(earlier, s.substring(toks.get(k).start(), toks.get(k).end()));
        }
      }
      if (earlier == null && nameWord(s, t) && !FRAME.contains(t.lower())) {
        earlier = s.substring(t.start(), t.end());
      }
    }
    return List.of();
  }

  /**
   * The word that keeps the clause from asserting who is shown, if any: a negation ("not", "never",
   * "-n't"), a hedge ("maybe", "I think", "pretty sure", a modal before "be": "This might be Kurt",
   * "Could be Ana", "looks like"), an exception ("other than") or a question that asks who is shown,
   * before a relative clause set off by a comma.
   */
  static Optional<String> hedge(String clause) {
    List<Tok> toks = tokens(clause);
    if (clause.endsWith("?") && askedIdentity(clause, toks)) {
      return Optional.of("?"); // "Is this Ana?", "Could be Ana?", "Ana?": asked, not asserted ("Remember Ana?" asserts)
    }
    for (int i = 0; i < toks.size(); i++) {
      String w = toks.get(i).lower();
      String next = i + 1 < toks.size() ? toks.get(i + 1).lower() : "";
      if (i > 0 && toks.get(i - 1).lower().equals(",") && RELATIVES.contains(w)) {
        return Optional.empty(); // "This is Ana, who may be late": the relative clause says nothing of who is shown
      }
      if (UNCOMMITTED.contains(w) || w.endsWith("n't")) {
        return Optional.of(w);
      }
      // a modal before "be" hedges whatever its case ("Could be Ana"); a name is never followed by a bare "be"
      if (HEDGING_MODALS.contains(w) && next.equals("be")) {
        return Optional.of(w + " be");
      }
      // "pretty sure", "fairly certain": a graded certainty is a hedge
      if (DEGREES.contains(w) && CERTAINTY.contains(next)) {
        return Optional.of(w + " " + next);
      }
      // "This looks like Ana", "Looks like Ana": a resemblance, not an identification ("what Ana looks like" is one)
      if (w.equals("like") && i > 0 && LOOK_VERBS.contains(toks.get(i - 1).lower()) && i + 1 < toks.size()
          && (i == 1 || FRAME.contains(toks.get(i - 2).lower()) || !nameWord(clause, toks.get(i - 2)))) {
        return Optional.of(toks.get(i - 1).lower() + " like");
      }
      // "someone other than Ana", "Maria rather than Ana", "instead of Ana", "anyone except Ana"
      if ((Set.of("other", "rather").contains(w) && next.equals("than")) || (w.equals("instead") && next.equals("of"))
          || w.equals("except") || w.equals("unlike")) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }

  /**
   * A question that asks who is shown: one with a copula or a modal ("Is this Ana?", "Could be Ana?")
   * or a bare name ("Ana?"). Other questions ("Remember Ana?") take the name as known.
   */
  private static boolean askedIdentity(String clause, List<Tok> toks) {
    boolean bare = !toks.isEmpty();
    for (Tok t : toks) {
      if (COPULAS.contains(t.lower()) || HEDGING_MODALS.contains(t.lower())) {
        return true;
      }
      bare &= (nameWord(clause, t) && !FRAME.contains(t.lower())) || initial(clause, t)
          || PARTICLES.contains(t.lower());
    }
    return bare;
  }
}
