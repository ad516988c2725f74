package dev.pvit.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvit.chat.AnswerKind;
import dev.pvit.face.Box;
import dev.pvit.face.DetectedFace;
import dev.pvit.face.Expression;
import dev.pvit.face.FaceAttributes;
import dev.pvit.face.FaceDescriptor;
import dev.pvit.face.FaceMatch;
import dev.pvit.face.Point;
import dev.pvit.face.RecognizedFace;
import dev.pvit.face.SceneRecognition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddedAnswererTest {
  /** Refusals with one fixed phrasing each. */
  static final class FixedRefusals implements Refusals {
    @Override
    public String absent(String name, Random random) {
      return "Sorry, " + name + " is not in the image.";
    }

    @Override
    public String unknown(String name, Random random) {
      return "Sorry, I do not know what " + name + " looks like.";
    }
  }

  private static final Refusals REFUSALS = new FixedRefusals();

  private final QuestionParser parser;
  private final EmbeddedAnswerer answerer = new EmbeddedAnswerer(REFUSALS, () -> List.of("Alice", "Bob", "Carol"));

  EmbeddedAnswererTest() {
    Map<String, List<String>> people = new LinkedHashMap<>();
    for (String n : List.of("Alice", "Bob", "Carol")) {
      people.put(n, List.of(n));
    }
    parser = new QuestionParser(people);
  }

  /** Alice on the left (happy, ~30), an unknown face in the middle, Bob on the right (~50). */
  private static SceneRecognition party() {
    return new SceneRecognition(900, 600, List.of(
        face(100, "Alice", 30, Expression.HAPPY),
        face(420, null, 40, Expression.NEUTRAL),
        face(750, "Bob", 50, Expression.NEUTRAL)));
  }

  private static RecognizedFace face(double x, String name, double age, Expression dominant) {
    Map<Expression, Double> probs = new EnumMap<>(Expression.class);
    for (Expression e : Expression.values()) {
      probs.put(e, e == dominant ? 0.88 : 0.02);
    }
    List<Point> landmarks = new ArrayList<>(Collections.nCopies(68, new Point(x + 30, 200)));
    DetectedFace f = new DetectedFace(new Box(x, 150, 60, 60), 0.9, landmarks,
        FaceDescriptor.of(new float[128]), Optional.of(new FaceAttributes(age, 0.5, probs)));
    return new RecognizedFace(f, Optional.ofNullable(name), name == null ? 0.8 : 0.4, List.of());
  }

  private Reply ask(String question, SceneRecognition scene) {
    return answerer.answer(parser.parse(question, List.of()), scene, new Random(1));
  }

  @Test
  void presence_yes_and_no() {
    assertThat(ask("Is Alice here?", party())).isEqualTo(
        new Reply("Yes, Alice is in this photo, on the left.", AnswerKind.ANSWERED));
    assertThat(ask("Is Alice missing?", party()).text()).isEqualTo("No, Alice is in this photo, on the left.");
    assertThat(ask("Is Carol in this photo?", party())).isEqualTo(
        new Reply("No, Carol is not in this photo.", AnswerKind.ANSWERED));
    assertThat(ask("Are Alice and Carol here?", party()).text())
        .isEqualTo("No, Alice is in this photo, on the left; Carol is not in this photo.");
    assertThat(ask("Is Alice or Carol here?", party()).text()).startsWith("Yes, Alice is in this photo");
  }

  @Test
  void identify_lists_known_people_left_to_right_and_counts_strangers() {
    assertThat(ask("Who is in this photo?", party()).text()).isEqualTo(
        "From left to right I can see Alice (on the left) and Bob (on the right), and 1 person I don't recognise.");
  }

  @Test
  void identify_at_position() {
    assertThat(ask("Who is on the left?", party()).text()).isEqualTo("Alice is on the left.");
    assertThat(ask("Who is on the right?", party()).text()).isEqualTo("Bob is on the right.");
    assertThat(ask("Who is in the middle?", party()).text()).isEqualTo("Someone I don't recognise is in the middle.");
    assertThat(ask("Who is to the left of Bob?", party()).text())
        .isEqualTo("Someone I don't recognise is directly to the left of Bob.");
    assertThat(ask("Who is second from the left?", party()).text())
        .isEqualTo("Someone I don't recognise is 2nd from the left.");
    assertThat(ask("Who is next to Bob?", party()).text())
        .isEqualTo("Next to Bob: someone I don't recognise to the left.");
  }

  @Test
  void locate_and_relative_position() {
    assertThat(ask("Where is Bob?", party()).text())
        .isEqualTo("Bob is on the right (3rd of 3 people from the left).");
    assertThat(ask("Is Alice left of Bob?", party()).text()).isEqualTo("Yes, Alice is to the left of Bob.");
    assertThat(ask("Is Alice to the right of Bob?", party()).text()).isEqualTo("No, Alice is to the left of Bob.");
    assertThat(ask("Is Alice next to Bob?", party()).text())
        .isEqualTo("No, Alice is not next to Bob; 1 person is between them.");
    assertThat(ask("Is Bob on the left?", party()).text()).isEqualTo("No, Bob is on the right.");
  }

  @Test
  void count_all_faces_or_registered_people() {
    assertThat(ask("How many people are in the photo?", party()).text())
        .isEqualTo("3 people are in this photo; 2 of them are registered: Alice and Bob.");
    assertThat(ask("How many of my people are here?", party()).text())
        .isEqualTo("2 people you registered are in this photo: Alice and Bob.");
    assertThat(ask("How many people are not registered?", party()).text())
        .isEqualTo("1 person I don't recognise is in this photo.");
  }

  @Test
  void expression_and_age_are_estimates() {
    assertThat(ask("Is Alice smiling?", party()).text())
        .isEqualTo("Yes, Alice looks happy (88%). (This is an estimate from the face.)");
    assertThat(ask("Is Bob happy?", party()).text()).startsWith("No, Bob looks neutral (88%)");
    assertThat(ask("How old is Alice?", party()).text())
        .isEqualTo("Alice looks about 30 years old. (This is an estimate from the face.)");
    assertThat(ask("Is Bob older than Alice?", party()).text()).startsWith("Yes, Bob looks about 50 and Alice about 30");
    assertThat(ask("Who is the youngest?", party()).text()).startsWith("Alice (on the left) looks the youngest");
  }

  @Test
  void refusals_for_absent_and_unknown_people() {
    assertThat(ask("What is Carol holding?", party()))
        .isEqualTo(new Reply("Sorry, Carol is not in the image.", AnswerKind.PERSON_ABSENT));
    assertThat(ask("Where is Carol?", party()).kind()).isEqualTo(AnswerKind.PERSON_ABSENT);
    assertThat(ask("Is Zara here?", party()))
        .isEqualTo(new Reply("Sorry, I do not know what Zara looks like.", AnswerKind.PERSON_UNKNOWN));
    assertThat(ask("What is Zara holding?", party()).kind()).isEqualTo(AnswerKind.PERSON_UNKNOWN);
  }

  @Test
  void description_questions_need_a_vision_model_and_say_who_is_where() {
    Reply r = ask("What is Bob holding?", party());
    assertThat(r.kind()).isEqualTo(AnswerKind.NEEDS_VISION_MODEL);
    assertThat(r.text()).isEqualTo(
        "I can't answer that without a vision-language model. What I can tell: Bob is in this photo, on the right.");
  }

  @Test
  void empty_scene() {
    SceneRecognition empty = new SceneRecognition(640, 480, List.of());
    assertThat(ask("Who is here?", empty).kind()).isEqualTo(AnswerKind.NO_FACES);
    assertThat(ask("How many people are here?", empty))
        .isEqualTo(new Reply("None: I can't find any face in this photo.",
            AnswerKind.ANSWERED));
    assertThat(ask("How many of my people are here?", empty).text()).isEqualTo("None: I can't find any face in this photo.");
    assertThat(ask("Is Alice here?", empty))
        .isEqualTo(new Reply("No, Alice is not in this photo. I could not find any face in this photo.", AnswerKind.ANSWERED));
    assertThat(ask("Where is Alice?", empty).kind()).isEqualTo(AnswerKind.PERSON_ABSENT);
  }

  @Test
  void strangers_only() {
    SceneRecognition s = new SceneRecognition(640, 480, List.of(face(100, null, 20, Expression.SAD)));
    assertThat(ask("Who is in this photo?", s).text()).isEqualTo("I see 1 person, but none of them is someone you registered.");
    assertThat(ask("Who is on the left?", s).text()).isEqualTo("Someone I don't recognise is on the left.");
  }

  /** Like {@link #party()}, but the unknown face in the middle resembles Carol (0.62, not close enough to name). */
  private static SceneRecognition partyWithCarolLookalike() {
    RecognizedFace unknown = face(420, null, 40, Expression.NEUTRAL);
    RecognizedFace like = new RecognizedFace(unknown.face(), Optional.empty(), 0.62,
        List.of(new FaceMatch.Candidate("Carol", 0.62), new FaceMatch.Candidate("Alice", 0.9)));
    return new SceneRecognition(900, 600, List.of(
        face(100, "Alice", 30, Expression.HAPPY), like, face(750, "Bob", 50, Expression.NEUTRAL)));
  }

  @Test
  void a_lookalike_face_turns_a_no_about_presence_into_a_typed_abstention() {
    SceneRecognition s = partyWithCarolLookalike();
    for (String q : List.of("Is Carol here?", "Is Carol missing?", "Is Carol not in the photo?", "Are Alice and Carol here?",
        "Which of Carol and Bob is here?", "Where is Carol?",
        "Is Carol smiling?", "Who is missing?", "How many registered people are missing?")) {
      Reply r = ask(q, s);
      assertThat(r.kind()).as(q).isEqualTo(AnswerKind.NEEDS_VISION_MODEL);
      assertThat(r.text()).as(q).startsWith("I can't tell").contains("resembles Carol")
          .doesNotStartWith("Yes").doesNotStartWith("No");
      assertThat(r.abstention()).as(q).hasValueSatisfying(a -> {
        assertThat(a.reason()).isEqualTo(dev.pvit.chat.Abstention.Reason.UNCERTAIN);
        assertThat(a.words()).containsExactly("Carol");
      });
    }
  }

  @Test
  void a_lookalike_does_not_block_answers_that_the_other_people_decide() {
    SceneRecognition s = partyWithCarolLookalike();
    // Bob is here, so "Bob or Carol" holds whoever the middle face is.
    assertThat(ask("Is Bob or Carol here?", s).text()).startsWith("Yes, Bob is in this photo")
        .contains("resembles Carol, but not closely enough");
    // Bob is absent for sure: not both, whatever the middle face is.
    SceneRecognition noBob = new SceneRecognition(900, 600, List.of(s.faces().get(0), s.faces().get(1)));
    assertThat(ask("Are Bob and Carol here?", noBob).text()).startsWith("No, Bob is not in this photo");
    // Bob is missing for sure, so someone is missing.
    assertThat(ask("Is anyone missing?", noBob).text()).startsWith("Yes, Bob is registered but not in this photo")
        .contains("resembles Carol");
  }

  @Test
  void without_a_lookalike_absence_is_stated() {
    assertThat(ask("Is Carol here?", party()).text()).startsWith("No, Carol is not in this photo");
  }

  @Test
  void estimates_too_close_to_call_are_a_typed_abstention() {
    SceneRecognition close = new SceneRecognition(900, 600, List.of(
        face(100, "Alice", 40, Expression.HAPPY), face(750, "Bob", 41, Expression.NEUTRAL)));
    for (String q : List.of("Is Alice older than Bob?", "Who looks older, Alice or Bob?", "Who is the oldest?")) {
      Reply r = ask(q, close);
      assertThat(r.kind()).as(q).isEqualTo(AnswerKind.NEEDS_VISION_MODEL);
      assertThat(r.text()).as(q).startsWith("I can't tell: ").contains("estimate");
      assertThat(r.abstention()).as(q).hasValueSatisfying(a -> {
        assertThat(a.reason()).isEqualTo(dev.pvit.chat.Abstention.Reason.UNCERTAIN);
        assertThat(a.words()).isNotEmpty().isSubsetOf("Alice", "Bob");
      });
    }
  }
}
