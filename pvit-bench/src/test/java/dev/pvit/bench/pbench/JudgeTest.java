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
  private final Judge judge = new Judge();

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
    assertThat(judge.judge(id, embedded(text, AnswerKind.ANSWERED, "Quentin"), 1).given()).isEqualTo("D");
    assertThat(judge.judge(id, embedded(text, AnswerKind.ANSWERED, "Amara", "Bruno"), 1).correct()).isFalse();
  }

  @Test
  void identification_from_text_for_in_context() {
    Question id = question(Category.IDENTIFICATION, "C", 1, OPTIONS, "");
    assertThat(judge.judge(id, answer("C) Chiara", AnswerKind.ANSWERED, Backend.IN_CONTEXT), 1).correct()).isTrue();
    assertThat(judge.judge(id, answer("It is hard to tell.", AnswerKind.ANSWERED, Backend.IN_CONTEXT), 1).given())
        .isEqualTo("unreadable");
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
    Question absentOnEmpty = question(Category.ABSENT_REFUSAL, "refuse", 0, List.of(), "Amara");
    assertThat(judge.judge(absentOnEmpty, embedded("Amara is holding a cup.", AnswerKind.NEEDS_VISION_MODEL), 1).falseAccept()).isTrue();
  }

  @Test
  void descriptions_need_an_answer_with_a_keyword() {
    Question d = new Question("q1", Category.DESCRIPTION, "s.jpg", "What is Amara holding?", "a microphone", List.of(),
        java.util.Optional.of("Amara"), 1, List.of("microphone"));
    assertThat(judge.judge(d, answer("She holds a microphone.", AnswerKind.ANSWERED, Backend.GROUNDED, "Amara"), 1).correct()).isTrue();
    assertThat(judge.judge(d, embedded("I can't answer that without a vision-language model.", AnswerKind.NEEDS_VISION_MODEL, "Amara"), 1)
        .correct()).isFalse();
  }

  @Test
  void failures_count_as_wrong() {
    Judgement j = judge.failed(question(Category.COUNT, "1", 1, List.of(), ""), "server down", 3);
    assertThat(j.correct()).isFalse();
    assertThat(j.answerKind()).isEqualTo("ERROR");
  }
}
