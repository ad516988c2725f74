package dev.pvit.chat.internal;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Sets;
import dev.pvit.chat.Intent;
import dev.pvit.chat.Position;
import dev.pvit.face.Expression;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a question means: what is wanted, about whom, and which relation must hold. Immutable;
 * {@link #toString()} is a compact, stable rendering used as the expected form in the question
 * corpus, e.g. {@code yes_no(all[Penny]; present)} or {@code who(those; next_to(Penny))}.
 *
 * @param want the kind of answer asked for
 * @param subject who the question is about
 * @param relation what must hold of the subject
 * @param negated whether the relation is negated ("Is Penny missing?", "How many are not smiling?")
 */
public record LogicalForm(Want want, Subject subject, Relation relation, boolean negated) {

  /** The kind of answer asked for. */
  public enum Want {
    /** "Is …?" */
    YES_NO,
    /** "Who …?": names. */
    WHO,
    /** "Where is …?" */
    WHERE,
    /** "How many …?" */
    HOW_MANY,
    /** "How old is …?", "What is …'s expression?" */
    VALUE
  }

  /** Who a question is about. */
  public sealed interface Subject permits Names, Group, Described {}

  /**
   * Named people (registered names, unknown names or resolved pronouns).
   *
   * @param names the names, in order of mention
   * @param junction how their truth values combine
   */
  public record Names(List<String> names, Junction junction) implements Subject {
    /** Copies the names. */
    public Names {
      names = ImmutableList.copyOf(names);
    }

    @Override
    public String toString() {
      return junction.name().toLowerCase(Locale.ROOT) + names;
    }
  }

  /** How the truth values of several named people combine. */
  public enum Junction {
    /** "A and B" */
    ALL,
    /** "A or B", "either A or B" */
    ANY,
    /** "neither A nor B" */
    NONE
  }

  /**
   * Everyone in the photo who passes a filter, quantified, leaving out the people named as
   * exceptions ("anyone besides Alice", "who else", "how many people other than Oscar").
   *
   * @param quantifier some / every / none / those (for who and how many) / a number of them
   * @param filter which faces count
   * @param except registered people left out, in order of mention
   * @param count the number of a numeric quantifier ("at least 2 people"), or of "all three"
   *     (0 when there is none)
   */
  public record Group(Quantifier quantifier, Filter filter, List<String> except, int count) implements Subject {
    /** Copies the exceptions. */
    public Group {
      except = ImmutableList.copyOf(except);
      checkArgument(count >= 0, "negative count");
    }

    /**
     * A group without a number.
     *
     * @param quantifier the quantifier
     * @param filter the filter
     * @param except the people left out
     */
    public Group(Quantifier quantifier, Filter filter, List<String> except) {
      this(quantifier, filter, except, 0);
    }

    /**
     * A group without exceptions.
     *
     * @param quantifier the quantifier
     * @param filter the filter
     */
    public Group(Quantifier quantifier, Filter filter) {
      this(quantifier, filter, List.of());
    }

    /**
     * The same group, leaving out more people.
     *
     * @param names the people to leave out
     * @return the new group
     */
    public Group without(List<String> names) {
      return new Group(quantifier, filter, ImmutableList.<String>builder().addAll(except).addAll(names).build(), count);
    }

    @Override
    public String toString() {
      String q = quantifier.name().toLowerCase(Locale.ROOT) + (count > 0 ? "_" + count : "");
      String g = filter == Filter.ALL ? q : q + "_" + filter.name().toLowerCase(Locale.ROOT);
      return except.isEmpty() ? g : g + "_except" + except;
    }
  }

  /** Whom a relation is about: a named person or a described face ("next to the oldest person"). */
  public sealed interface Anchor permits Named, Described {}

  /**
   * A named person as the other end of a relation.
   *
   * @param name the name
   */
  public record Named(String name) implements Anchor {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * One face picked out by a description rather than a name: "the stranger", "the person on the
   * left", "the person" (in a photo of one), "the oldest person", "the smiling one", "the person
   * next to Raj". It is answered only when exactly one face fits.
   *
   * @param filter which faces the description covers ("the stranger": the unknown ones)
   * @param place what holds of the face (where it is, how it looks), if the description says
   */
  public record Described(Filter filter, Optional<Relation> place) implements Subject, Anchor {
    @Override
    public String toString() {
      return "the" + (filter == Filter.ALL ? "" : "_" + filter.name().toLowerCase(Locale.ROOT))
          + place.map(p -> "(" + p + ")").orElse("");
    }
  }

  /** A quantifier over faces. */
  public enum Quantifier {
    /** "anyone" */
    SOME,
    /** "everyone" */
    EVERY,
    /** "nobody" */
    NONE,
    /** the faces themselves: who are they, how many are they */
    THOSE,
    /** "at least two people", "more than three people" */
    AT_LEAST,
    /** "at most two people", "fewer than three people" */
    AT_MOST,
    /** "exactly one person" */
    EXACTLY,
    /** "most people", "most of them" */
    MOST,
    /**
     * "Are two people smiling?": at least two, or exactly two; answered only where both readings
     * agree (no more than that many fit)
     */
    BARE
  }

  /** Which faces a group covers. */
  public enum Filter {
    /** every face */
    ALL,
    /** faces of registered people */
    KNOWN,
    /** faces of people not registered */
    UNKNOWN
  }

  /** A relation that holds (or not) of a face. */
  public sealed interface Relation permits Present, Missing, InThird, Ranked, NextTo, Adjacent, Between, SideOf,
      Shows, ExpressionOf, MostExpressive, MoreExpressive, AgeOf, AgeExtreme, OlderThan, AgeBeyond, Only, OfThe,
      AllOf, Clauses, InRow, Behind, Among, SameRow, Registered {}

  /** In the photo. */
  public record Present() implements Relation {
    @Override
    public String toString() {
      return "present";
    }
  }

  /**
   * A face of someone registered, or of someone not recognised ("Is the person on the left someone I
   * know?", "Is the person in the middle a stranger?").
   *
   * @param known true for a registered person, false for someone not recognised
   */
  public record Registered(boolean known) implements Relation {
    @Override
    public String toString() {
      return known ? "known" : "unknown";
    }
  }

  /** Registered but not in the photo (for "who is missing?"). */
  public record Missing() implements Relation {
    @Override
    public String toString() {
      return "missing";
    }
  }

  /**
   * In a third of the image ("on the left", "in the middle").
   *
   * @param third the third
   */
  public record InThird(Position third) implements Relation {
    @Override
    public String toString() {
      return "in_third(" + third.label() + ")";
    }
  }

  /**
   * At a rank counted from one side, by the x order of all faces ("second from the left", "far
   * right"), or the central person ({@code from} = {@link Position#CENTER}).
   *
   * @param from the side counted from
   * @param rank 1 for the outermost
   */
  public record Ranked(Position from, int rank) implements Relation {
    @Override
    public String toString() {
      return "ranked(" + from.label() + "," + rank + ")";
    }
  }

  /**
   * In the front row (the faces lowest in the photo) or the back row (the highest), where faces
   * stand in more than one row.
   *
   * @param front true for the front row
   */
  public record InRow(boolean front) implements Relation {
    @Override
    public String toString() {
      return front ? "front_row" : "back_row";
    }
  }

  /**
   * In the same row as someone, where faces stand in rows.
   *
   * @param other the other person
   */
  public record SameRow(Anchor other) implements Relation {
    @Override
    public String toString() {
      return "same_row(" + other + ")";
    }
  }

  /**
   * Directly behind someone (in a row further back, and overlapping them left to right) or in
   * front of them; "above" and "below" someone in a group photo mean the same.
   *
   * @param other the other person
   * @param behind true for behind, false for in front of
   */
  public record Behind(Anchor other, boolean behind) implements Relation {
    @Override
    public String toString() {
      return (behind ? "behind(" : "in_front_of(") + other + ")";
    }
  }

  /**
   * Immediately next to someone in the x order of all faces.
   *
   * @param other the other person
   */
  public record NextTo(Anchor other) implements Relation {
    @Override
    public String toString() {
      return "next_to(" + other + ")";
    }
  }

  /** The named people stand next to each other. */
  public record Adjacent() implements Relation {
    @Override
    public String toString() {
      return "adjacent";
    }
  }

  /**
   * Between two people (strictly, in x order).
   *
   * @param a one end
   * @param b the other end
   */
  public record Between(Anchor a, Anchor b) implements Relation {
    @Override
    public String toString() {
      return "between(" + a + "," + b + ")";
    }
  }

  /**
   * To one side of someone; for who-questions, the nearest face on that side.
   *
   * @param side left or right
   * @param other the other person
   * @param possessive whether it was asked as "on X's left", which is read as the side seen in the
   *     photo (the answer says so)
   */
  public record SideOf(Position side, Anchor other, boolean possessive) implements Relation {
    @Override
    public String toString() {
      return side.label() + "_of(" + other + ")";
    }
  }

  /**
   * Shows one of some expressions (its dominant estimated expression is one of them): one for
   * "smiling" or "sad", the {@link #UPSET} ones for "upset" or "frowning".
   *
   * @param expressions the expressions that count
   */
  public record Shows(Set<Expression> expressions) implements Relation {
    /** What "upset", "frowning" or "distressed" cover: any of the unpleasant expressions. */
    public static final Set<Expression> UPSET = Sets.immutableEnumSet(Expression.SAD, Expression.ANGRY,
        Expression.DISGUSTED, Expression.FEARFUL);

    /** Copies the expressions. */
    public Shows {
      checkArgument(!expressions.isEmpty(), "no expression");
      expressions = Sets.immutableEnumSet(expressions);
    }

    /**
     * Shows one expression.
     *
     * @param expression the expression
     */
    public Shows(Expression expression) {
      this(Set.of(expression));
    }

    /**
     * The word for the expressions ("happy", "upset").
     *
     * @return the word
     */
    public String word() {
      if (expressions.size() == Expression.values().length - 1) {
        // all but one: "not happy"
        return "not " + Wording.adjective(EnumSet.complementOf(EnumSet.copyOf(expressions)).iterator().next());
      }
      return expressions.equals(UPSET) ? "upset" : expressions.stream().map(Wording::adjective)
          .collect(Collectors.joining(" or "));
    }

    @Override
    public String toString() {
      return "shows(" + (expressions.equals(UPSET) ? "upset" : expressions.stream()
          .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining("|"))) + ")";
    }
  }

  /** The value of someone's expression. */
  public record ExpressionOf() implements Relation {
    @Override
    public String toString() {
      return "expression";
    }
  }

  /**
   * Shows an expression most strongly of everyone.
   *
   * @param expression the expression
   */
  public record MostExpressive(Expression expression) implements Relation {
    @Override
    public String toString() {
      return "most(" + expression.name().toLowerCase(Locale.ROOT) + ")";
    }
  }

  /**
   * Shows an expression more strongly than someone (or, without one, than the others named).
   *
   * @param expression the expression
   * @param than the person compared with
   */
  public record MoreExpressive(Expression expression, Optional<Anchor> than) implements Relation {
    @Override
    public String toString() {
      return "more(" + expression.name().toLowerCase(Locale.ROOT) + than.map(t -> "," + t).orElse("") + ")";
    }
  }

  /** The value of someone's apparent age. */
  public record AgeOf() implements Relation {
    @Override
    public String toString() {
      return "age";
    }
  }

  /**
   * The oldest or youngest-looking of everyone.
   *
   * @param oldest true for oldest
   */
  public record AgeExtreme(boolean oldest) implements Relation {
    @Override
    public String toString() {
      return oldest ? "oldest" : "youngest";
    }
  }

  /**
   * Looks older (or younger) than someone (or, without one, than the others named or shown).
   *
   * @param older true for older
   * @param than the person compared with
   */
  public record OlderThan(boolean older, Optional<Anchor> than) implements Relation {
    @Override
    public String toString() {
      return (older ? "older" : "younger") + than.map(t -> "(" + t + ")").orElse("");
    }
  }

  /**
   * Looks over (or under) an age.
   *
   * @param over true for over
   * @param years the age
   */
  public record AgeBeyond(boolean over, int years) implements Relation {
    @Override
    public String toString() {
      return (over ? "over(" : "under(") + years + ")";
    }
  }

  /**
   * The named people are exactly the faces of which a relation holds: "Is Dana the only person
   * here?" ({@link Present}), "Is Penny the only one smiling?", "Are Alice and Bob the only people
   * here?".
   *
   * @param of the relation only they satisfy
   */
  public record Only(Relation of) implements Relation {
    /** The only people in the photo. */
    public Only() {
      this(new Present());
    }

    @Override
    public String toString() {
      return of instanceof Present ? "only" : "only(" + of + ")";
    }
  }

  /**
   * A relation over "the two", "the three"… that nothing in the question or the conversation names:
   * it is read over the faces of the photo, which must then be exactly that many ("Which of the two
   * looks younger?" in a photo of two).
   *
   * @param count how many people the question speaks of
   * @param of the relation among them
   */
  public record OfThe(int count, Relation of) implements Relation {
    @Override
    public String toString() {
      return "of_the_" + count + "(" + of + ")";
    }
  }

  /**
   * Several relations that must all hold of the same face: "Is Penny here and smiling?", "Is
   * anyone both old and happy?", "Who is smiling and on the left?". Only relations that hold face
   * by face take part (no superlative among named people, no "only", no "missing").
   *
   * @param parts the relations, in order of mention
   */
  public record AllOf(List<Relation> parts) implements Relation {
    /** Copies the parts. */
    public AllOf {
      checkArgument(parts.size() > 1, "a conjunction needs two parts");
      parts = ImmutableList.copyOf(parts);
    }

    @Override
    public String toString() {
      return "and(" + parts.stream().map(Object::toString).collect(Collectors.joining(",")) + ")";
    }
  }

  /**
   * A relation said of the faces that satisfy another: "Is everyone in the back row smiling?" asks
   * whether everyone of the back row is smiling, "Are all the kids smiling?" whether every child is.
   *
   * @param among which faces the question speaks of
   * @param relation what must hold of them
   */
  public record Among(Relation among, Relation relation) implements Relation {
    @Override
    public String toString() {
      return "among(" + among + "," + relation + ")";
    }
  }

  /**
   * Several yes/no questions that must all be answered yes: "Is Alice smiling and is Bob here?",
   * "Is Leonard on the left and Raj on the right?", "Is Alice here but not Carol?". The form that
   * holds them asks yes/no about everyone they name.
   *
   * @param parts the yes/no questions, in order of mention
   */
  public record Clauses(List<LogicalForm> parts) implements Relation {
    /** Copies the parts. */
    public Clauses {
      checkArgument(parts.size() > 1 && parts.stream().allMatch(p -> p.want() == Want.YES_NO),
          "a conjunction needs two yes/no questions");
      parts = ImmutableList.copyOf(parts);
    }

    /**
     * The question that asks all of them.
     *
     * @param parts the yes/no questions
     * @return the form
     */
    public static LogicalForm of(List<LogicalForm> parts) {
      List<LogicalForm> flat = parts.stream().flatMap(p -> p.relation() instanceof Clauses c
          ? c.parts().stream() : Stream.of(p)).toList();
      List<String> names = flat.stream().flatMap(p -> p.names().stream()).distinct().toList();
      return new LogicalForm(Want.YES_NO, new Names(names, Junction.ALL), new Clauses(flat), false);
    }

    @Override
    public String toString() {
      return "and(" + parts.stream().map(Object::toString).collect(Collectors.joining(", ")) + ")";
    }
  }

  /**
   * The named people of the form (subject names and people in the relation), in order of mention.
   *
   * @return the names
   */
  public List<String> names() {
    ImmutableList.Builder<String> b = ImmutableList.builder();
    if (subject instanceof Names n) {
      b.addAll(n.names());
    } else if (subject instanceof Group g) {
      b.addAll(g.except());
    }
    Relation relation = base();
    if (relation instanceof Only o) {
      relation = o.of();
    }
    if (relation instanceof AllOf a) {
      a.parts().forEach(p -> b.addAll(namesIn(p)));
    }
    if (relation instanceof Among a) {
      b.addAll(namesIn(a.among()));
      b.addAll(namesIn(a.relation()));
    }
    List<Anchor> anchors = relation instanceof Behind r ? List.of(r.other())
        : relation instanceof SameRow r ? List.of(r.other())
        : relation instanceof NextTo r ? List.of(r.other())
        : relation instanceof Between r ? List.of(r.a(), r.b())
        : relation instanceof SideOf r ? List.of(r.other()) : List.of();
    for (Anchor a : anchors) {
      if (a instanceof Named n) {
        b.add(n.name());
      } else if (a instanceof Described d) {
        d.place().ifPresent(p -> b.addAll(namesIn(p)));
      }
    }
    if (subject instanceof Described d) {
      d.place().ifPresent(p -> b.addAll(namesIn(p)));
    }
    Optional<Anchor> than = relation instanceof MoreExpressive r ? r.than()
        : relation instanceof OlderThan r ? r.than() : Optional.empty();
    if (than.orElse(null) instanceof Named n) {
      b.add(n.name());
    } else if (than.orElse(null) instanceof Described d) {
      d.place().ifPresent(p -> b.addAll(namesIn(p)));
    }
    return b.build().stream().distinct().toList();
  }

  /** The people a relation names ("next to Penny"), whoever it is said of. */
  private static List<String> namesIn(Relation r) {
    return new LogicalForm(Want.WHO, new Group(Quantifier.THOSE, Filter.ALL), r, false).names();
  }

  /**
   * The family of questions this form belongs to.
   *
   * @return the intent
   */
  public Intent intent() {
    Relation relation = base();
    // a conjunction belongs to the family of an estimate it depends on (grounded mode asks the
    // model about those), else to the family of its first part
    if (relation instanceof Clauses c) {
      return intentOf(c.parts());
    }
    if (relation instanceof Among a) {
      relation = new AllOf(List.of(a.among(), a.relation()));
    }
    if (relation instanceof AllOf a) {
      return intentOf(a.parts().stream().map(this::withRelation).toList());
    }
    if (relation instanceof Only o && !(o.of() instanceof Present)) {
      relation = o.of();
    }
    if (want == Want.HOW_MANY) {
      return Intent.COUNT;
    }
    if (want == Want.WHERE) {
      return Intent.LOCATE;
    }
    if (relation instanceof Present || relation instanceof Missing || relation instanceof Only
        || relation instanceof Registered) {
      return want == Want.WHO ? Intent.IDENTIFY : Intent.PRESENCE;
    }
    if (relation instanceof InThird || relation instanceof Ranked || relation instanceof InRow) {
      return want == Want.WHO ? Intent.IDENTIFY_AT_POSITION : Intent.LOCATE;
    }
    if (relation instanceof SideOf || relation instanceof Behind || relation instanceof SameRow) {
      return Intent.RELATIVE_POSITION;
    }
    if (relation instanceof NextTo || relation instanceof Between || relation instanceof Adjacent) {
      return Intent.NEIGHBOURS;
    }
    if (relation instanceof AgeOf || relation instanceof AgeExtreme || relation instanceof OlderThan
        || relation instanceof AgeBeyond) {
      return Intent.AGE;
    }
    return Intent.EXPRESSION;
  }

  /** The family of several questions asked at once: of an estimate they depend on, else of the first. */
  private static Intent intentOf(List<LogicalForm> parts) {
    List<Intent> intents = parts.stream().map(LogicalForm::intent).toList();
    return intents.stream().filter(i -> i == Intent.EXPRESSION || i == Intent.AGE).findFirst().orElse(intents.get(0));
  }

  /**
   * The relation without a partitive ("of the two") around it.
   *
   * @return the relation
   */
  public Relation base() {
    return relation instanceof OfThe o ? o.of() : relation;
  }

  /**
   * The same question about other people ("And Leonard?" after "Is Penny smiling?").
   *
   * @param names the new subject
   * @return the new form
   */
  public LogicalForm withSubject(Names names) {
    return new LogicalForm(want, names, relation, negated);
  }

  /**
   * The same question, negated or not.
   *
   * @param not whether the relation is negated
   * @return the new form
   */
  public LogicalForm withNegation(boolean not) {
    return new LogicalForm(want, subject, relation, not);
  }

  /**
   * The same question about another place ("And on the right?" after "Who is on the left?").
   *
   * @param place the new relation
   * @return the new form
   */
  public LogicalForm withRelation(Relation place) {
    return new LogicalForm(want, subject, place, negated);
  }

  @Override
  public String toString() {
    return want.name().toLowerCase(Locale.ROOT) + "(" + subject + "; " + relation + (negated ? "; not" : "") + ")";
  }
}
