package dev.pvit.bench.pbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionGeneratorTest {
  @TempDir Path dir;
  private FaceSet set;
  private NamePool.Assignment names;

  @BeforeEach
  void setUp() throws Exception {
    set = Fixtures.writeSet(dir);
    names = NamePool.DEFAULT.assign(List.of("ann", "bob", "cyd", "dan", "eve"), 3, 4);
  }

  private List<Question> generate(long seed, boolean descriptions) {
    return QuestionGenerator.builder().seed(seed).descriptions(descriptions).build().generate(set, names);
  }

  private List<Question> of(List<Question> qs, Category c) {
    return qs.stream().filter(q -> q.category() == c).toList();
  }

  @Test
  void same_seed_gives_identical_questions() {
    assertThat(generate(5, true)).isEqualTo(generate(5, true));
  }

  @Test
  void another_seed_changes_phrasings_or_choices() {
    assertThat(generate(5, false)).isNotEqualTo(generate(6, false));
  }

  @Test
  void ids_are_sequential_and_unique() {
    List<Question> qs = generate(1, true);
    for (int i = 0; i < qs.size(); i++) {
      assertThat(qs.get(i).id()).isEqualTo(String.format("q%04d", i + 1));
    }
  }

  @Test
  void presence_yes_for_everyone_in_a_scene_and_no_for_someone_absent() {
    List<Question> qs = generate(1, false);
    List<Question> yes = of(qs, Category.PRESENCE_YES);
    assertThat(yes).hasSize(5).allMatch(q -> q.expected().equals("yes"));
    assertThat(yes.stream().filter(q -> q.scene().equals("scenes/group.jpg")).map(q -> q.subject().orElseThrow()))
        .containsExactlyInAnyOrder(names.nameOf("ann"), names.nameOf("bob"), names.nameOf("cyd"), names.nameOf("dan"));
    List<Question> no = of(qs, Category.PRESENCE_NO);
    assertThat(no).allMatch(q -> q.expected().equals("no"));
    // The group has only one absent identity (eve); the negative scene gets two no-questions.
    assertThat(no.stream().filter(q -> q.scene().equals("scenes/group.jpg")).map(q -> q.subject().orElseThrow()))
        .containsExactly(names.nameOf("eve"));
    assertThat(no.stream().filter(q -> q.scene().equals("scenes/negative_crowd.jpg"))).hasSize(2);
  }

  @Test
  void identification_has_three_names_and_none_of_them_with_the_right_letter() {
    List<Question> ids = of(generate(1, false), Category.IDENTIFICATION);
    // The group scene has only one absent identity, too few distractors: no question there.
    assertThat(ids).extracting(Question::scene).containsExactly("scenes/solo.jpg", "scenes/negative_crowd.jpg");
    Question solo = ids.get(0);
    assertThat(solo.options()).hasSize(4).last().isEqualTo(Question.NONE_OF_THEM);
    assertThat(solo.options().get(solo.expected().charAt(0) - 'A')).isEqualTo(names.nameOf("eve"));
    assertThat(solo.text()).contains("A) ", "B) ", "C) ", "D) none of them");
    Question negative = ids.get(1);
    assertThat(negative.expected()).isEqualTo("D");
    assertThat(negative.options().subList(0, 3)).doesNotContain(names.nameOf("eve")).doesNotHaveDuplicates();
  }

  @Test
  void relative_position_only_for_scenes_with_two_people_and_consistent_with_labels() {
    List<Question> rel = of(generate(1, false), Category.RELATIVE_POSITION);
    assertThat(rel).hasSize(3).allMatch(q -> q.scene().equals("scenes/group.jpg"));
    Map<String, Integer> rank = Map.of(names.nameOf("bob"), 0, names.nameOf("ann"), 2, names.nameOf("cyd"), 3,
        names.nameOf("dan"), 6);
    for (Question q : rel) {
      String[] ab = namesIn(q.text(), rank.keySet());
      boolean askedLeft = q.text().contains("left");
      boolean aLeftOfB = rank.get(ab[0]) < rank.get(ab[1]);
      assertThat(q.expected()).as(q.text()).isEqualTo(askedLeft == aLeftOfB ? "yes" : "no");
    }
  }

  private static String[] namesIn(String text, Set<String> names) {
    String a = null;
    String b = null;
    int ia = Integer.MAX_VALUE;
    for (String n : names) {
      int i = text.indexOf(n);
      if (i >= 0 && i < ia) {
        b = a;
        a = n;
        ia = i;
      } else if (i >= 0) {
        b = n;
      }
    }
    return new String[] {a, b};
  }

  @Test
  void counts_and_refusals_for_every_scene() {
    List<Question> qs = generate(1, false);
    assertThat(of(qs, Category.COUNT)).extracting(Question::expected).containsExactly("4", "1", "0");
    assertThat(of(qs, Category.ABSENT_REFUSAL)).hasSize(3).allMatch(q -> q.expected().equals("refuse"));
    assertThat(of(qs, Category.UNKNOWN_REFUSAL)).hasSize(3)
        .allMatch(q -> names.strangers().contains(q.subject().orElseThrow()));
    assertThat(of(qs, Category.ABSENT_REFUSAL).get(0).subject()).contains(names.nameOf("eve"));
  }

  @Test
  void descriptions_only_when_asked_and_with_keywords() {
    assertThat(of(generate(1, false), Category.DESCRIPTION)).isEmpty();
    List<Question> d = of(generate(1, true), Category.DESCRIPTION);
    assertThat(d).singleElement().satisfies(q -> {
      assertThat(q.subject()).contains(names.nameOf("ann"));
      assertThat(q.keywords()).containsExactly("red", "umbrella");
    });
  }

  @Test
  void keywords_drop_articles_and_short_words() {
    assertThat(QuestionGenerator.keywords("a fork, eating salad")).containsExactly("fork", "eating", "salad");
    assertThat(QuestionGenerator.keywords("nothing; waving, hand raised")).containsExactly("nothing", "waving", "raised");
  }

  @Test
  void phrasings_vary() {
    Set<String> presence = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      of(generate(seed, false), Category.PRESENCE_YES).forEach(q -> presence.add(q.text().replace(q.subject().orElseThrow(), "X")));
    }
    assertThat(presence).hasSizeGreaterThanOrEqualTo(4);
  }

}
