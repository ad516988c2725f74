package dev.pvit.chat.internal;

import static dev.pvit.chat.internal.DescribedFaces.anchor;
import static dev.pvit.chat.internal.Estimates.ESTIMATE;
import static dev.pvit.chat.internal.Estimates.estimate;
import static dev.pvit.chat.internal.Relations.fact;
import static dev.pvit.chat.internal.Relations.holds;
import static dev.pvit.chat.internal.Uncertain.names;

import dev.pvit.chat.internal.LogicalForm.AllOf;
import dev.pvit.chat.internal.LogicalForm.Anchor;
import dev.pvit.chat.internal.LogicalForm.Behind;
import dev.pvit.chat.internal.LogicalForm.Filter;
import dev.pvit.chat.internal.LogicalForm.Group;
import dev.pvit.chat.internal.LogicalForm.MoreExpressive;
import dev.pvit.chat.internal.LogicalForm.OlderThan;
import dev.pvit.chat.internal.LogicalForm.Relation;
import dev.pvit.face.RecognizedFace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Quantified questions over a group of faces ("Is everyone smiling?", "Are at least two people
 * over 40?", "How many people I know are here?"): which faces a group covers, which of them fit, and
 * whether faces the estimates cannot place change the answer. An answer that could flip with an
 * undecided face abstains, saying what the estimates show; one that holds whatever those faces are
 * stands ("Is anyone over 50?" is yes whatever a face of 49 is).
 */
final class Quantifiers {
  private Quantifiers() {}

  /** Whether a quantifier holds of {@code matches} fitting faces out of {@code candidates}. */
  static boolean quantify(Group g, int matches, int candidates) {
    return switch (g.quantifier()) {
      case SOME, THOSE -> matches > 0;
      case EVERY -> candidates > 0 && matches == candidates;
      case NONE -> matches == 0;
      case AT_LEAST -> matches >= g.count();
      case AT_MOST -> matches <= g.count();
      case EXACTLY -> matches == g.count();
      case MOST -> 2 * matches > candidates;
      case BARE -> matches == g.count();
    };
  }

  /** The candidates of which the (possibly negated) relation certainly holds. */
  static List<RecognizedFace> matching(List<RecognizedFace> candidates, LogicalForm f, Scene s) {
    List<RecognizedFace> out = new ArrayList<>();
    for (RecognizedFace x : candidates) {
      if (holds(f.relation(), x, s).map(v -> v ^ f.negated()).orElse(false)) {
        out.add(x);
      }
    }
    return out;
  }

  /** The candidates of which the estimates cannot tell whether the relation holds (too close to call). */
  static List<RecognizedFace> undecided(List<RecognizedFace> candidates, LogicalForm f, Scene s) {
    // nobody is compared with themselves ("How many people look older than Penny?" leaves her out)
    Optional<Anchor> than = f.relation() instanceof OlderThan o ? o.than()
        : f.relation() instanceof MoreExpressive m ? m.than() : Optional.empty();
    Optional<RecognizedFace> other = than.map(a -> anchor(a, s));
    if (!estimate(f.relation())) {
      // only estimates can be too close to call
      return List.of();
    }
    // A face in a row further back but off to the side is simply not "behind" someone for a
    // description or a group; a face certainly behind them whose estimate is too close to call is
    // undecided like any other ("Is anyone behind Ella over 40?" with Walter looking 41).
    return candidates.stream().filter(x -> other.isEmpty() || !x.equals(other.get()))
        .filter(x -> holds(f.relation(), x, s).isEmpty())
        .filter(x -> certainlyBehindWherePlaced(f.relation(), x, s)).toList();
  }

  /** Whether every "behind" or "in front of" part of a relation certainly holds of a face. */
  private static boolean certainlyBehindWherePlaced(Relation r, RecognizedFace x, Scene s) {
    if (r instanceof Behind) {
      return holds(r, x, s).orElse(false);
    }
    return !(r instanceof AllOf a) || a.parts().stream().allMatch(p -> certainlyBehindWherePlaced(p, x, s));
  }

  /**
   * A list or a count of the faces that fit is wrong if some cannot be told either way: then the
   * answer says what the estimates show instead.
   */
  static void requireDecided(List<RecognizedFace> undecided, LogicalForm f, Scene s) {
    if (!undecided.isEmpty()) {
      throw new Uncertain(String.join("; ", undecided.stream().map(x -> fact(f.relation(), x, s)).toList()) + "."
          + (estimate(f.relation()) ? ESTIMATE : ""), names(undecided.toArray(RecognizedFace[]::new)));
    }
  }

  /**
   * A quantified yes/no is settled when every number of fitting faces the undecided ones allow gives
   * the same answer ("Is anyone over 50?" is yes whatever a face of 49 is; "Is nobody over 50?" is not).
   */
  static void requireSettled(Group g, int sure, List<RecognizedFace> undecided, int candidates, LogicalForm f,
      Scene s) {
    boolean yes = quantify(g, sure, candidates);
    for (int k = 1; k <= undecided.size(); k++) {
      if (quantify(g, sure + k, candidates) != yes) {
        requireDecided(undecided, f, s);
      }
    }
  }

  /** The faces a filter keeps: all, the recognised ones or the unrecognised ones. */
  static List<RecognizedFace> filter(List<RecognizedFace> faces, Filter filter) {
    return faces.stream().filter(f -> filter == Filter.ALL || f.isKnown() == (filter == Filter.KNOWN)).toList();
  }

  /** The faces a group covers: those passing its filter, without the people it leaves out. */
  static List<RecognizedFace> members(Scene s, Group g) {
    return filter(excepting(s.faces(), g), g.filter());
  }

  /** The faces without the people a group leaves out ("everyone besides Alice"). */
  static List<RecognizedFace> excepting(List<RecognizedFace> faces, Group g) {
    return faces.stream().filter(x -> x.name().map(name -> !g.except().contains(name)).orElse(true)).toList();
  }
}
