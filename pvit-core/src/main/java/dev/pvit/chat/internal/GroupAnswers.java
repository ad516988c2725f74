package dev.pvit.chat.internal;

import static dev.pvit.chat.internal.Absentees.doubtfullyMissing;
import static dev.pvit.chat.internal.Absentees.missingFacts;
import static dev.pvit.chat.internal.Absentees.requireCertainlyMissing;
import static dev.pvit.chat.internal.Estimates.ESTIMATE;
import static dev.pvit.chat.internal.Estimates.estimate;
import static dev.pvit.chat.internal.Phrasing.besides;
import static dev.pvit.chat.internal.Phrasing.describe;
import static dev.pvit.chat.internal.Phrasing.phrase;
import static dev.pvit.chat.internal.Quantifiers.excepting;
import static dev.pvit.chat.internal.Quantifiers.matching;
import static dev.pvit.chat.internal.Quantifiers.members;
import static dev.pvit.chat.internal.Quantifiers.quantify;
import static dev.pvit.chat.internal.Quantifiers.requireDecided;
import static dev.pvit.chat.internal.Quantifiers.requireSettled;
import static dev.pvit.chat.internal.Quantifiers.undecided;
import static dev.pvit.chat.internal.Wording.isAre;
import static dev.pvit.chat.internal.Wording.join;
import static dev.pvit.chat.internal.Wording.people;
import static dev.pvit.chat.internal.Wording.whoWhere;
import static dev.pvit.chat.internal.Wording.yesNo;

import dev.pvit.chat.internal.LogicalForm.Filter;
import dev.pvit.chat.internal.LogicalForm.Group;
import dev.pvit.chat.internal.LogicalForm.Missing;
import dev.pvit.chat.internal.LogicalForm.Present;
import dev.pvit.chat.internal.LogicalForm.Quantifier;
import dev.pvit.face.RecognizedFace;
import java.util.List;

/**
 * Answers about a group of faces rather than named people: quantified yes/no questions ("Is
 * everyone smiling?", "Are two people over 40?", "Is anyone missing?") and counts ("How many people
 * are smiling?"). A yes/no stands only when every face the estimates cannot place, and every
 * lookalike of a missing person, would leave it the same; a bare number that could mean "at least"
 * or "exactly" is asked back rather than guessed.
 */
final class GroupAnswers {
  private final Absentees absentees;

  /**
   * Answers about groups.
   *
   * @param absentees who of the registered people is missing
   */
  GroupAnswers(Absentees absentees) {
    this.absentees = absentees;
  }

  /** A quantified yes/no about a group ("Is everyone here?", "Are two people smiling?"). */
  String yesNoGroup(LogicalForm f, Group g, Scene s) {
    if (f.relation() instanceof Missing) {
      List<String> all = absentees.missing(s, g);
      List<String> doubtful = doubtfullyMissing(s, all);
      List<String> missing = all.stream().filter(m -> !doubtful.contains(m)).toList();
      if (g.quantifier() == Quantifier.BARE && all.size() > g.count()) {
        throw new Unclear("I can't tell whether you mean at least " + g.count() + " or exactly " + g.count() + ": "
            + String.join("; ", missingFacts(s, all, doubtful)) + ".");
      }
      // The true number missing lies between the certain ones and all of them; the quantifiers are
      // monotone in it, so the answer is known when both ends agree.
      boolean yes = quantify(g, missing.size(), absentees.registered().size());
      if (quantify(g, missing.size() + doubtful.size(), absentees.registered().size()) != yes
          || !doubtful.isEmpty() && (g.quantifier() == Quantifier.EXACTLY || g.quantifier() == Quantifier.MOST
              || g.quantifier() == Quantifier.BARE)) {
        requireCertainlyMissing(s, all);
      }
      List<String> facts = missingFacts(s, all, doubtful);
      return yesNo(yes) + ", " + (facts.isEmpty() ? "everyone you registered is in this photo." : String.join("; ", facts) + ".");
    }
    if (f.relation() instanceof LogicalForm.Among a) {
      return among(f, g, a, s);
    }
    // The faces the group ranges over: "Is everyone I know smiling?" over the known faces only. With
    // presence, the filter is what is asked of every face ("Is everyone registered?"); the grammar
    // reads "Is everyone I know here?" as a question about the registered people who are missing.
    boolean presence = f.relation() instanceof Present && !f.negated();
    int candidates = (presence ? excepting(s.faces(), g) : members(s, g)).size();
    if (g.quantifier() == Quantifier.EVERY && g.count() > 0 && g.count() != candidates) {
      // "Are all three smiling?" in a photo of five: which three?
      throw new Unclear("I can't tell which " + g.count() + " people you mean: I see " + people(candidates)
          + " in this photo. Please name them.");
    }
    if (s.faces().isEmpty()) {
      return yesNo(quantify(g, 0, 0)) + ", I can't find any face in this photo.";
    }
    List<RecognizedFace> matches = matching(members(s, g), f, s);
    boolean yes = quantify(g, matches.size(), candidates);
    List<RecognizedFace> open = undecided(members(s, g), f, s);
    if (g.quantifier() == Quantifier.BARE && matches.size() + open.size() > g.count()) {
      // "Are two people smiling?" with three smiling is yes for "at least two", no for "exactly two"
      throw new Unclear("I can't tell whether you mean at least " + g.count() + " or exactly " + g.count() + ": "
          + (open.isEmpty() ? people(matches.size()) + " " + describe(g.filter()) + isAre(matches.size()) + " " + phrase(f)
              + (matches.isEmpty() ? "" : " (" + join(matches.stream().map(x -> whoWhere(x, s.recognition())).toList())
                  + ")") : "some of the estimates are too close to call") + ".");
    }
    requireSettled(g, matches.size(), open, candidates, f, s);
    String estimate = estimate(f.relation()) ? ESTIMATE : "";
    if (g.count() > 0 || g.quantifier() == Quantifier.MOST) {
      // a number of people: the answer says how many fit, and who
      String kind = describe(g.filter()).strip();
      boolean ofAll = g.quantifier() == Quantifier.MOST || g.quantifier() == Quantifier.EVERY;
      String what = ofAll && !kind.isEmpty() ? "people " + kind + (presence ? "" : ", " + phrase(f)) : phrase(f);
      return yesNo(yes) + ": " + (ofAll ? matches.size() + " of the " + people(candidates) : people(matches.size()))
          + (ofAll || kind.isEmpty() || matches.isEmpty() ? "" : " " + kind) + " " + isAre(matches.size()) + " " + what
          + (matches.isEmpty() ? "" : ": " + join(matches.stream().map(x -> whoWhere(x, s.recognition())).toList()))
          + "." + estimate;
    }
    String who = matches.isEmpty() ? "nobody " + describe(g.filter()) + "fits"
        : join(matches.stream().map(x -> whoWhere(x, s.recognition())).toList()) + " " + isAre(matches.size());
    String tail = matches.isEmpty() ? "" : " " + phrase(f);
    return yesNo(yes) + ": " + who + tail + "." + estimate;
  }

  /** "Is everyone in the back row smiling?": the quantifier over the faces of which the restriction holds. */
  private static String among(LogicalForm f, Group g, LogicalForm.Among a, Scene s) {
    LogicalForm restriction = f.withRelation(a.among()).withNegation(false);
    requireDecided(undecided(members(s, g), restriction, s), restriction, s);
    List<RecognizedFace> those = matching(members(s, g), restriction, s);
    String where = phrase(f.withRelation(a.among()).withNegation(false));
    if (those.isEmpty()) {
      return yesNo(quantify(g, 0, 0)) + ": nobody is " + where + ".";
    }
    List<RecognizedFace> matches = matching(those, f.withRelation(a.relation()), s);
    boolean yes = quantify(g, matches.size(), those.size());
    requireSettled(g, matches.size(), undecided(those, f.withRelation(a.relation()), s), those.size(), f, s);
    String who = those.size() == 1 ? "the only person " + where : matches.size() + " of the " + people(those.size())
        + " " + where;
    return yesNo(yes) + ": " + who + " " + isAre(matches.size()) + " " + (those.size() == 1 && matches.isEmpty()
        ? "not " : "") + phrase(f.withRelation(a.relation()))
        + (matches.isEmpty() ? "" : ": " + join(matches.stream().map(x -> whoWhere(x, s.recognition())).toList()))
        + "." + (estimate(a.relation()) || estimate(a.among()) ? ESTIMATE : "");
  }

  /** Counts lead with the number ("2 people …", "None: …"), so the answer is the first thing read. */
  String count(LogicalForm f, Group g, Scene s) {
    if (f.relation() instanceof Missing) {
      List<String> missing = absentees.missing(s, g);
      requireCertainlyMissing(s, missing);
      return missing.isEmpty() ? "None: everyone you registered is in this photo."
          : missing.size() + " registered " + (missing.size() == 1 ? "person is" : "people are")
              + " not in this photo: " + join(missing) + ".";
    }
    requireDecided(undecided(members(s, g), f, s), f, s);
    List<RecognizedFace> m = matching(members(s, g), f, s);
    String kind = switch (g.filter()) {
      case ALL -> "";
      case KNOWN -> " you registered";
      case UNKNOWN -> " I don't recognise";
    } + besides(f);
    String rest = f.relation() instanceof Present && !f.negated() ? "in this photo" : phrase(f);
    String estimate = estimate(f.relation()) ? ESTIMATE : "";
    if (m.isEmpty()) {
      return (s.faces().isEmpty() ? "None: I can't find any face in this photo."
          : "None: nobody" + kind + " is " + rest + ".") + estimate;
    }
    List<String> known = m.stream().filter(RecognizedFace::isKnown).map(Wording::who).toList();
    String names = g.filter() == Filter.UNKNOWN || known.isEmpty() ? ""
        : known.size() == m.size() ? ": " + join(known)
        : "; " + known.size() + " of them " + isAre(known.size()) + " registered: " + join(known);
    return m.size() + (m.size() == 1 ? " person" : " people") + kind + " " + isAre(m.size()) + " " + rest + names + "."
        + estimate;
  }
}
