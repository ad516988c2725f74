package dev.pvit.chat.internal;

import static dev.pvit.chat.internal.Absentees.requireCertainlyMissing;
import static dev.pvit.chat.internal.DescribedFaces.anchor;
import static dev.pvit.chat.internal.Estimates.ESTIMATE;
import static dev.pvit.chat.internal.Estimates.estimate;
import static dev.pvit.chat.internal.Estimates.extreme;
import static dev.pvit.chat.internal.Estimates.measure;
import static dev.pvit.chat.internal.Estimates.superlative;
import static dev.pvit.chat.internal.Phrasing.describe;
import static dev.pvit.chat.internal.Phrasing.label;
import static dev.pvit.chat.internal.Phrasing.phrase;
import static dev.pvit.chat.internal.Quantifiers.matching;
import static dev.pvit.chat.internal.Quantifiers.members;
import static dev.pvit.chat.internal.Quantifiers.requireDecided;
import static dev.pvit.chat.internal.Quantifiers.undecided;
import static dev.pvit.chat.internal.Relations.ranked;
import static dev.pvit.chat.internal.Scene.overlaps;
import static dev.pvit.chat.internal.Uncertain.names;
import static dev.pvit.chat.internal.Wording.isAre;
import static dev.pvit.chat.internal.Wording.join;
import static dev.pvit.chat.internal.Wording.ordinal;
import static dev.pvit.chat.internal.Wording.people;
import static dev.pvit.chat.internal.Wording.who;
import static dev.pvit.chat.internal.Wording.whoWhere;

import dev.pvit.chat.Position;
import dev.pvit.chat.internal.LogicalForm.AgeBeyond;
import dev.pvit.chat.internal.LogicalForm.AllOf;
import dev.pvit.chat.internal.LogicalForm.Behind;
import dev.pvit.chat.internal.LogicalForm.Between;
import dev.pvit.chat.internal.LogicalForm.Filter;
import dev.pvit.chat.internal.LogicalForm.Group;
import dev.pvit.chat.internal.LogicalForm.InRow;
import dev.pvit.chat.internal.LogicalForm.InThird;
import dev.pvit.chat.internal.LogicalForm.Missing;
import dev.pvit.chat.internal.LogicalForm.MoreExpressive;
import dev.pvit.chat.internal.LogicalForm.Names;
import dev.pvit.chat.internal.LogicalForm.NextTo;
import dev.pvit.chat.internal.LogicalForm.OlderThan;
import dev.pvit.chat.internal.LogicalForm.Present;
import dev.pvit.chat.internal.LogicalForm.Ranked;
import dev.pvit.chat.internal.LogicalForm.Relation;
import dev.pvit.chat.internal.LogicalForm.Shows;
import dev.pvit.chat.internal.LogicalForm.SideOf;
import dev.pvit.face.RecognizedFace;
import dev.pvit.face.SceneRecognition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Who" questions: which of some named people are here, who is registered or not, who stands
 * where (ranks, thirds, neighbours, between, behind), who fits a relation, and who looks the
 * oldest or happiest, overall or within a row. A list is given only when every face can be placed
 * in or out of it; a superlative too close to call names the contenders instead of one winner.
 */
final class WhoAnswers {
  private final Absentees absentees;

  /**
   * Answers "who" questions.
   *
   * @param absentees who of the registered people is missing
   */
  WhoAnswers(Absentees absentees) {
    this.absentees = absentees;
  }

  /** The answer to a "who" question; {@link Uncertain} or {@link Unclear} where the faces cannot tell. */
  String whoAnswer(LogicalForm f, Scene s) {
    Relation r = f.relation();
    if (f.subject() instanceof Names n && r instanceof Present) {
      return whichOf(n, s);
    }
    List<RecognizedFace> candidates = f.subject() instanceof Names n
        ? n.names().stream().map(s::of).toList()
        : members(s, (Group) f.subject());
    Filter filter = f.subject() instanceof Group g ? g.filter() : Filter.ALL;
    SceneRecognition sc = s.recognition();
    if (r instanceof LogicalForm.Among a) {
      return mostAmong(f, a, candidates, s);
    }
    if (r instanceof Missing) {
      List<String> missing = f.subject() instanceof Group g ? absentees.missing(s, g) : absentees.missing(s);
      requireCertainlyMissing(s, missing);
      return missing.isEmpty() ? "Everyone you registered is in this photo."
          : join(missing) + " " + isAre(missing.size()) + " registered but not in this photo.";
    }
    if (r instanceof Present) {
      return identify(candidates, filter, s);
    }
    if (r instanceof Ranked k) {
      List<RecognizedFace> at = ranked(candidates, k);
      String where = k.from() == Position.CENTER ? "in the middle"
          : k.rank() == 1 ? "on the far " + k.from().label() : ordinal(k.rank()) + " from the " + k.from().label();
      if (at.isEmpty()) {
        return "Nobody is " + where + ": I count only " + people(candidates.size())
            + (filter == Filter.ALL ? "" : " " + describe(filter).strip()) + " in this photo.";
      }
      if (at.size() == 2) {
        return "Nobody is exactly in the middle of the " + people(candidates.size()) + "; the two in the middle are "
            + join(at.stream().map(Wording::who).toList()) + ".";
      }
      return Wording.capitalise(who(at.get(0))) + " is " + where + ".";
    }
    if (r instanceof InThird t) {
      List<RecognizedFace> in = candidates.stream()
          .filter(x -> Position.of(x.box().centerX(), sc.width()) == t.third()).toList();
      String side = "on the " + t.third().label();
      if (in.isEmpty()) {
        return "Nobody is in the " + t.third().label() + " third of this photo.";
      }
      return Wording.capitalise(join(in.stream().map(Wording::who).toList())) + " " + isAre(in.size()) + " " + side
          + (in.size() > 1 ? " (from left to right)." : ".");
    }
    if (r instanceof NextTo t) {
      RecognizedFace anchor = anchor(t.other(), s);
      int i = s.index(anchor);
      List<String> parts = new ArrayList<>();
      if (i > 0) {
        parts.add(who(s.faces().get(i - 1)) + " to the left");
      }
      if (i + 1 < s.faces().size()) {
        parts.add(who(s.faces().get(i + 1)) + " to the right");
      }
      return parts.isEmpty() ? "Nobody is next to " + label(t.other()) + "; " + label(t.other()) + " is alone in this photo."
          : "Next to " + label(t.other()) + ": " + join(parts) + ".";
    }
    if (r instanceof SideOf t) {
      RecognizedFace anchor = anchor(t.other(), s);
      int i = s.index(anchor) + (t.side() == Position.LEFT ? -1 : 1);
      if (i < 0 || i >= s.faces().size()) {
        return "Nobody is to the " + t.side().label() + " of " + label(t.other()) + ".";
      }
      return Wording.capitalise(who(s.faces().get(i))) + " is directly to the " + t.side().label() + " of "
          + label(t.other()) + ".";
    }
    if (r instanceof Between b) {
      int a = s.index(anchor(b.a(), s));
      int c = s.index(anchor(b.b(), s));
      List<RecognizedFace> in = s.faces().subList(Math.min(a, c) + 1, Math.max(a, c));
      return in.isEmpty() ? "Nobody is between " + label(b.a()) + " and " + label(b.b()) + "; they stand next to each other."
          : "Between " + label(b.a()) + " and " + label(b.b()) + ": " + join(in.stream().map(Wording::who).toList()) + ".";
    }
    boolean comparedWithSomeone = r instanceof OlderThan o && o.than().isPresent()
        || r instanceof MoreExpressive m && m.than().isPresent();
    if (r instanceof Behind b) {
      return behind(b, s);
    }
    if (r instanceof Shows || r instanceof AgeBeyond || r instanceof AllOf || r instanceof InRow
        || r instanceof LogicalForm.SameRow || comparedWithSomeone) {
      // nobody is "in the same row as" themselves
      requireDecided(undecided(candidates, f, s), f, s);
      List<RecognizedFace> m = matching(candidates, f, s).stream()
          .filter(x -> !(r instanceof LogicalForm.SameRow w && anchor(w.other(), s).equals(x))).toList();
      return (m.isEmpty() ? "Nobody " + describe(filter) + "is " + phrase(f)
          : Wording.capitalise(join(m.stream().map(x -> whoWhere(x, sc)).toList())) + " " + isAre(m.size()) + " "
              + phrase(f)) + "." + (estimate(r) ? ESTIMATE : "");
    }
    if (candidates.isEmpty()) {
      return "Nobody " + describe(filter) + "is in this photo.";
    }
    List<RecognizedFace> top = extreme(r, candidates);
    String what = superlative(r);
    if (top.size() > 1) {
      throw new Uncertain("the estimates for " + join(top.stream().map(Wording::who).toList())
          + " are too close to say who looks " + what + "." + ESTIMATE, names(top.toArray(RecognizedFace[]::new)));
    }
    return Wording.capitalise(whoWhere(top.get(0), sc)) + " looks " + what + " (" + measure(r, top.get(0)) + ")."
        + ESTIMATE;
  }

  /** "Which of A, B and C is here?": the ones present, where they stand, and that the others are not. */
  private static String whichOf(Names n, Scene s) {
    List<String> here = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    List<String> doubts = new ArrayList<>();
    List<String> doubtful = new ArrayList<>();
    for (String name : n.names()) {
      Optional<RecognizedFace> f = s.recognition().find(name);
      List<RecognizedFace> like = s.recognition().lookalikes(name);
      if (f.isPresent()) {
        here.add(name + " is in this photo, " + Wording.where(f.get(), s.recognition()));
      } else if (like.isEmpty()) {
        gone.add(name);
      } else {
        doubts.add(Wording.resemblance(name, like, s.recognition()));
        doubtful.add(name);
      }
    }
    String absent = gone.isEmpty() ? "" : join(gone) + " " + (gone.size() == 1 ? "is" : "are") + " not in this photo";
    if (!doubtful.isEmpty()) {
      List<String> facts = new ArrayList<>(here);
      if (!absent.isEmpty()) {
        facts.add(absent);
      }
      facts.addAll(doubts);
      throw new Uncertain(String.join("; ", facts) + ".", doubtful);
    }
    if (here.isEmpty()) {
      return "None of them: " + absent + ".";
    }
    return String.join("; ", here) + (absent.isEmpty() ? "." : "; " + absent + ".");
  }

  /** "Who is the youngest in the back row?": the superlative among the faces of a row or a third. */
  private static String mostAmong(LogicalForm f, LogicalForm.Among a, List<RecognizedFace> candidates, Scene s) {
    LogicalForm area = f.withRelation(a.among());
    requireDecided(undecided(candidates, area, s), area, s);
    List<RecognizedFace> those = matching(candidates, area, s);
    if (those.isEmpty()) {
      return "Nobody is " + phrase(area) + ".";
    }
    if (those.size() == 1) {
      return Wording.capitalise(whoWhere(those.get(0), s.recognition())) + " is the only person " + phrase(area) + ".";
    }
    List<RecognizedFace> top = extreme(a.relation(), those);
    String what = superlative(a.relation());
    if (top.size() > 1) {
      throw new Uncertain("the estimates for " + join(top.stream().map(Wording::who).toList())
          + " are too close to say who looks " + what + "." + ESTIMATE, names(top.toArray(RecognizedFace[]::new)));
    }
    return "Of the " + people(those.size()) + " " + phrase(area) + ", " + whoWhere(top.get(0), s.recognition())
        + " looks " + what + " (" + measure(a.relation(), top.get(0)) + ")." + ESTIMATE;
  }

  /** "Who is behind Ella?": the faces directly behind (or in front of) her in the nearest row that has any. */
  private static String behind(Behind b, Scene s) {
    RecognizedFace anchor = anchor(b.other(), s);
    List<List<RecognizedFace>> rows = s.rowList();
    String side = b.behind() ? "behind " : "in front of ";
    int step = b.behind() ? -1 : 1;
    for (int k = s.row(anchor) + step; k >= 0 && k < rows.size(); k += step) {
      List<RecognizedFace> there = rows.get(k).stream().filter(x -> overlaps(x, anchor)).toList();
      if (!there.isEmpty()) {
        return Wording.capitalise(join(there.stream().map(x -> whoWhere(x, s.recognition())).toList())) + " "
            + (there.size() == 1 ? "stands" : "stand") + " directly " + side + label(b.other()) + ".";
      }
    }
    return "Nobody stands directly " + side + label(b.other()) + (rows.size() < 2 ? ": everyone stands in one row."
        : ": " + label(b.other()) + " is in " + s.rowName(s.row(anchor)) + ".");
  }

  private static String identify(List<RecognizedFace> candidates, Filter filter, Scene s) {
    List<String> known = candidates.stream().filter(RecognizedFace::isKnown)
        .map(x -> whoWhere(x, s.recognition())).toList();
    long strangers = candidates.stream().filter(x -> !x.isKnown()).count();
    if (filter == Filter.UNKNOWN) {
      return strangers == 0 ? "I recognise everyone in this photo."
          : "I don't recognise " + people((int) strangers) + ": " + join(candidates.stream()
              .map(x -> Wording.where(x, s.recognition())).toList()) + ".";
    }
    if (known.isEmpty()) {
      return s.faces().isEmpty() ? "I can't find any face in this photo."
          : "I see " + people(s.faces().size()) + ", but none of them is someone you registered.";
    }
    int others = (int) s.faces().stream().filter(x -> !x.isKnown()).count();
    return "From left to right I can see " + join(known)
        + (others == 0 || filter == Filter.KNOWN ? "." : ", and " + people(others) + " I don't recognise.");
  }
}
