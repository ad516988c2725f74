package dev.pvit.chat.internal;

import static dev.pvit.chat.internal.DescribedFaces.the;
import static dev.pvit.chat.internal.Estimates.ESTIMATE;
import static dev.pvit.chat.internal.Estimates.age;
import static dev.pvit.chat.internal.Estimates.attributes;
import static dev.pvit.chat.internal.Phrasing.label;
import static dev.pvit.chat.internal.Wording.ordinal;
import static dev.pvit.chat.internal.Wording.people;
import static dev.pvit.chat.internal.Wording.who;
import static dev.pvit.chat.internal.Wording.whoWhere;

import dev.pvit.chat.Abstention;
import dev.pvit.chat.AnswerKind;
import dev.pvit.chat.internal.LogicalForm.Adjacent;
import dev.pvit.chat.internal.LogicalForm.AgeOf;
import dev.pvit.chat.internal.LogicalForm.Between;
import dev.pvit.chat.internal.LogicalForm.Described;
import dev.pvit.chat.internal.LogicalForm.Group;
import dev.pvit.chat.internal.LogicalForm.Names;
import dev.pvit.chat.internal.LogicalForm.NextTo;
import dev.pvit.chat.internal.LogicalForm.OfThe;
import dev.pvit.chat.internal.LogicalForm.Ranked;
import dev.pvit.chat.internal.LogicalForm.Relation;
import dev.pvit.chat.internal.LogicalForm.SideOf;
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
 *
 * <p>This is the entry point: it answers "where" and value questions itself and hands yes/no,
 * "who" and "how many" questions to {@link YesNoAnswers}, {@link WhoAnswers} and {@link
 * GroupAnswers}, which decide with {@link Relations}, {@link Quantifiers}, {@link Estimates} and
 * {@link DescribedFaces}. Whatever they cannot decide arrives here as {@link Uncertain}, {@link
 * Unclear} or {@link NoEstimates} and becomes a typed abstention.
 */
final class Evaluator {
  private final GroupAnswers groups;
  private final WhoAnswers whoAnswers;
  private final YesNoAnswers yesNoAnswers;

  /**
   * An evaluator.
   *
   * @param registered the registered people's display names (for "who is missing?")
   */
  Evaluator(Supplier<List<String>> registered) {
    Absentees absentees = new Absentees(registered);
    this.groups = new GroupAnswers(absentees);
    this.whoAnswers = new WhoAnswers(absentees);
    this.yesNoAnswers = new YesNoAnswers(groups);
  }

  /**
   * Answers a form about a scene whose named registered people are all present.
   *
   * @param question the question's meaning
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
        case YES_NO -> yesNoAnswers.yesNoAnswer(f, s);
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

  /** "Where is Alice?": her third of the photo, her row, and her place from the left. */
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

  /** "How old does Alice look?", "What is her expression?": the estimates themselves. */
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
