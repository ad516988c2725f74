package dev.pvit.bench.pbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.bench.BenchInputException;
import dev.pvit.chat.AnswerKind;
import dev.pvit.chat.Backend;
import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordsEvaluationTest {
  @TempDir Path dir;
  private Path images;

  @BeforeEach
  void setUp() throws Exception {
    images = Files.createDirectories(dir.resolve("images"));
    for (String f : List.of("faces/kristina.png", "faces/travis.png", "scenes/party.png")) {
      Path p = images.resolve(f);
      Files.createDirectories(p.getParent());
      ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", p.toFile());
    }
  }

  private Path records(String... lines) throws Exception {
    return Files.write(dir.resolve("p-bench.jsonl"), List.of(lines));
  }

  private static final String ONE = "{\"image\":[\"faces/kristina.png\",\"scenes/party.png\"],"
      + "\"text\":\"<image>\\nThis is Kristina.\\n<image>\\nWhat is Kristina holding?\\nA. A cup\\nB. A guitar\\nC. A book\\nD. A phone\","
      + "\"value\":\"B\",\"mode\":\"single\"}";
  private static final String TWO = "{\"image\":[\"faces/kristina.png\",\"faces/travis.png\",\"scenes/party.png\"],"
      + "\"text\":\"<image>\\nThis is Kristina.\\n<image>\\nThis is Travis.\\n<image>\\nWhat is Travis wearing? "
      + "A) A red scarf B) Sorry, Travis is not in the image. C) A hat\",\"value\":\"Sorry, Travis is not in the image.\","
      + "\"mode\":\"multi\",\"cnt\":3}";

  @Test
  void loads_people_scene_options_expected_letter_and_groups() throws Exception {
    RecordsEvaluation e = RecordsEvaluation.load(records(ONE, "", TWO), images);
    assertThat(e.items()).hasSize(2);
    RecordsEvaluation.Item one = e.items().get(0);
    assertThat(one.people()).extracting(Person::name).containsExactly("Kristina");
    assertThat(one.scene().name()).isEqualTo("scenes/party.png");
    assertThat(one.question().options()).containsExactly("A cup", "A guitar", "A book", "A phone");
    assertThat(one.question().expected()).isEqualTo("B");
    assertThat(one.question().category()).isEqualTo(Category.CHOICE);
    assertThat(one.question().registeredInScene()).isEqualTo(1);
    assertThat(one.mode()).isEqualTo("single");
    RecordsEvaluation.Item two = e.items().get(1);
    assertThat(two.people()).extracting(Person::name).containsExactly("Kristina", "Travis");
    assertThat(two.question().options()).hasSize(3);
    assertThat(two.question().expected()).isEqualTo("B");
    assertThat(two.question().category()).isEqualTo(Category.CHOICE_REFUSAL);
    assertThat(two.question().registeredInScene()).isEqualTo(3);
  }

  @Test
  void runs_each_record_with_its_people_and_reads_the_letter() throws Exception {
    RecordsEvaluation e = RecordsEvaluation.load(records(ONE, TWO), images);
    List<List<String>> registered = new ArrayList<>();
    List<Judgement> js = e.run(people -> {
      registered.add(people.stream().map(Person::name).toList());
      return model("B. A guitar");
    }, j -> { });
    assertThat(registered).containsExactly(List.of("Kristina"), List.of("Kristina", "Travis"));
    assertThat(js).extracting(Judgement::correct).containsExactly(true, false);
    Scores s = Scores.of(js, e::modeOf);
    assertThat(s.groups()).containsOnlyKeys("single", "multi");
    assertThat(s.unanswerable()).isEqualTo(new Outcomes(0, 1, 0));
  }

  /** An in-context model that answers the "holding" question as given and every other one "A) A red scarf". */
  private static Answerer model(String holding) {
    return new Answerer() {
      @Override
      public Backend backend() {
        return Backend.IN_CONTEXT;
      }

      @Override
      public Session scene(ImageInput scene) {
        return q -> Fixtures.answer(q.contains("holding") ? holding : "A) A red scarf", AnswerKind.ANSWERED,
            Backend.IN_CONTEXT);
      }
    };
  }

  @Test
  void reads_the_releases_json_array_like_json_lines() throws Exception {
    Path array = Files.writeString(dir.resolve("p-bench.json"), "[\n  " + ONE + ",\n  " + TWO + "\n]\n");
    RecordsEvaluation e = RecordsEvaluation.load(array, images);
    assertThat(e.items()).extracting(i -> i.question().expected()).containsExactly("B", "B");
    assertThat(e.items()).extracting(RecordsEvaluation.Item::mode).containsExactly("single", "multi");
  }

  @Test
  void writes_answers_in_the_release_scripts_shape_that_score_back() throws Exception {
    RecordsEvaluation e = RecordsEvaluation.load(records(ONE, TWO), images);
    List<Judgement> js = e.run(people -> model(" B. A guitar\n"), j -> { });
    Path answers = dir.resolve("out/answers.jsonl");
    e.writeAnswers(js, "pvit-embedded", answers);
    List<String> lines = Files.readAllLines(answers);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).matches("\\{\"prompt\": \"<image>\\\\nThis is Kristina\\..*\", \"text\": \"B\\. A guitar\", "
        + "\"answer_id\": \"[2-9A-HJ-NP-Za-km-z]{22}\", \"model_id\": \"pvit-embedded\", \"gt_answer\": \"B\", "
        + "\"mode\": \"single\", \"metadata\": \\{\\}\\}");
    AnswerFileScorer.Result scored = AnswerFileScorer.score(answers);
    assertThat(scored.judgements()).extracting(Judgement::outcome).containsExactly(Outcome.CORRECT, Outcome.WRONG);
    assertThat(scored.modeOf(scored.judgements().get(1))).isEqualTo("multi");
  }

  @Test
  void names_the_line_of_a_bad_record() throws Exception {
    assertThatThrownBy(() -> RecordsEvaluation.load(records(ONE, "{not json"), images))
        .isInstanceOf(BenchInputException.class).hasMessageContaining("Record 1 of").hasMessageContaining("(line 2");
    assertThatThrownBy(() -> RecordsEvaluation.load(records(ONE.replace("\\nA. A cup\\nB. A guitar\\nC. A book\\nD. A phone", "")), images))
        .isInstanceOf(BenchInputException.class).hasMessageContaining("no lettered options");
    assertThatThrownBy(() -> RecordsEvaluation.load(records(ONE.replace("party.png", "missing.png")), images))
        .isInstanceOf(BenchInputException.class).hasMessageContaining("line 1");
  }

  @Test
  void parses_options_on_lines_or_inline() {
    assertThat(RecordsEvaluation.options("Q?\nA. x\nB. y")).containsExactly("x", "y");
    assertThat(RecordsEvaluation.options("Q? A) x y B) z")).containsExactly("x y", "z");
    assertThat(RecordsEvaluation.options("Q? (A) x (B) z")).containsExactly("x", "z");
    assertThat(RecordsEvaluation.options("No options here.")).isEmpty();
  }
}
