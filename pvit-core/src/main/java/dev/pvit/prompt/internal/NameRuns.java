package dev.pvit.prompt.internal;

import static dev.pvit.prompt.internal.NameLexicon.CLOSED;
import static dev.pvit.prompt.internal.NameLexicon.FRAME;
import static dev.pvit.prompt.internal.NameLexicon.HONORIFICS;
import static dev.pvit.prompt.internal.NameLexicon.IMAGE_WORDS;
import static dev.pvit.prompt.internal.NameLexicon.LOCATIVES;
import static dev.pvit.prompt.internal.NameLexicon.PARTICLES;
import static dev.pvit.prompt.internal.NameLexicon.POSSESSIVES;
import static dev.pvit.prompt.internal.NameLexicon.PREPOSITIONS;
import static dev.pvit.prompt.internal.NameLexicon.grammarWord;
import static dev.pvit.prompt.internal.NameTokens.acronym;
import static dev.pvit.prompt.internal.NameTokens.initial;
import static dev.pvit.prompt.internal.NameTokens.nameWord;
import static dev.pvit.prompt.internal.NameTokens.quoted;
import static dev.pvit.prompt.internal.NameTokens.span;
import static dev.pvit.prompt.internal.NameTokens.tokens;
import static dev.pvit.prompt.internal.NameTokens.word;

import dev.pvit.prompt.internal.NameTokens.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Name-like runs read without a frame: capitalised (or CJK) words with particles between them, in a
 * position a name can take (not governed by an article or a locative preposition, not in quotes, not
 * opening the clause unless alone or titled), and the run that opens a caption ("Ana at the beach").
 * They are the readings of last resort when no known frame introduces anyone, and the rivals that make
 * a framed reading depend on the record.
 */
final class NameRuns {
  private NameRuns() {}

  /** The capitalised run opening a caption: a run followed by a preposition or a participle ("Ana at the beach"). */
  static Optional<String> captionRun(String clause) {
    List<Tok> toks = tokens(clause);
    int j = 0;
    while (j < toks.size() && (nameWord(clause, toks.get(j)) || initial(clause, toks.get(j))
        || (j > 0 && PARTICLES.contains(toks.get(j).lower())))) {
      j++;
    }
    if (j == 0 || j >= toks.size() || grammarWord(clause.substring(toks.get(0).start(), toks.get(0).end()))) {
      return Optional.empty();
    }
    Tok next = toks.get(j);
    boolean participle = next.lower().endsWith("ing") && Character.isLowerCase(clause.codePointAt(next.start()));
    return PREPOSITIONS.contains(next.lower()) || participle ? Optional.of(span(clause, toks, 0, j)) : Optional.empty();
  }

  /**
   * Name-like runs in a clause: capitalised (or CJK) words with particles between them, not after a
   * determiner or a preposition ("the Eiffel Tower", "in London"), not in quotes (a nickname), not
   * opening the clause unless they are all of it or set off by a comma. Leading frame words are
   * dropped ("This", "Here").
   *
   * @param alone whether the clause has no frame reading (a bare "José María" is then a name)
   */
  static List<String> runs(String s, List<Tok> toks, boolean alone) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < toks.size()) {
      // "A. J." is no article; a capitalised frame word inside the clause is a name ("a shot of Can")
      boolean initial = initial(s, toks.get(i));
      if (!initial && (!nameWord(s, toks.get(i)) || (i == 0 && FRAME.contains(toks.get(i).lower())))) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < toks.size()) {
        int k = j;
        while (k < toks.size() && PARTICLES.contains(toks.get(k).lower())) {
          k++; // "de la" inside "Juan de la Cruz"
        }
        if (k >= toks.size() || !(nameWord(s, toks.get(k)) || initial(s, toks.get(k)))) {
          break;
        }
        j = k + 1;
      }
      boolean opening = i == 0 || (i == 1 && CLOSED.contains(toks.get(0).lower()));
      // the word governing the run, past up to two modifiers ("an old Polaroid", "from last Christmas")
      int g = i - 1;
      while (g >= 0 && i - g <= 2 && word(toks.get(g)) && !FRAME.contains(toks.get(g).lower())
          && !nameWord(s, toks.get(g)) && !PREPOSITIONS.contains(toks.get(g).lower())
          && !LOCATIVES.contains(toks.get(g).lower())) {
        g--;
      }
      String prev = g >= 0 ? toks.get(g).lower() : "";
      // "goes by Juan", "a snap of Juan", "reference for Juan" name; "from Monday", "in London", "the CEO",
      // "Museum of Art" do not
      boolean ofName = prev.equals("of") && g >= 1 && nameWord(s, toks.get(g - 1));
      boolean forImage = prev.equals("for") && g >= 1 && IMAGE_WORDS.contains(toks.get(g - 1).lower());
      // "with Bob" is another person; "Bob's sister" is not Bob
      boolean possessor = j < toks.size() && toks.get(j).lower().startsWith("'");
      boolean goesBy = prev.equals("by") && g >= 1
          && Set.of("goes", "go", "going", "known").contains(toks.get(g - 1).lower());
      // "our CEO" is a relation, not a name
      boolean relationNoun = POSSESSIVES.contains(prev) && j == i + 1 && acronym(s, toks.get(i));
      // a title marks a person even where a capital only opens the sentence: "Aunt Grace at the picnic"
      boolean titled = j > i + 1 && HONORIFICS.contains(toks.get(i).lower());
      boolean licensed = (goesBy || prev.equals("with") || forImage || !PREPOSITIONS.contains(prev))
          && !LOCATIVES.contains(prev) && !ofName && !possessor && !relationNoun
          && !quoted(s, toks.get(i).start())
          && (!opening || titled || (alone && (j == toks.size() || toks.get(j).lower().equals(","))));
      if (licensed) {
        out.add(span(s, toks, i, j));
      }
      i = j;
    }
    return out;
  }
}
