package dev.pvit.bench.pbench;

import static dev.pvit.bench.pbench.Fixtures.answer;
import static dev.pvit.bench.pbench.Fixtures.embedded;
import static dev.pvit.bench.pbench.Fixtures.question;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pvit.chat.AnswerKind;
import dev.pvit.chat.Backend;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgeTest {
  private static final List<String> OPTIONS = List.of("Amara", "Bruno", "Chiara", Question.NONE_OF_THEM);
  private final Judge judge = new Judge(NameFinder.of(List.of("Amara", "Bruno", "Chiara", "Quentin", "Zeno", "May",
      "Penny", "Amy", "Mary Ann")));

  @Test
  void presence_from_the_text() {
    Question yes = question(Category.PRESENCE_YES, "yes", 1, List.of(), "Amara");
    assertThat(judge.judge(yes, embedded("Yes, Amara is in this photo, on the left.", AnswerKind.ANSWERED, "Amara"), 5).correct()).isTrue();
    assertThat(judge.judge(yes, embedded("No, Amara is not in this photo.", AnswerKind.ANSWERED), 5).correct()).isFalse();
  }

  @Test
  void an_absent_refusal_answers_presence_with_no() {
    Question no = question(Category.PRESENCE_NO, "no", 1, List.of(), "Amara");
    Judgement j = judge.judge(no, answer("Sorry, Amara is not in the image.", AnswerKind.PERSON_ABSENT, Backend.IN_CONTEXT), 5);
    assertThat(j.correct()).isTrue();
    assertThat(j.given()).startsWith("no");
  }

  @Test
  void refusals_from_the_kind_for_embedded_and_of_the_right_family() {
    Question absent = question(Category.ABSENT_REFUSAL, "refuse", 2, List.of(), "Amara");
    assertThat(judge.judge(absent, embedded("Sorry, Amara is not in the image.", AnswerKind.PERSON_ABSENT), 1).correct()).isTrue();
    assertThat(judge.judge(absent, embedded("Sorry, I do not know what Amara looks like.", AnswerKind.PERSON_UNKNOWN), 1).correct()).isFalse();
    // Embedded refusals come from the kind, not from wording.
    assertThat(judge.judge(absent, embedded("Sorry, Amara is not in the image.", AnswerKind.ANSWERED), 1).correct()).isFalse();
  }

  @Test
  void refusals_from_the_classifier_for_in_context_text() {
    Question unknown = question(Category.UNKNOWN_REFUSAL, "refuse", 1, List.of(), "Zeno");
    assertThat(judge.judge(unknown, answer("Sorry, I do not know what Zeno looks like.", AnswerKind.ANSWERED, Backend.IN_CONTEXT), 1)
        .correct()).isTrue();
    assertThat(judge.judge(unknown, answer("Zeno is wearing a blue shirt.", AnswerKind.ANSWERED, Backend.IN_CONTEXT), 1)
        .correct()).isFalse();
  }

  @Test
  void identification_from_recognised_people_for_embedded() {
    Question id = question(Category.IDENTIFICATION, "B", 2, OPTIONS, "");
    String text = "Only partly: Bruno (on the left) is in this photo, but Amara and Chiara are not.";
    assertThat(judge.judge(id, embedded(text, AnswerKind.ANSWERED, "Bruno", "Quentin"), 1).given()).isEqualTo("B");
    // The text says Bruno, recognition says nobody from the list: they disagree, which is wrong.
    assertThat(judge.judge(id, embedded(text, AnswerKind.ANSWERED, "Quentin"), 1).outcome()).isEqualTo(Outcome.WRONG);
    assertThat(judge.judge(id, embedded("None of them is here.", AnswerKind.ANSWERED, "Quentin"), 1).given()).isEqualTo("D");
    assertThat(judge.judge(id, embedded(text, AnswerKind.ANSWERED, "Amara", "Bruno"), 1).correct()).isFalse();
  }

  @Test
  void identification_from_text_for_in_context() {
    Question id = question(Category.IDENTIFICATION, "C", 1, OPTIONS, "");
    assertThat(judge.judge(id, answer("C) Chiara", AnswerKind.ANSWERED, Backend.IN_CONTEXT), 1).correct()).isTrue();
    assertThat(judge.judge(id, answer("It is hard to tell.", AnswerKind.ANSWERED, Backend.IN_CONTEXT), 1).given())
        .isEqualTo("no choice");
  }

  @Test
  void count_reads_the_number_and_none() {
    Question two = question(Category.COUNT, "2", 2, List.of(), "");
    assertThat(judge.judge(two, embedded("2 of your registered people are here: A and B.", AnswerKind.ANSWERED, "A", "B"), 1).correct()).isTrue();
    Question zero = question(Category.COUNT, "0", 0, List.of(), "");
    assertThat(judge.judge(zero, embedded("None of your registered people are in this photo.", AnswerKind.ANSWERED), 1).correct()).isTrue();
    assertThat(judge.judge(zero, embedded("I can't find any face in this photo.", AnswerKind.NO_FACES), 1).correct()).isTrue();
  }

  @Test
  void false_accepts_only_on_scenes_with_nobody_registered() {
    Question noOnEmpty = question(Category.PRESENCE_NO, "no", 0, List.of(), "Amara");
    assertThat(judge.judge(noOnEmpty, embedded("Yes, Amara is in this photo.", AnswerKind.ANSWERED, "Amara"), 1).falseAccept()).isTrue();
    assertThat(judge.judge(noOnEmpty, embedded("No, Amara is not in this photo.", AnswerKind.ANSWERED), 1).falseAccept()).isFalse();
    // Recognising someone registered on an empty scene is a false accept even if the text is right.
    assertThat(judge.judge(noOnEmpty, embedded("No, Amara is not in this photo.", AnswerKind.ANSWERED, "Bruno"), 1).falseAccept()).isTrue();
    Question noOnFull = question(Category.PRESENCE_NO, "no", 2, List.of(), "Amara");
    assertThat(judge.judge(noOnFull, embedded("Yes.", AnswerKind.ANSWERED, "Amara"), 1).falseAccept()).isFalse();
    Question absentOnEmpty = question(Category.ABSENT_REFUSAL, "refuse", List.of(), List.of(), "Amara");
    Judgement j = judge.judge(absentOnEmpty, embedded("Amara is holding a cup.", AnswerKind.NEEDS_VISION_MODEL), 1);
    assertThat(j.falseAccept()).isTrue();
    assertThat(j.outcome()).isEqualTo(Outcome.WRONG);
  }

  @Test
  void descriptions_need_an_answer_with_a_keyword() {
    Question d = new Question("q1", Category.DESCRIPTION, "s.jpg", "What is Amara holding?", "a microphone", List.of(),
        java.util.Optional.of("Amara"), 1, List.of("microphone"), java.util.Optional.empty());
    assertThat(judge.judge(d, answer("She holds a microphone.", AnswerKind.ANSWERED, Backend.GROUNDED, "Amara"), 1).correct()).isTrue();
    assertThat(judge.judge(d, embedded("I can't answer that without a vision-language model.", AnswerKind.NEEDS_VISION_MODEL, "Amara"), 1)
        .correct()).isFalse();
  }

  @Test
  void failures_are_not_correct_and_count_as_abstained() {
    Judgement j = judge.failed(question(Category.COUNT, "1", 1, List.of(), ""), "server down", 3);
    assertThat(j.correct()).isFalse();
    assertThat(j.outcome()).isEqualTo(Outcome.ABSTAINED);
    assertThat(j.answerKind()).isEqualTo("ERROR");
  }

  private Outcome outcome(Question q, String text, AnswerKind kind, String... recognised) {
    return judge.judge(q, embedded(text, kind, recognised), 1).outcome();
  }

  @Test
  void the_issue_examples_are_wrong_not_correct() {
    List<String> scene = List.of("Penny", "Bruno");
    Question missing = question(Category.NEGATED_PRESENCE, "no", scene, List.of(), "Penny");
    assertThat(outcome(missing, "Yes, Penny is in this photo, in the middle.", AnswerKind.ANSWERED, "Penny", "Bruno"))
        .isEqualTo(Outcome.WRONG);
    assertThat(outcome(missing, "No, Penny isn't missing: she is in the middle.", AnswerKind.ANSWERED, "Penny", "Bruno"))
        .isEqualTo(Outcome.CORRECT);
    Question absent = question(Category.NEGATED_PRESENCE, "yes", scene, List.of(), "Amy");
    assertThat(outcome(absent, "No, Amy is not in this photo.", AnswerKind.ANSWERED, "Penny", "Bruno"))
        .isEqualTo(Outcome.WRONG);
    assertThat(outcome(absent, "Yes, Amy is not in this photo.", AnswerKind.ANSWERED, "Penny", "Bruno"))
        .isEqualTo(Outcome.CORRECT);
    // An absent refusal says she is not there: "yes" to "is Amy missing?".
    assertThat(outcome(absent, "There's no Amy in this scene.", AnswerKind.PERSON_ABSENT, "Penny", "Bruno"))
        .isEqualTo(Outcome.CORRECT);
  }

  @Test
  void a_right_yes_with_a_false_statement_is_wrong() {
    Question both = question(Category.CONJUNCTION, "no", List.of("Penny"), List.of(), "Penny");
    assertThat(outcome(both, "No, Penny is here but Bruno is not.", AnswerKind.ANSWERED, "Penny")).isEqualTo(Outcome.CORRECT);
    assertThat(outcome(both, "No, Bruno is here but Penny is not.", AnswerKind.ANSWERED, "Penny")).isEqualTo(Outcome.WRONG);
    assertThat(outcome(both, "Yes, Penny and Bruno are both here.", AnswerKind.ANSWERED, "Penny")).isEqualTo(Outcome.WRONG);
    Question either = question(Category.DISJUNCTION, "yes", List.of("Penny"), List.of(), "Bruno");
    assertThat(outcome(either, "Yes, Penny is in this photo.", AnswerKind.ANSWERED, "Penny")).isEqualTo(Outcome.CORRECT);
    assertThat(outcome(either, "There's no Bruno in this scene.", AnswerKind.PERSON_ABSENT, "Penny")).isEqualTo(Outcome.WRONG);
    assertThat(outcome(either, "Penny is on the left.", AnswerKind.ANSWERED, "Penny")).isEqualTo(Outcome.WRONG);
  }

  @Test
  void without_a_yes_or_no_the_statements_about_the_names_asked_answer_the_question() {
    List<String> scene = List.of("Penny");
    Question both = new Question("q1", Category.CONJUNCTION, "s.jpg", "Are Penny and Bruno both here?", "no", List.of(),
        java.util.Optional.of("Penny"), 1, List.of(), java.util.Optional.of(scene));
    String partly = "Only partly: Penny (on the left) is in this photo, but Bruno is not.";
    assertThat(outcome(both, partly, AnswerKind.ANSWERED, "Penny")).isEqualTo(Outcome.CORRECT);
    Question either = new Question("q2", Category.DISJUNCTION, "s.jpg", "Is either Penny or Bruno in it?", "yes",
        List.of(), java.util.Optional.of("Penny"), 1, List.of(), java.util.Optional.of(scene));
    assertThat(outcome(either, partly, AnswerKind.ANSWERED, "Penny")).isEqualTo(Outcome.CORRECT);
    Question nowhere = new Question("q3", Category.NEGATED_PRESENCE, "s.jpg", "is Penny nowhere to be seen?", "no",
        List.of(), java.util.Optional.of("Penny"), 1, List.of(), java.util.Optional.of(scene));
    assertThat(outcome(nowhere, "Penny is in the middle.", AnswerKind.ANSWERED, "Penny")).isEqualTo(Outcome.CORRECT);
    assertThat(outcome(nowhere, "Bruno is in the middle.", AnswerKind.ANSWERED, "Penny")).isEqualTo(Outcome.WRONG);
  }

  @Test
  void abstentions_are_abstained_unless_they_state_something_false() {
    Question q = question(Category.NEGATED_PRESENCE, "no", List.of("Penny"), List.of(), "Penny");
    assertThat(outcome(q, "I can't answer that without a vision-language model. What I can tell: Penny is in this photo.",
        AnswerKind.NEEDS_VISION_MODEL, "Penny")).isEqualTo(Outcome.ABSTAINED);
    assertThat(outcome(q, "I can't answer that. What I can tell: Bruno is in this photo.",
        AnswerKind.NEEDS_VISION_MODEL, "Penny")).isEqualTo(Outcome.WRONG);
    Question unknown = question(Category.UNKNOWN_REFUSAL, "refuse", List.of("Penny"), List.of(), "Zeno");
    assertThat(outcome(unknown, "I can't tell what Zeno is holding without a vision model.", AnswerKind.NEEDS_VISION_MODEL,
        "Penny")).isEqualTo(Outcome.ABSTAINED);
    assertThat(outcome(unknown, "There's no Zeno in this scene.", AnswerKind.PERSON_ABSENT, "Penny"))
        .isEqualTo(Outcome.WRONG);
    assertThat(outcome(unknown, "Zeno is holding a cup.", AnswerKind.ANSWERED, "Penny")).isEqualTo(Outcome.WRONG);
  }

  @Test
  void who_needs_exactly_the_labelled_names_in_text_and_recognition() {
    Question who = question(Category.WHO, "Penny, May", List.of("Penny", "May"), List.of(), "");
    assertThat(outcome(who, "From left to right I can see Penny (on the left) and May (on the right).", AnswerKind.ANSWERED,
        "Penny", "May")).isEqualTo(Outcome.CORRECT);
    assertThat(outcome(who, "I can see Penny.", AnswerKind.ANSWERED, "Penny", "May")).isEqualTo(Outcome.WRONG);
    assertThat(outcome(who, "I can see Penny and May.", AnswerKind.ANSWERED, "Penny")).isEqualTo(Outcome.WRONG);
    assertThat(outcome(who, "I can't answer that. What I can tell: From left to right I can see Penny (on the left) and "
        + "May (in the middle), and 1 person I don't recognise.", AnswerKind.NEEDS_VISION_MODEL, "Penny", "May"))
        .isEqualTo(Outcome.ABSTAINED);
    assertThat(outcome(who, "I can see Penny, May and two unknown people.", AnswerKind.ANSWERED, "Penny", "May"))
        .isEqualTo(Outcome.CORRECT);
    Question nobody = question(Category.WHO, "nobody", List.of(), List.of(), "");
    assertThat(outcome(nobody, "I see 3 faces, but none of your registered people.", AnswerKind.ANSWERED))
        .isEqualTo(Outcome.CORRECT);
    assertThat(outcome(nobody, "I can see Mary Ann.", AnswerKind.ANSWERED)).isEqualTo(Outcome.WRONG);
  }

  @Test
  void counts_are_read_from_the_clause_about_registered_people_and_names_checked() {
    Question two = question(Category.COUNT, "2", List.of("Penny", "May"), List.of(), "");
    assertThat(outcome(two, "I count 5 faces. Two of them are people you registered: Penny and May.", AnswerKind.ANSWERED,
        "Penny", "May")).isEqualTo(Outcome.CORRECT);
    assertThat(outcome(two, "2 of your registered people are here: Penny and Amy.", AnswerKind.ANSWERED, "Penny", "May"))
        .isEqualTo(Outcome.WRONG);
    assertThat(outcome(two, "3 of your registered people are here.", AnswerKind.ANSWERED, "Penny", "May"))
        .isEqualTo(Outcome.WRONG);
  }

  @Test
  void a_refusal_where_an_answer_was_due_and_the_wrong_family_are_wrong() {
    Question yes = question(Category.PRESENCE_YES, "yes", List.of("Penny"), List.of(), "Penny");
    assertThat(outcome(yes, "I don't know what Penny looks like.", AnswerKind.PERSON_UNKNOWN, "Penny")).isEqualTo(Outcome.WRONG);
    assertThat(outcome(yes, "There's no Penny in this scene.", AnswerKind.PERSON_ABSENT)).isEqualTo(Outcome.WRONG);
    Question absent = question(Category.ABSENT_REFUSAL, "refuse", List.of("Penny"), List.of(), "Amy");
    assertThat(outcome(absent, "I don't know what Amy looks like.", AnswerKind.PERSON_UNKNOWN, "Penny")).isEqualTo(Outcome.WRONG);
    assertThat(outcome(absent, "Amy is smiling.", AnswerKind.ANSWERED, "Penny")).isEqualTo(Outcome.WRONG);
    assertThat(outcome(absent, "There's no Amy in this scene.", AnswerKind.PERSON_ABSENT, "Penny")).isEqualTo(Outcome.CORRECT);
  }
}
