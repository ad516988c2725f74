package dev.pvit.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvit.chat.AnswerKind;
import dev.pvit.face.Box;
import dev.pvit.face.DetectedFace;
import dev.pvit.face.Expression;
import dev.pvit.face.FaceAttributes;
import dev.pvit.face.FaceDescriptor;
import dev.pvit.face.Point;
import dev.pvit.face.RecognizedFace;
import dev.pvit.face.SceneRecognition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the question families that compare, exclude, combine, count or single people out:
 * an exclusion ("besides X") leaves X out and is never a neighbour relation; a comparison of two
 * people nobody named is answered only in a photo of exactly two; "the two" of a conversation are
 * the two it named; "only" holds exactly when nobody else fits; a conjunction is yes exactly when
 * each part is; "at least / more than / exactly N people" agree with the count, and a bare "N people"
 * is answered only where both readings agree; "it is false that" answers the opposite; an age range
 * is never answered against the estimate; a pronoun after a who-question means the face it picked out;
 * real words are never taken for typos.
 */
class QuestionFamiliesPropertiesTest {
  private static final List<String> NAMES = List.of("Ana", "Ben", "Cyd", "Dov", "Eli", "Fay");

  /** A face of a generated scene: who (or null for a stranger), apparent age, smiling or not. */
  record Face(String name, double age, boolean smiling) {}

  @Provide
  Arbitrary<List<Face>> scenes() {
    // distinct ages ten years apart, shuffled, so every comparison is clear-cut
    Arbitrary<List<Integer>> ages = Arbitraries.integers().between(1, 7).list().ofMinSize(1).ofMaxSize(6)
        .uniqueElements().map(l -> l.stream().map(i -> 10 * i).toList());
    return ages.flatMap(a -> Combinators.combine(Arbitraries.of(true, false).list().ofSize(a.size()),
        Arbitraries.of(true, false).list().ofSize(a.size())).as((smiling, known) -> {
          List<Face> faces = new ArrayList<>();
          for (int i = 0; i < a.size(); i++) {
            faces.add(new Face(known.get(i) || i == 0 ? NAMES.get(i) : null, a.get(i), smiling.get(i)));
          }
          return faces;
        }));
  }

  private static final List<String> EXCLUSIONS = List.of("besides", "except", "other than", "apart from",
      "aside from", "excluding");
  private static final List<String> EXCLUDING = List.of(
      "How many people E X?", "Is anyone E X smiling?", "Who is here E X?", "E X, who is smiling?",
      "Is anyone else here E X?", "How many people E X are smiling?", "Is everyone E X here?");

  @Property(tries = 200)
  void an_exclusion_leaves_the_named_person_out_and_is_never_a_neighbour(
      @ForAll @IntRange(min = 0, max = 5) int exclusion, @ForAll @IntRange(min = 0, max = 6) int template,
      @ForAll @IntRange(min = 0, max = 5) int person) {
    String name = NAMES.get(person);
    String q = EXCLUDING.get(template).replace("E", EXCLUSIONS.get(exclusion)).replace("X", name);
    LogicalForm f = parser().parse(q, List.of()).form().orElseThrow(() -> new AssertionError(q));
    assertThat(f.subject()).as(q).isInstanceOf(LogicalForm.Group.class);
    assertThat(((LogicalForm.Group) f.subject()).except()).as(q).containsExactly(name);
    assertThat(f.relation()).as(q).isNotInstanceOf(LogicalForm.NextTo.class);
  }

  private static final List<String> UNNAMED_PAIR = List.of("Who is older?", "Which one looks younger?",
      "Who is the older of the two?", "Which of the two is younger?", "Who's the younger one?",
      "Of the two, who looks older?");

  @Property(tries = 300)
  void a_comparison_nobody_named_is_answered_only_in_a_photo_of_two(@ForAll("scenes") List<Face> faces,
      @ForAll @IntRange(min = 0, max = 5) int question) {
    String q = UNNAMED_PAIR.get(question);
    Reply reply = answer(faces, List.of(), q);
    if (faces.size() != 2) {
      assertThat(reply.kind()).as(q + " over " + faces).isEqualTo(AnswerKind.NEEDS_VISION_MODEL);
      assertThat(reply.text()).as(q).doesNotStartWith("Yes").doesNotStartWith("No");
      return;
    }
    boolean older = q.contains("older");
    Face expected = (faces.get(0).age() > faces.get(1).age()) == older ? faces.get(0) : faces.get(1);
    Face other = expected == faces.get(0) ? faces.get(1) : faces.get(0);
    assertThat(reply.kind()).as(q).isEqualTo(AnswerKind.ANSWERED);
    assertThat(reply.text()).as(q).startsWith(expected.name() == null ? "Someone I don't recognise" : expected.name());
    if (other.name() != null) {
      assertThat(reply.text()).as(q).doesNotContain(other.name());
    }
  }

  @Property(tries = 300)
  void the_two_are_the_last_two_people_the_conversation_named(@ForAll("scenes") List<Face> faces,
      @ForAll @IntRange(min = 0, max = 5) int a, @ForAll @IntRange(min = 0, max = 5) int b,
      @ForAll boolean older) {
    List<Face> known = faces.stream().filter(f -> f.name() != null).toList();
    if (known.size() < 2) {
      return;
    }
    Face x = known.get(a % known.size());
    Face y = known.get(b % known.size());
    if (x == y) {
      y = known.get((b + 1) % known.size());
    }
    String q = "Is " + x.name() + " the " + (older ? "older" : "younger") + " of the two?";
    Reply reply = answer(faces, List.of("Is " + y.name() + " here?", "And " + x.name() + "?"), q);
    boolean yes = (x.age() > y.age()) == older;
    assertThat(reply.kind()).as(q).isEqualTo(AnswerKind.ANSWERED);
    assertThat(reply.text()).as(q + " over " + faces).startsWith(yes ? "Yes" : "No");
  }

  @Property(tries = 300)
  void only_holds_exactly_when_the_named_person_fits_and_nobody_else_does(@ForAll("scenes") List<Face> faces,
      @ForAll @IntRange(min = 0, max = 5) int who) {
    List<Face> known = faces.stream().filter(f -> f.name() != null).toList();
    Face x = known.get(who % known.size());
    String q = "Is " + x.name() + " the only one smiling?";
    boolean yes = x.smiling() && faces.stream().filter(f -> f != x).noneMatch(Face::smiling);
    Reply reply = answer(faces, List.of(), q);
    assertThat(reply.text()).as(q + " over " + faces).startsWith(yes ? "Yes" : "No");
  }

  private static final List<String> PREDICATES = List.of("smiling", "over 35", "under 35", "here");
  private static final List<String> CONJUNCTIONS = List.of("Is X P and is Y Q?", "Is X P and Y Q?",
      "X is P and Y is Q, right?", "is X P and is Y Q");

  @Property(tries = 300)
  void a_conjunction_is_yes_exactly_when_each_part_is(@ForAll("scenes") List<Face> faces,
      @ForAll @IntRange(min = 0, max = 5) int a, @ForAll @IntRange(min = 0, max = 5) int b,
      @ForAll @IntRange(min = 0, max = 3) int p, @ForAll @IntRange(min = 0, max = 3) int q,
      @ForAll @IntRange(min = 0, max = 3) int template) {
    List<Face> known = faces.stream().filter(f -> f.name() != null).toList();
    Face x = known.get(a % known.size());
    Face y = known.get(b % known.size());
    if (x == y && p == q) {
      return;
    }
    String question = CONJUNCTIONS.get(template).replace("X", x.name()).replace("Y", y.name())
        .replace("P", PREDICATES.get(p)).replace("Q", PREDICATES.get(q));
    boolean yes = holds(x, PREDICATES.get(p)) && holds(y, PREDICATES.get(q));
    Reply reply = answer(faces, List.of(), question);
    assertThat(reply.kind()).as(question + " over " + faces).isEqualTo(AnswerKind.ANSWERED);
    assertThat(reply.text()).as(question + " over " + faces).startsWith(yes ? "Yes" : "No");
  }

  private static boolean holds(Face f, String predicate) {
    return switch (predicate) {
      case "smiling" -> f.smiling();
      case "over 35" -> f.age() > 35;
      case "under 35" -> f.age() < 35;
      default -> true;
    };
  }

  private static final List<String> NUMBERS = List.of("At least N people smiling?",
      "Are there more than N people smiling?", "Are there fewer than N people smiling?",
      "Are exactly N people smiling?", "Are at most N people smiling?", "More than N people?");

  @Property(tries = 300)
  void a_number_of_people_is_compared_with_the_count(@ForAll("scenes") List<Face> faces,
      @ForAll @IntRange(min = 1, max = 6) int n, @ForAll @IntRange(min = 0, max = 5) int template) {
    String question = NUMBERS.get(template).replace("N", String.valueOf(n));
    long smiling = faces.stream().filter(Face::smiling).count();
    boolean yes = switch (template) {
      case 0 -> smiling >= n;
      case 1 -> smiling > n;
      case 2 -> smiling < n;
      case 3 -> smiling == n;
      case 4 -> smiling <= n;
      default -> faces.size() > n;
    };
    Reply reply = answer(faces, List.of(), question);
    assertThat(reply.kind()).as(question + " over " + faces).isEqualTo(AnswerKind.ANSWERED);
    assertThat(reply.text()).as(question + " over " + faces).startsWith(yes ? "Yes" : "No");
  }

  private static final List<String> BARE_NUMBERS = List.of("Are N people smiling?", "Are there N people smiling?",
      "Are N of them smiling?");

  @Property(tries = 300)
  void a_bare_number_is_answered_only_where_at_least_and_exactly_agree(@ForAll("scenes") List<Face> faces,
      @ForAll @IntRange(min = 1, max = 6) int n, @ForAll @IntRange(min = 0, max = 2) int template) {
    String question = BARE_NUMBERS.get(template).replace("N", String.valueOf(n));
    long smiling = faces.stream().filter(Face::smiling).count();
    Reply reply = answer(faces, List.of(), question);
    if (smiling > n) {
      // "at least N" says yes, "exactly N" says no
      assertThat(reply.kind()).as(question + " over " + faces).isEqualTo(AnswerKind.NEEDS_VISION_MODEL);
      assertThat(reply.text()).as(question + " over " + faces).doesNotStartWith("Yes").doesNotStartWith("No");
    } else {
      assertThat(reply.kind()).as(question + " over " + faces).isEqualTo(AnswerKind.ANSWERED);
      assertThat(reply.text()).as(question + " over " + faces).startsWith(smiling == n ? "Yes" : "No");
    }
  }

  private static final List<String> CLAUSES = List.of("X is smiling", "X is here", "X is over 35", "X is missing",
      "X is on the far left", "X is not smiling");

  @Property(tries = 300)
  void it_is_false_that_gives_the_opposite_answer_or_both_abstain(@ForAll("scenes") List<Face> faces,
      @ForAll @IntRange(min = 0, max = 5) int clause, @ForAll @IntRange(min = 0, max = 5) int person,
      @ForAll @IntRange(min = 0, max = 2) int wording) {
    String c = CLAUSES.get(clause).replace("X", NAMES.get(person));
    String asked = "Is " + c.replaceFirst(" is", "") + "?";
    String denied = List.of("Is it false that ", "Is it not true that ", "Is it untrue that ").get(wording) + c + "?";
    Reply yes = answer(faces, List.of(), asked);
    Reply no = answer(faces, List.of(), denied);
    assertThat(no.kind()).as(denied + " / " + asked + " over " + faces).isEqualTo(yes.kind());
    if (yes.kind() == AnswerKind.ANSWERED) {
      assertThat(no.text().startsWith("Yes")).as(denied + " over " + faces).isEqualTo(yes.text().startsWith("No"));
    }
  }

  private static final List<String> DECADES = List.of("teens", "twenties", "thirties", "forties", "fifties",
      "sixties", "seventies");

  @Property(tries = 300)
  void an_age_range_is_never_answered_against_the_estimate(@ForAll("scenes") List<Face> faces,
      @ForAll @IntRange(min = 0, max = 6) int decade, @ForAll @IntRange(min = 0, max = 5) int face) {
    List<Face> named = faces.stream().filter(x -> x.name() != null).toList();
    Face f = named.get(face % named.size());
    String question = "Is " + f.name() + " in their " + DECADES.get(decade) + "?";
    Reply reply = answer(faces, List.of(), question);
    double low = decade == 0 ? 13 : 10 * (decade + 1);
    double high = decade == 0 ? 19 : low + 9;
    if (reply.kind() == AnswerKind.ANSWERED) {
      assertThat(reply.text()).as(question + " over " + faces).startsWith(f.age() >= low && f.age() <= high ? "Yes" : "No");
    }
    if (f.age() >= low + 3 && f.age() <= high - 3 || f.age() >= high + 4 || f.age() <= low - 4) {
      assertThat(reply.kind()).as(question + " over " + faces).isEqualTo(AnswerKind.ANSWERED);
    }
  }

  private static final List<String> PLACES = List.of("on the far left", "on the far right");

  @Property(tries = 200)
  void a_pronoun_after_a_who_question_means_the_face_it_picked_out(@ForAll("scenes") List<Face> faces,
      @ForAll @IntRange(min = 0, max = 1) int place, @ForAll @IntRange(min = 0, max = 1) int pronoun) {
    Face f = place == 0 ? faces.get(0) : faces.get(faces.size() - 1);
    String question = "Is " + (pronoun == 0 ? "she" : "he") + " smiling?";
    Reply reply = answer(faces, List.of("Is Ana here?", "Who is " + PLACES.get(place) + "?"), question);
    assertThat(reply.kind()).as(question + " over " + faces).isEqualTo(AnswerKind.ANSWERED);
    assertThat(reply.text()).as(question + " over " + faces).startsWith(f.smiling() ? "Yes" : "No");
  }

  @Provide
  Arbitrary<String> realWords() throws IOException {
    try (InputStream in = Lexicon.class.getResourceAsStream("real-words.txt")) {
      assertThat(in).isNotNull();
      List<String> words = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
      assertThat(words).contains("bolder", "colder", "order").doesNotContain("besides").hasSizeGreaterThan(1000);
      return Arbitraries.of(words);
    }
  }

  @Property(tries = 500)
  void a_real_word_near_the_lexicon_is_never_taken_for_a_typo(@ForAll("realWords") String word) {
    assertThat(Lexicon.correct(word)).as(word).isEmpty();
  }

  private static QuestionParser parser() {
    Map<String, List<String>> people = new LinkedHashMap<>();
    NAMES.forEach(n -> people.put(n, List.of(n)));
    return new QuestionParser(people);
  }

  private static Reply answer(List<Face> faces, List<String> history, String question) {
    QuestionParser parser = parser();
    List<ParsedQuestion> earlier = new ArrayList<>();
    for (String h : history) {
      earlier.add(parser.parse(h, List.copyOf(earlier)));
    }
    ParsedQuestion p = parser.parse(question, earlier);
    return new EmbeddedAnswerer(new EmbeddedAnswererTest.FixedRefusals(), () -> NAMES)
        .answer(p, scene(faces), new Random(1));
  }

  /** One row, left to right, 200 px apart. */
  private static SceneRecognition scene(List<Face> spec) {
    List<RecognizedFace> faces = new ArrayList<>();
    for (int i = 0; i < spec.size(); i++) {
      Face f = spec.get(i);
      Map<Expression, Double> probs = new EnumMap<>(Expression.class);
      for (Expression e : Expression.values()) {
        probs.put(e, 0.0);
      }
      probs.put(f.smiling() ? Expression.HAPPY : Expression.NEUTRAL, 0.95);
      double x = 100 + 200 * i;
      DetectedFace d = new DetectedFace(new Box(x, 150, 80, 90), 0.9, Collections.nCopies(68, new Point(x + 40, 195)),
          FaceDescriptor.of(new float[128]), Optional.of(new FaceAttributes(f.age(), 0.5, probs)));
      faces.add(new RecognizedFace(d, Optional.ofNullable(f.name()), f.name() == null ? 0.8 : 0.4, List.of()));
    }
    return new SceneRecognition(200 * spec.size() + 200, 600, faces);
  }
}
