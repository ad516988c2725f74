package dev.pvit.chat.internal;

import static dev.pvit.chat.internal.Quantifiers.filter;
import static dev.pvit.chat.internal.Quantifiers.requireDecided;
import static dev.pvit.chat.internal.Quantifiers.undecided;
import static dev.pvit.chat.internal.Relations.holds;
import static dev.pvit.chat.internal.Wording.join;
import static dev.pvit.chat.internal.Wording.people;
import static dev.pvit.chat.internal.Wording.whoWhere;

import dev.pvit.chat.Position;
import dev.pvit.chat.internal.LogicalForm.Anchor;
import dev.pvit.chat.internal.LogicalForm.Described;
import dev.pvit.chat.internal.LogicalForm.Filter;
import dev.pvit.chat.internal.LogicalForm.InThird;
import dev.pvit.chat.internal.LogicalForm.Named;
import dev.pvit.chat.internal.LogicalForm.Ranked;
import dev.pvit.chat.internal.LogicalForm.SideOf;
import dev.pvit.chat.internal.LogicalForm.Want;
import dev.pvit.face.RecognizedFace;
import java.util.List;

/**
 * Resolves the faces a question describes instead of naming: "the oldest person", "the person to
 * the left of Raj", "the stranger". A description must fit exactly one face; when it fits none or
 * several, or an estimate too close to call leaves open which face is meant, the engine says it
 * cannot tell which person is meant ({@link Unclear}, {@link Uncertain}) rather than pick one.
 */
final class DescribedFaces {
  private DescribedFaces() {}

  /** The face a relation is about: the named person, or the one face a description fits. */
  static RecognizedFace anchor(Anchor a, Scene s) {
    return a instanceof Named n ? s.of(n.name()) : the((Described) a, s);
  }

  /** The one face a description fits ("the person to the left of Raj" is the nearest one on that side). */
  static RecognizedFace the(Described d, Scene s) {
    List<RecognizedFace> candidates = filter(s.faces(), d.filter());
    if (d.place().orElse(null) instanceof SideOf t) {
      int i = s.index(anchor(t.other(), s)) + (t.side() == Position.LEFT ? -1 : 1);
      candidates = i >= 0 && i < s.faces().size() ? candidates.stream().filter(x -> s.index(x) == i).toList()
          : List.of();
    }
    List<RecognizedFace> fit = candidates.stream()
        .filter(x -> d.place().map(p -> holds(p, x, s).orElse(false)).orElse(true)).toList();
    // a face the estimates cannot place in or out of the description ("the person over 40" of a face
    // that looks 41) leaves open which face is meant
    if (d.place().isPresent()) {
      LogicalForm described = new LogicalForm(Want.YES_NO, d, d.place().get(), false);
      requireDecided(undecided(candidates, described, s), described, s);
    }
    if (fit.size() == 2 && d.place().orElse(null) instanceof Ranked k && k.from() == Position.CENTER) {
      // "the person in the middle" of an even row: the one in the middle third, if only one is
      List<RecognizedFace> central = fit.stream()
          .filter(x -> holds(new InThird(Position.CENTER), x, s).orElse(false)).toList();
      fit = central.size() == 1 ? central : fit;
    }
    if (fit.size() != 1) {
      String who = d.filter() == Filter.UNKNOWN ? "people I don't recognise" : "people";
      throw new Unclear("I can't tell which person you mean: " + (fit.isEmpty() ? "nobody fits that description"
          : people(fit.size()).replace("people", who) + " fit it") + ". What I can tell: "
          + (s.faces().isEmpty() ? "I can't find any face in this photo."
              : "from left to right I see " + join(s.faces().stream().map(x -> whoWhere(x, s.recognition())).toList())
                  + "."));
    }
    return fit.get(0);
  }
}
