package dev.pvit.chat.internal;

import static dev.pvit.chat.internal.Absentees.requireCertainlyMissing;
import static dev.pvit.chat.internal.DescribedFaces.the;
import static dev.pvit.chat.internal.Estimates.ESTIMATE;
import static dev.pvit.chat.internal.Estimates.age;
import static dev.pvit.chat.internal.Estimates.attributes;
import static dev.pvit.chat.internal.Estimates.estimate;
import static dev.pvit.chat.internal.Phrasing.label;
import static dev.pvit.chat.internal.Phrasing.phrase;
import static dev.pvit.chat.internal.Relations.fact;
import static dev.pvit.chat.internal.Relations.holds;
import static dev.pvit.chat.internal.TruthValues.combine;
import static dev.pvit.chat.internal.Uncertain.names;
import static dev.pvit.chat.internal.Wording.isAre;
import static dev.pvit.chat.internal.Wording.join;
import static dev.pvit.chat.internal.Wording.ordinal;
import static dev.pvit.chat.internal.Wording.people;
import static dev.pvit.chat.internal.Wording.who;
import static dev.pvit.chat.internal.Wording.whoWhere;
import static dev.pvit.chat.internal.Wording.yesNo;

import dev.pvit.chat.Abstention;
import dev.pvit.chat.AnswerKind;
import dev.pvit.chat.internal.LogicalForm.Adjacent;
import dev.pvit.chat.internal.LogicalForm.AgeOf;
import dev.pvit.chat.internal.LogicalForm.Between;
import dev.pvit.chat.internal.LogicalForm.Clauses;
import dev.pvit.chat.internal.LogicalForm.Described;
import dev.pvit.chat.internal.LogicalForm.Filter;
import dev.pvit.chat.internal.LogicalForm.Group;
import dev.pvit.chat.internal.LogicalForm.Junction;
import dev.pvit.chat.internal.LogicalForm.Names;
import dev.pvit.chat.internal.LogicalForm.NextTo;
import dev.pvit.chat.internal.LogicalForm.OfThe;
import dev.pvit.chat.internal.LogicalForm.Only;
import dev.pvit.chat.internal.LogicalForm.Present;
import dev.pvit.chat.internal.LogicalForm.Quantifier;
import dev.pvit.chat.internal.LogicalForm.Ranked;
import dev.pvit.chat.internal.LogicalForm.Relation;
import dev.pvit.chat.internal.LogicalForm.SideOf;
import dev.pvit.chat.internal.LogicalForm.Want;
import dev.pvit.face.Expression;
import dev.pvit.face.RecognizedFace;
import dev.pvit.face.SceneRecognition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Evaluates a {@link LogicalForm} against a recognised scene. Positions come from the x order of
 * all faces (and the image thirds for "on the left"); expression and age are the face model's
 * estimates, always labelled as such, and a comparison too close to call gets no yes/no.
 */
final class Evaluator {
  private final Supplier<List<String>> registered;
  private final Absentees absentees;
  private final GroupAnswers groups;
  private final WhoAnswers whoAnswers;

  /**
   * An evaluator.
   *
   * @param registered the registered people's display names (for "who is missing?")
   */
  Evaluator(Supplier<List<String>> registered) {
    this.registered = registered;
    this.absentees = new Absentees(registered);
    this.groups = new GroupAnswers(absentees);
    this.whoAnswers = new WhoAnswers(absentees);
  }

  /**
   * Answers a form about a scene whose named registered people are all present.
   *
   * @param f the question's meaning
   * @param recognition the recognised scene
   * @return the answer
   */
  Reply evaluate(LogicalForm question, SceneRecognition recognition) {
    Scene s = new Scene(recognition, recognition.faces());
    LogicalForm f = question;
    if (f.relation() instanceof OfThe o) {
      // "the two" that nobody named are the people of the photo only if it shows exactly two
      if (s.faces().size() != o.count()) {
        return new Reply("I can't tell which " + o.count() + " people you mean: I see " + people(s.faces().size())
            + " in this photo. Please name them.", AnswerKind.NEEDS_VISION_MODEL,
            Optional.of(new Abstention(Abstention.Reason.AMBIGUOUS, List.of())));
      }
      f = f.withRelation(o.of());
    }
    try {
      String text = switch (f.want()) {
        case YES_NO -> yesNoAnswer(f, s);
        case WHO -> whoAnswers.whoAnswer(f, s);
        case WHERE -> where(f.subject(), s);
        case HOW_MANY -> groups.count(f, (Group) f.subject(), s);
        case VALUE -> value(f, s);
      };
      return new Reply(text + assumption(f, s), AnswerKind.ANSWERED);
    } catch (Uncertain e) {
      return new Reply(e.text, AnswerKind.NEEDS_VISION_MODEL,
          Optional.of(new Abstention(Abstention.Reason.UNCERTAIN, e.names)));
    } catch (Unclear e) {
      return new Reply(e.getMessage(), AnswerKind.NEEDS_VISION_MODEL,
          Optional.of(new Abstention(Abstention.Reason.AMBIGUOUS, List.of())));
    } catch (NoEstimates e) {
      return new Reply(who(e.face) + " is in this photo (" + Wording.where(e.face, recognition)
          + "), but expression and age estimates are switched off in this face engine.", AnswerKind.NEEDS_VISION_MODEL);
    }
  }

  /** Where faces stand in two rows, positional answers say how they counted. */
  private static String assumption(LogicalForm f, Scene s) {
    Relation r = f.relation();
    boolean positional = r instanceof Ranked || r instanceof NextTo || r instanceof Between || r instanceof SideOf
        || r instanceof Adjacent;
    String sideNote = r instanceof SideOf o && o.possessive()
        ? " (I took \"" + label(o.other()) + "'s " + o.side().label() + "\" as the " + o.side().label()
            + " side of the photo as you look at it.)" : "";
    return (positional && s.rows() ? " (The faces stand in more than one row; I counted left to right across all rows.)"
        : "") + sideNote;
  }

  private String yesNoAnswer(LogicalForm f, Scene s) {
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

  // ---- where, how many, values

  private static String where(LogicalForm.Subject subject, Scene s) {
    List<String> parts = new ArrayList<>();
    int total = s.faces().size();
    // "Where is the stranger?": the one face the description fits
    List<RecognizedFace> faces = subject instanceof Described d ? List.of(the(d, s))
        : ((Names) subject).names().stream().map(s::of).toList();
    for (RecognizedFace x : faces) {
      parts.add(Wording.capitalise(who(x)) + " is " + Wording.where(x, s.recognition())
          + (s.rows() ? ", in " + s.rowName(s.row(x)) : "")
          + (total > 1 ? " (" + ordinal(s.index(x) + 1) + " of " + people(total) + " from the left"
              + (s.rows() ? " across all rows" : "") + ")" : ""));
    }
    return String.join("; ", parts) + ".";
  }

  private static String value(LogicalForm f, Scene s) {
    List<RecognizedFace> faces = f.subject() instanceof Described d ? List.of(the(d, s))
        : ((Names) f.subject()).names().stream().map(s::of).toList();
    List<String> parts = new ArrayList<>();
    for (RecognizedFace x : faces) {
      // a described face is named where it stands ("Someone I don't recognise (on the right)")
      String name = f.subject() instanceof Described ? Wording.capitalise(whoWhere(x, s.recognition())) : who(x);
      if (f.relation() instanceof AgeOf) {
        parts.add(name + " looks about " + Wording.years(age(x)) + " years old");
      } else {
        Expression d = attributes(x).dominantExpression();
        parts.add(name + " looks " + Wording.adjective(d) + " (" + Wording.percent(attributes(x).probability(d)) + ")");
      }
    }
    return String.join("; ", parts) + "." + ESTIMATE;
  }

}
