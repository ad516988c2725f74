package dev.pvit.bench.pbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AnswerReaderTest {
  private static final List<String> OPTIONS = List.of("Amara", "Bruno", "Chiara", Question.NONE_OF_THEM);

  @Test
  void reads_yes_and_no() {
    assertThat(AnswerReader.yesNo("Yes, Amara is in this photo, on the left.")).contains(true);
    assertThat(AnswerReader.yesNo("No, Amara is not in this photo.")).contains(false);
    assertThat(AnswerReader.yesNo("I can't see Amara anywhere.")).contains(false);
    assertThat(AnswerReader.yesNo("Amara is standing on the left.")).isEmpty();
  }

  @Test
  void reads_counts_in_digits_words_and_none() {
    assertThat(AnswerReader.count("2 of your registered people are here: A and B.")).hasValue(2);
    assertThat(AnswerReader.count("None of your registered people are in this photo.")).hasValue(0);
    assertThat(AnswerReader.count("I can see three of them.")).hasValue(3);
    assertThat(AnswerReader.count("Hard to say.")).isEmpty();
  }

  @Test
  void reads_explicit_letters() {
    assertThat(AnswerReader.choice("B", OPTIONS)).contains("B");
    assertThat(AnswerReader.choice("(C) Chiara", OPTIONS)).contains("C");
    assertThat(AnswerReader.choice("A. Amara is there.", OPTIONS)).contains("A");
    assertThat(AnswerReader.choice("The answer is D.", OPTIONS)).contains("D");
  }

  @Test
  void a_sentence_starting_with_a_is_not_option_a() {
    assertThat(AnswerReader.choice("A man in a suit stands next to Bruno.", OPTIONS)).contains("B");
  }

  @Test
  void reads_the_only_mentioned_option_or_none() {
    assertThat(AnswerReader.choice("I believe that is Chiara.", OPTIONS)).contains("C");
    assertThat(AnswerReader.choice("Nobody from the list is here.", OPTIONS)).contains("D");
    assertThat(AnswerReader.choice("Amara and Bruno are here.", OPTIONS)).isEmpty();
  }

  @Test
  void description_keywords_match_stems() {
    assertThat(AnswerReader.mentionsAny("She is eating a salad with a fork.", List.of("fork"))).isTrue();
    assertThat(AnswerReader.mentionsAny("He eats.", List.of("eating"))).isTrue();
    assertThat(AnswerReader.mentionsAny("Holding microphones.", List.of("microphones"))).isTrue();
    assertThat(AnswerReader.mentionsAny("Nothing in hand.", List.of("umbrella"))).isFalse();
  }

  @Property
  void choice_is_empty_or_a_valid_letter(@ForAll String text) {
    assertThat(AnswerReader.choice(text, OPTIONS))
        .satisfiesAnyOf(c -> assertThat(c).isEmpty(), c -> assertThat(c.orElseThrow()).isIn("A", "B", "C", "D"));
  }

  @Property
  void readers_never_throw(@ForAll String text) {
    AnswerReader.yesNo(text);
    AnswerReader.count(text);
    AnswerReader.mentionsAny(text, List.of("fork", "eating"));
  }
}
