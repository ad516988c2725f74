package dev.pvit.chat.internal;

import static dev.pvit.chat.internal.Estimates.superlative;
import static dev.pvit.chat.internal.Wording.join;
import static dev.pvit.chat.internal.Wording.ordinal;

import dev.pvit.chat.Position;
import dev.pvit.chat.internal.LogicalForm.AgeBeyond;
import dev.pvit.chat.internal.LogicalForm.AgeExtreme;
import dev.pvit.chat.internal.LogicalForm.AllOf;
import dev.pvit.chat.internal.LogicalForm.Anchor;
import dev.pvit.chat.internal.LogicalForm.Behind;
import dev.pvit.chat.internal.LogicalForm.Between;
import dev.pvit.chat.internal.LogicalForm.Described;
import dev.pvit.chat.internal.LogicalForm.Filter;
import dev.pvit.chat.internal.LogicalForm.Group;
import dev.pvit.chat.internal.LogicalForm.InRow;
import dev.pvit.chat.internal.LogicalForm.InThird;
import dev.pvit.chat.internal.LogicalForm.MoreExpressive;
import dev.pvit.chat.internal.LogicalForm.MostExpressive;
import dev.pvit.chat.internal.LogicalForm.Named;
import dev.pvit.chat.internal.LogicalForm.NextTo;
import dev.pvit.chat.internal.LogicalForm.OlderThan;
import dev.pvit.chat.internal.LogicalForm.Quantifier;
import dev.pvit.chat.internal.LogicalForm.Ranked;
import dev.pvit.chat.internal.LogicalForm.Relation;
import dev.pvit.chat.internal.LogicalForm.Shows;
import dev.pvit.chat.internal.LogicalForm.SideOf;
import dev.pvit.chat.internal.LogicalForm.Want;

/**
 * How answers word a relation as the predicate of a sentence ("looking happy", "on the far left",
 * "in the same row as the oldest person") and how they name the other end of a relation: its name,
 * or its description. Kept apart from the decisions so that a yes/no, a list and a count of the same
 * relation say it the same way.
 */
final class Phrasing {
  private Phrasing() {}

  /** How answers call the other end of a relation: its name, or its description ("the oldest person"). */
  static String label(Anchor a) {
    if (a instanceof Named n) {
      return n.name();
    }
    Described d = (Described) a;
    if (d.place().isEmpty()) {
      return d.filter() == Filter.UNKNOWN ? "the person I don't recognise" : "the person";
    }
    Relation r = d.place().get();
    if (r instanceof AgeExtreme x) {
      return x.oldest() ? "the oldest person" : "the youngest person";
    }
    if (r.equals(new AgeBeyond(false, 16))) {
      return "the child";
    }
    return "the person " + phrase(new LogicalForm(Want.WHO, new Group(Quantifier.THOSE, d.filter()), r, false));
  }

  /** " besides Alice" for a group that leaves people out. */
  static String besides(LogicalForm f) {
    return f.subject() instanceof Group g && !g.except().isEmpty() ? " besides " + join(g.except()) : "";
  }

  /** The words a filter adds after "nobody": "", "you registered ", "I don't recognise ". */
  static String describe(Filter filter) {
    return switch (filter) {
      case ALL -> "";
      case KNOWN -> "you registered ";
      case UNKNOWN -> "I don't recognise ";
    };
  }

  /** The predicate of an answer sentence: "in this photo", "looking happy", "on the left". */
  static String phrase(LogicalForm f) {
    Relation r = f.relation();
    String not = f.negated() ? "not " : "";
    if (r instanceof AllOf a) {
      return Wording.join(a.parts().stream().map(p -> phrase(f.withRelation(p))).toList());
    }
    if (r instanceof InRow w) {
      return not + "in the " + (w.front() ? "front" : "back") + " row";
    }
    if (r instanceof LogicalForm.Registered k) {
      return not + (k.known() ? "someone you registered" : "someone I don't recognise");
    }
    if (r instanceof LogicalForm.SameRow w) {
      return not + "in the same row as " + label(w.other());
    }
    if (r instanceof Behind b) {
      return not + (b.behind() ? "behind " : "in front of ") + label(b.other());
    }
    if (r instanceof Ranked k) {
      return not + (k.from() == Position.CENTER ? "in the middle" : k.rank() == 1 ? "on the far " + k.from().label()
          : ordinal(k.rank()) + " from the " + k.from().label());
    }
    if (r instanceof AgeExtreme || r instanceof MostExpressive) {
      return not + "looking " + superlative(r);
    }
    if (r instanceof Shows e) {
      return not + "looking " + e.word();
    }
    if (r instanceof InThird t) {
      return not + (t.third() == Position.CENTER ? "in the middle" : "on the " + t.third().label());
    }
    if (r instanceof NextTo t) {
      return not + "next to " + label(t.other());
    }
    if (r instanceof Between b) {
      return not + "between " + label(b.a()) + " and " + label(b.b());
    }
    if (r instanceof SideOf t) {
      return not + "to the " + t.side().label() + " of " + label(t.other());
    }
    if (r instanceof AgeBeyond a) {
      return not + "looking " + (a.over() ? "over " : "under ") + a.years();
    }
    if (r instanceof OlderThan o && o.than().isPresent()) {
      return not + "looking " + (o.older() ? "older" : "younger") + " than " + label(o.than().get());
    }
    if (r instanceof MoreExpressive m && m.than().isPresent()) {
      return not + "looking more " + Wording.adjective(m.expression()) + " than " + label(m.than().get());
    }
    return f.negated() ? "not in this photo" : "in this photo";
  }
}
