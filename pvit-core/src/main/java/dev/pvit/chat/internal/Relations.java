package dev.pvit.chat.internal;

import static dev.pvit.chat.internal.DescribedFaces.anchor;
import static dev.pvit.chat.internal.Estimates.AGE_MARGIN;
import static dev.pvit.chat.internal.Estimates.EXPRESSION_MARGIN;
import static dev.pvit.chat.internal.Estimates.age;
import static dev.pvit.chat.internal.Estimates.attributes;
import static dev.pvit.chat.internal.Estimates.extreme;
import static dev.pvit.chat.internal.Estimates.measure;
import static dev.pvit.chat.internal.Estimates.probability;
import static dev.pvit.chat.internal.Estimates.superlative;
import static dev.pvit.chat.internal.Phrasing.label;
import static dev.pvit.chat.internal.Scene.overlaps;
import static dev.pvit.chat.internal.TruthValues.combine;
import static dev.pvit.chat.internal.Wording.isAre;
import static dev.pvit.chat.internal.Wording.join;
import static dev.pvit.chat.internal.Wording.ordinal;
import static dev.pvit.chat.internal.Wording.people;
import static dev.pvit.chat.internal.Wording.who;
import static dev.pvit.chat.internal.Wording.whoWhere;

import dev.pvit.chat.Position;
import dev.pvit.chat.internal.LogicalForm.AgeBeyond;
import dev.pvit.chat.internal.LogicalForm.AgeExtreme;
import dev.pvit.chat.internal.LogicalForm.AllOf;
import dev.pvit.chat.internal.LogicalForm.Behind;
import dev.pvit.chat.internal.LogicalForm.Between;
import dev.pvit.chat.internal.LogicalForm.InRow;
import dev.pvit.chat.internal.LogicalForm.InThird;
import dev.pvit.chat.internal.LogicalForm.Junction;
import dev.pvit.chat.internal.LogicalForm.MoreExpressive;
import dev.pvit.chat.internal.LogicalForm.MostExpressive;
import dev.pvit.chat.internal.LogicalForm.NextTo;
import dev.pvit.chat.internal.LogicalForm.OlderThan;
import dev.pvit.chat.internal.LogicalForm.Only;
import dev.pvit.chat.internal.LogicalForm.Present;
import dev.pvit.chat.internal.LogicalForm.Ranked;
import dev.pvit.chat.internal.LogicalForm.Relation;
import dev.pvit.chat.internal.LogicalForm.Shows;
import dev.pvit.chat.internal.LogicalForm.SideOf;
import dev.pvit.face.Expression;
import dev.pvit.face.RecognizedFace;
import dev.pvit.face.SceneRecognition;
import java.util.List;
import java.util.Optional;

/**
 * Whether a relation holds of one face, and what is true of that face in words (the evidence
 * an answer gives with its yes or no). Positions count in the left-to-right order of all faces, or
 * use the rows and image thirds; expression and age relations use the {@link Estimates}, and a
 * comparison within their margins is unknown rather than guessed. Facts state what the faces show
 * even when the relation fails, so that a "no" explains itself.
 */
final class Relations {
  private Relations() {}

  /** Whether a relation holds of a face; empty when estimates are too close to call. */
  static Optional<Boolean> holds(Relation r, RecognizedFace x, Scene s) {
    List<RecognizedFace> faces = s.faces();
    if (r instanceof Present) {
      return Optional.of(true);
    }
    if (r instanceof LogicalForm.Registered k) {
      return Optional.of(x.isKnown() == k.known());
    }
    if (r instanceof AllOf a) {
      return combine(Junction.ALL, a.parts().stream().map(p -> holds(p, x, s)).toList());
    }
    if (r instanceof InThird t) {
      return Optional.of(Position.of(x.box().centerX(), s.recognition().width()) == t.third());
    }
    if (r instanceof InRow w) {
      s.requireRows();
      return Optional.of(s.row(x) == (w.front() ? s.rowList().size() - 1 : 0));
    }
    if (r instanceof LogicalForm.SameRow w) {
      return Optional.of(s.row(x) == s.row(anchor(w.other(), s)));
    }
    if (r instanceof Behind b) {
      RecognizedFace other = anchor(b.other(), s);
      boolean further = b.behind() ? s.row(x) < s.row(other) : s.row(x) > s.row(other);
      // in a row further back but off to the side is not "directly behind": the faces cannot tell
      return !further ? Optional.of(false) : overlaps(x, other) ? Optional.of(true) : Optional.empty();
    }
    if (r instanceof Ranked k) {
      return Optional.of(ranked(faces, k).contains(x));
    }
    if (r instanceof NextTo t) {
      return Optional.of(Math.abs(s.index(x) - s.index(anchor(t.other(), s))) == 1);
    }
    if (r instanceof Between b) {
      int a = s.index(anchor(b.a(), s));
      int c = s.index(anchor(b.b(), s));
      int i = s.index(x);
      return Optional.of(i > Math.min(a, c) && i < Math.max(a, c));
    }
    if (r instanceof SideOf t) {
      double other = anchor(t.other(), s).box().centerX();
      return Optional.of(t.side() == Position.LEFT ? x.box().centerX() < other : x.box().centerX() > other);
    }
    if (r instanceof Only) {
      return Optional.of(faces.size() == 1 && faces.get(0).equals(x));
    }
    if (r instanceof Shows e) {
      return Optional.of(e.expressions().contains(attributes(x).dominantExpression()));
    }
    if (r instanceof AgeBeyond a) {
      double d = age(x) - a.years();
      return Math.abs(d) < AGE_MARGIN ? Optional.empty() : Optional.of(a.over() == d > 0);
    }
    if (r instanceof OlderThan o && o.than().isPresent()) {
      double d = age(x) - age(anchor(o.than().get(), s));
      return Math.abs(d) < AGE_MARGIN ? Optional.empty() : Optional.of(o.older() == d > 0);
    }
    if (r instanceof MoreExpressive m && m.than().isPresent()) {
      double d = probability(x, m.expression()) - probability(anchor(m.than().get(), s), m.expression());
      return Math.abs(d) < EXPRESSION_MARGIN ? Optional.empty() : Optional.of(d > 0);
    }
    if (r instanceof AgeExtreme || r instanceof MostExpressive) {
      List<RecognizedFace> top = extreme(r, faces);
      return top.size() == 1 ? Optional.of(top.get(0).equals(x)) : Optional.empty();
    }
    return Optional.empty();
  }

  /** The face(s) at a rank; for the centre, the middle face or the two middle ones of an even row. */
  static List<RecognizedFace> ranked(List<RecognizedFace> faces, Ranked k) {
    int n = faces.size();
    if (k.from() == Position.CENTER) {
      return n == 0 ? List.of() : n % 2 == 1 ? List.of(faces.get(n / 2)) : List.of(faces.get(n / 2 - 1), faces.get(n / 2));
    }
    if (k.rank() < 1 || k.rank() > n) {
      return List.of();
    }
    return List.of(faces.get(k.from() == Position.LEFT ? k.rank() - 1 : n - k.rank()));
  }

  /** What is true of a face for a relation, in words (the answer's evidence). */
  static String fact(Relation r, RecognizedFace x, Scene s) {
    String name = who(x);
    SceneRecognition sc = s.recognition();
    int n = s.faces().size();
    if (r instanceof Present) {
      return name + " is in this photo, " + Wording.where(x, sc);
    }
    if (r instanceof LogicalForm.Registered) {
      return x.isKnown() ? whoWhere(x, sc) + " is someone you registered"
          : "I don't recognise the person " + Wording.where(x, sc);
    }
    if (r instanceof AllOf a) {
      return String.join("; ", a.parts().stream().map(p -> fact(p, x, s)).distinct().toList());
    }
    if (r instanceof InThird) {
      return name + " is " + Wording.where(x, sc);
    }
    if (r instanceof InRow) {
      return name + " is in " + s.rowName(s.row(x));
    }
    if (r instanceof LogicalForm.SameRow w) {
      RecognizedFace other = anchor(w.other(), s);
      if (!s.rows()) {
        return name + " and " + label(w.other()) + " stand in the same row: everyone here stands in one row";
      }
      return s.row(x) == s.row(other) ? name + " and " + label(w.other()) + " stand in the same row, "
          + s.rowName(s.row(x)) : name + " is in " + s.rowName(s.row(x)) + " and " + label(w.other()) + " in "
          + s.rowName(s.row(other));
    }
    if (r instanceof Behind b) {
      RecognizedFace other = anchor(b.other(), s);
      if (s.row(x) == s.row(other)) {
        return name + " and " + label(b.other()) + " stand in the same row";
      }
      String side = s.row(x) < s.row(other) ? "behind" : "in front of";
      return overlaps(x, other) ? name + " stands directly " + side + " " + label(b.other())
          : name + " stands in a row " + side + " " + label(b.other()) + ", but not directly " + side + " them";
    }
    if (r instanceof Ranked k) {
      if (k.from() == Position.CENTER) {
        List<RecognizedFace> mid = ranked(s.faces(), k);
        return mid.contains(x) ? name + " is in the middle of the " + people(n)
            : name + " is " + ordinal(s.index(x) + 1) + " of " + people(n) + " from the left, not in the middle";
      }
      int rank = k.from() == Position.LEFT ? s.index(x) + 1 : n - s.index(x);
      return name + " is " + ordinal(rank) + " from the " + k.from().label() + " (of " + people(n) + ")";
    }
    if (r instanceof NextTo t) {
      int gap = Math.abs(s.index(x) - s.index(anchor(t.other(), s))) - 1;
      return gap == 0 ? name + " is next to " + label(t.other())
          : name + " is not next to " + label(t.other()) + "; " + people(gap) + " " + isAre(gap) + " between them";
    }
    if (r instanceof Between b) {
      boolean between = holds(r, x, s).orElse(false);
      return name + (between ? " is" : " is not") + " between " + label(b.a()) + " and " + label(b.b());
    }
    if (r instanceof SideOf t) {
      boolean left = x.box().centerX() < anchor(t.other(), s).box().centerX();
      return name + " is to the " + (left ? "left" : "right") + " of " + label(t.other());
    }
    if (r instanceof Only) {
      return n == 1 ? name + " is the only person in this photo" : "there are " + people(n) + " in this photo";
    }
    if (r instanceof Shows) {
      Expression d = attributes(x).dominantExpression();
      return name + " looks " + Wording.adjective(d) + " (" + Wording.percent(attributes(x).probability(d)) + ")";
    }
    if (r instanceof MoreExpressive m && m.than().isPresent()) {
      RecognizedFace o = anchor(m.than().get(), s);
      return name + " looks " + Wording.adjective(m.expression()) + " " + Wording.percent(probability(x, m.expression()))
          + ", " + label(m.than().get()) + " " + Wording.percent(probability(o, m.expression()));
    }
    if (r instanceof OlderThan o && o.than().isPresent()) {
      return name + " looks about " + Wording.years(age(x)) + " and " + label(o.than().get()) + " about "
          + Wording.years(age(anchor(o.than().get(), s)));
    }
    if (r instanceof AgeBeyond) {
      return name + " looks about " + Wording.years(age(x)) + " years old";
    }
    List<RecognizedFace> top = extreme(r, s.faces());
    String what = superlative(r);
    if (top.size() > 1) {
      return "the estimates for " + join(top.stream().map(Wording::who).toList()) + " are too close to say who looks "
          + what;
    }
    return top.get(0).equals(x) ? name + " looks " + what + " (" + measure(r, x) + ")"
        : name + " does not (" + measure(r, x) + "); " + who(top.get(0)) + " looks " + what + " ("
            + measure(r, top.get(0)) + ")";
  }
}
