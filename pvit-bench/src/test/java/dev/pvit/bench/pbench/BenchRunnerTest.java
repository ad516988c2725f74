package dev.pvit.bench.pbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvit.RetriableException;
import dev.pvit.chat.Answer;
import dev.pvit.chat.AnswerKind;
import dev.pvit.chat.Backend;
import dev.pvit.image.ImageInput;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generation, asking and scoring together, with fake backends that answer from the labels. */
class BenchRunnerTest {
  @TempDir Path dir;
  private static final ImageInput TINY = ImageInput.of(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "tiny");

  /** Answers every question as the embedded backend would if recognition were perfect. */
  private static Answer ideal(Question q, List<String> present) {
    String[] recognised = present.toArray(String[]::new);
    return switch (q.category()) {
      case PRESENCE_YES, PRESENCE_NO, RELATIVE_POSITION, NEGATED_PRESENCE, CONJUNCTION, DISJUNCTION ->
          Fixtures.embedded(q.expected().equals("yes") ? "Yes, indeed." : "No.", AnswerKind.ANSWERED, recognised);
      case WHO -> Fixtures.embedded(present.isEmpty() ? "None of your registered people are in this photo."
          : "I can see " + String.join(" and ", present) + ".", AnswerKind.ANSWERED, recognised);
      case COUNT -> Fixtures.embedded(q.expected().equals("0") ? "None of your registered people are in this photo."
          : q.expected() + " of your registered people are here.", AnswerKind.ANSWERED, recognised);
      case IDENTIFICATION -> {
        String option = q.options().get(q.expected().charAt(0) - 'A');
        yield Fixtures.embedded(option.equals(Question.NONE_OF_THEM) ? "None of them." : option + " is here.",
            AnswerKind.ANSWERED,
            option.equals(Question.NONE_OF_THEM) ? new String[0] : new String[] {option});
      }
      case ABSENT_REFUSAL -> Fixtures.embedded("Sorry, X is not in the image.", AnswerKind.PERSON_ABSENT, recognised);
      case UNKNOWN_REFUSAL -> Fixtures.embedded("Sorry, I do not know X.", AnswerKind.PERSON_UNKNOWN, recognised);
      default -> Fixtures.embedded("?", AnswerKind.NEEDS_VISION_MODEL, recognised);
    };
  }

  @Test
  void a_perfect_backend_scores_one_everywhere_and_opens_one_session_per_scene() throws Exception {
    FaceSet set = Fixtures.writeSet(dir);
    NamePool.Assignment names = NamePool.DEFAULT.assign(List.of("ann", "bob", "cyd", "dan", "eve"), 9, 4);
    List<Question> qs = QuestionGenerator.builder().seed(9).build().generate(set, names);
    Map<String, Question> byText = new HashMap<>();
    qs.forEach(q -> byText.put(q.scene() + "|" + q.text(), q));
    List<String> sessions = new ArrayList<>();
    Answerer perfect = new Answerer() {
      @Override
      public Backend backend() {
        return Backend.EMBEDDED;
      }

      @Override
      public Session scene(ImageInput scene) {
        String file = scene.name();
        sessions.add(file);
        List<String> present = set.scenes().stream().filter(s -> s.file().equals(file)).findFirst().orElseThrow()
            .identities().stream().map(names::nameOf).toList();
        return text -> ideal(byText.get(file + "|" + text), present);
      }
    };
    List<Judgement> js = BenchRunner.run(qs, f -> ImageInput.of(TINY.bytes(), f), perfect, judge(names), j -> { });
    assertThat(js).hasSameSizeAs(qs).allMatch(Judgement::correct);
    assertThat(sessions).containsExactly("scenes/group.jpg", "scenes/solo.jpg", "scenes/negative_crowd.jpg");
    Scores s = Scores.of(js, null);
    assertThat(s.answerable().accuracy()).isEqualTo(1.0);
    assertThat(s.unanswerable().accuracy()).isEqualTo(1.0);
    assertThat(s.falseAcceptScenes()).isEqualTo(new Tally(0, 1));
    assertThat(s.byRegisteredPeople().keySet()).containsExactly("0", "1", "≥4");
  }

  @Test
  void a_failing_question_is_not_correct_and_the_run_goes_on() throws Exception {
    FaceSet set = Fixtures.writeSet(dir);
    NamePool.Assignment names = NamePool.DEFAULT.assign(List.of("ann", "bob", "cyd", "dan", "eve"), 9, 4);
    List<Question> qs = QuestionGenerator.builder().seed(9).build().generate(set, names);
    Answerer flaky = new Answerer() {
      @Override
      public Backend backend() {
        return Backend.EMBEDDED;
      }

      @Override
      public Session scene(ImageInput scene) {
        return text -> {
          throw new RetriableException("model server unreachable") { };
        };
      }
    };
    List<Judgement> js = BenchRunner.run(qs, f -> TINY, flaky, judge(names), j -> { });
    assertThat(js).hasSameSizeAs(qs).noneMatch(Judgement::correct).allMatch(j -> j.answerKind().equals("ERROR"))
        .allMatch(j -> j.outcome() == Outcome.ABSTAINED);
  }

  static Judge judge(NamePool.Assignment names) {
    List<String> all = new ArrayList<>(names.names().values());
    all.addAll(names.strangers());
    return new Judge(NameFinder.of(all));
  }
}
