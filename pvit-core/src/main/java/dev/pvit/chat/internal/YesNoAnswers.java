package dev.pvit.chat.internal;

import static dev.pvit.chat.internal.Absentees.requireCertainlyMissing;
import static dev.pvit.chat.internal.DescribedFaces.the;
import static dev.pvit.chat.internal.Estimates.ESTIMATE;
import static dev.pvit.chat.internal.Estimates.estimate;
import static dev.pvit.chat.internal.Phrasing.phrase;
import static dev.pvit.chat.internal.Relations.fact;
import static dev.pvit.chat.internal.Relations.holds;
import static dev.pvit.chat.internal.TruthValues.combine;
import static dev.pvit.chat.internal.Uncertain.names;
import static dev.pvit.chat.internal.Wording.isAre;
import static dev.pvit.chat.internal.Wording.join;
import static dev.pvit.chat.internal.Wording.whoWhere;
import static dev.pvit.chat.internal.Wording.yesNo;

import dev.pvit.chat.internal.LogicalForm.Adjacent;
import dev.pvit.chat.internal.LogicalForm.Clauses;
import dev.pvit.chat.internal.LogicalForm.Described;
import dev.pvit.chat.internal.LogicalForm.Filter;
import dev.pvit.chat.internal.LogicalForm.Group;
import dev.pvit.chat.internal.LogicalForm.Junction;
import dev.pvit.chat.internal.LogicalForm.Names;
import dev.pvit.chat.internal.LogicalForm.Only;
import dev.pvit.chat.internal.LogicalForm.Present;
import dev.pvit.chat.internal.LogicalForm.Quantifier;
import dev.pvit.chat.internal.LogicalForm.Relation;
import dev.pvit.chat.internal.LogicalForm.Want;
import dev.pvit.face.RecognizedFace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Yes/no questions about named people, about the one face a description fits, and joined clauses
 * ("Is Alice smiling and is Bob here?"); questions about groups go to {@link GroupAnswers}. Every
 * yes or no comes with the facts behind it; where a part cannot be told (an estimate too close to
 * call, a lookalike of someone absent), the answer is still given when the known parts decide it
 * ({@link TruthValues}) and abstains otherwise.
 */
final class YesNoAnswers {
  private final GroupAnswers groups;

  /**
   * Answers yes/no questions.
   *
   * @param groups answers the questions about groups of faces
   */
  YesNoAnswers(GroupAnswers groups) {
    this.groups = groups;
  }

  /** The answer to a yes/no question, opening with "Yes" or "No"; {@link Uncertain} where the faces cannot tell. */
  String yesNoAnswer(LogicalForm f, Scene s) {
    if (f.relation() instanceof Clauses c) {
      return clauses(c, s);
    }
    return f.subject() instanceof Names n ? yesNoNames(f, n, s)
        : f.subject() instanceof Described d ? yesNoFace(f, the(d, s), s) : groups.yesNoGroup(f, (Group) f.subject(), s);
  }

  /**
   * "Is Alice smiling and is Bob here?": yes when every part is; no as soon as one is not, even if
   * another cannot be told.
   */
  private String clauses(Clauses c, Scene s) {
    List<Optional<Boolean>> values = new ArrayList<>();
    List<String> facts = new ArrayList<>();
    List<String> doubtful = new ArrayList<>();
    boolean estimate = false;
    for (LogicalForm part : c.parts()) {
      estimate |= estimate(part.relation());
      try {
        String text = yesNoAnswer(part, s);
        values.add(Optional.of(text.startsWith("Yes")));
        facts.add(evidence(text.replaceFirst("^(?:Yes|No)[,:] ", "")));
      } catch (Uncertain e) {
        values.add(Optional.empty());
        facts.add(evidence(e.text.replaceFirst("^I can't tell: ", "")));
        doubtful.addAll(e.names);
      }
    }
    Optional<Boolean> yes = combine(Junction.ALL, values);
    String why = String.join("; ", facts) + "." + (estimate ? ESTIMATE : "");
    if (yes.isEmpty()) {
      throw new Uncertain(why, doubtful);
    }
    return yesNo(yes.get()) + ": " + why;
  }

  /** An answer's evidence without its closing full stop and estimate note, to be joined with others. */
  private static String evidence(String text) {
    String t = text.replace(ESTIMATE, "").strip();
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }

  // ---- yes/no about named people

  private String yesNoNames(LogicalForm f, Names n, Scene s) {
    Relation r = f.relation();
    if (r instanceof Present) {
      return presence(n, f.negated(), s);
    }
    if (r instanceof Only o && (!(o.of() instanceof Present) || n.names().size() > 1)) {
      return only(f, n, o, s);
    }
    if (r instanceof Adjacent) {
      List<Integer> idx = n.names().stream().map(name -> s.index(s.of(name))).sorted().toList();
      boolean together = idx.get(idx.size() - 1) - idx.get(0) == idx.size() - 1;
      return yesNo(together ^ f.negated()) + ", " + join(n.names()) + (together ? " stand next to each other."
          : " do not stand next to each other.");
    }
    List<Boolean> values = new ArrayList<>();
    List<String> facts = new ArrayList<>();
    boolean looked = false;
    for (String name : n.names()) {
      if (s.recognition().find(name).isEmpty()) {
        // "Is Penny here and smiling?" about someone absent (other questions about them are refused)
        requireCertainlyMissing(s, List.of(name));
        values.add(f.negated());
        facts.add(name + " is not in this photo");
        continue;
      }
      RecognizedFace x = s.of(name);
      Optional<Boolean> t = holds(r, x, s);
      if (t.isEmpty()) {
        throw new Uncertain(fact(r, x, s) + "." + (estimate(r) ? ESTIMATE : ""), names(x));
      }
      values.add(t.get() ^ f.negated());
      facts.add(fact(r, x, s));
      looked = true;
    }
    boolean yes = switch (n.junction()) {
      case ALL -> values.stream().allMatch(v -> v);
      case ANY -> values.stream().anyMatch(v -> v);
      case NONE -> values.stream().noneMatch(v -> v);
    };
    return yesNo(yes) + ", " + String.join("; ", facts) + "." + (looked && estimate(r) ? ESTIMATE : "");
  }

  /** "Is Penny the only one smiling?": the named people and no one else satisfy the relation. */
  private static String only(LogicalForm f, Names n, Only o, Scene s) {
    List<RecognizedFace> named = n.names().stream().map(s::of).toList();
    List<RecognizedFace> others = new ArrayList<>();
    for (RecognizedFace x : s.faces()) {
      Optional<Boolean> t = holds(o.of(), x, s);
      if (t.isEmpty()) {
        throw new Uncertain(fact(o.of(), x, s) + "." + (estimate(o.of()) ? ESTIMATE : ""), names(x));
      }
      if (t.get() && !named.contains(x)) {
        others.add(x);
      }
    }
    List<RecognizedFace> notThem = named.stream().filter(x -> !holds(o.of(), x, s).orElse(false)).toList();
    boolean yes = notThem.isEmpty() && others.isEmpty();
    LogicalForm single = new LogicalForm(Want.WHO, new Group(Quantifier.THOSE, Filter.ALL), o.of(), false);
    String why = !notThem.isEmpty()
        ? String.join("; ", notThem.stream().map(x -> fact(o.of(), x, s)).toList())
        : !others.isEmpty()
            ? join(others.stream().map(x -> whoWhere(x, s.recognition())).toList()) + " " + isAre(others.size())
                + " " + phrase(single) + " too"
            : join(n.names()) + " " + isAre(n.names().size()) + " the only " + (n.names().size() == 1 ? "one " : "ones ")
                + phrase(single);
    return yesNo(yes ^ f.negated()) + ", " + why + "." + (estimate(o.of()) ? ESTIMATE : "");
  }

  /** "Is the person on the left smiling?": a yes/no about the one face a description fits. */
  private static String yesNoFace(LogicalForm f, RecognizedFace x, Scene s) {
    Relation r = f.relation();
    Optional<Boolean> t = holds(r, x, s);
    String fact = fact(r, x, s);
    if (t.isEmpty()) {
      throw new Uncertain(fact + "." + (estimate(r) ? ESTIMATE : ""), names(x));
    }
    return yesNo(t.get() ^ f.negated()) + ", " + fact + "." + (estimate(r) ? ESTIMATE : "");
  }

  private static String presence(Names n, boolean negated, Scene s) {
    List<Optional<Boolean>> values = new ArrayList<>();
    List<String> facts = new ArrayList<>();
    List<String> doubtful = new ArrayList<>();
    for (String name : n.names()) {
      Optional<RecognizedFace> f = s.recognition().find(name);
      List<RecognizedFace> like = s.recognition().lookalikes(name);
      if (f.isPresent()) {
        values.add(Optional.of(!negated));
        facts.add(name + " is in this photo, " + Wording.where(f.get(), s.recognition()));
      } else if (like.isEmpty()) {
        values.add(Optional.of(negated));
        facts.add(name + " is not in this photo");
      } else {
        values.add(Optional.empty());
        facts.add(Wording.resemblance(name, like, s.recognition()));
        doubtful.add(name);
      }
    }
    Optional<Boolean> yes = combine(n.junction(), values);
    if (yes.isEmpty()) {
      throw new Uncertain(String.join("; ", facts) + ".", doubtful);
    }
    String noFaces = s.faces().isEmpty() ? " I could not find any face in this photo." : "";
    return yesNo(yes.get()) + ", " + String.join("; ", facts) + "." + noFaces;
  }
}
