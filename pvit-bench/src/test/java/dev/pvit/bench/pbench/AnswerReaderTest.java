package dev.pvit.bench.pbench;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.pvit.bench.pbench.AnswerReader.Stated.ABSENT;
import static dev.pvit.bench.pbench.AnswerReader.Stated.PRESENT;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

  private static final NameFinder NAMES = NameFinder.of(List.of("May", "Will", "Rose", "Mary Ann", "Mary", "Anne",
      "Anne-Marie", "O'Neill", "Nguyễn", "Amara", "Bruno"));

  @Test
  void reads_only_a_leading_yes_or_no() {
    assertThat(AnswerReader.leadingYesNo("Yes, Amara is here.")).contains(true);
    assertThat(AnswerReader.leadingYesNo("  no. She is not.")).contains(false);
    assertThat(AnswerReader.leadingYesNo("Nope!")).contains(false);
    assertThat(AnswerReader.leadingYesNo("Nobody is here.")).isEmpty();
    assertThat(AnswerReader.leadingYesNo("Amara is here, yes.")).isEmpty();
    assertThat(AnswerReader.leadingYesNo("I can't see Amara, so no.")).isEmpty();
  }

  @Test
  void finds_names_that_are_words_by_their_capital() {
    assertThat(NAMES.find("Yes, May is here; it may rain and Will will come.")).containsExactly("May", "Will");
    assertThat(NAMES.find("a rose by any other name")).isEmpty();
  }

  @Test
  void finds_multi_word_hyphenated_apostrophe_and_accented_names_and_possessives() {
    assertThat(NAMES.find("Mary Ann is on the left, Mary on the right.")).containsExactly("Mary Ann", "Mary");
    assertThat(NAMES.find("Anne-Marie is here.")).containsExactly("Anne-Marie");
    assertThat(NAMES.find("O'Neill's jacket is red.")).containsExactly("O'Neill");
    assertThat(NAMES.find("May's brother and Rose’s hat")).containsExactly("May", "Rose");
    String decomposed = java.text.Normalizer.normalize("Nguyễn is here.", java.text.Normalizer.Form.NFD);
    assertThat(NAMES.find(decomposed)).containsExactly("Nguyễn");
    assertThat(NAMES.find("Mayday, Willow and Roses")).isEmpty();
  }

  @Test
  void states_presence_and_absence_per_clause() {
    assertThat(AnswerReader.statedNames("Only partly: Bruno (on the left) is in this photo, but Amara and May are not.",
        NAMES)).containsExactly(entry("Bruno", PRESENT), entry("Amara", ABSENT), entry("May", ABSENT));
    assertThat(AnswerReader.statedNames("No, Amara is not in this photo.", NAMES)).containsExactly(entry("Amara", ABSENT));
    assertThat(AnswerReader.statedNames("Yes, Amara is in this photo, on the left.", NAMES))
        .containsExactly(entry("Amara", PRESENT));
    assertThat(AnswerReader.statedNames("No, Amara isn't missing; she is in the middle.", NAMES))
        .containsExactly(entry("Amara", PRESENT));
    assertThat(AnswerReader.statedNames("Amara is nowhere to be seen.", NAMES)).containsExactly(entry("Amara", ABSENT));
    assertThat(AnswerReader.statedNames("I can't find May anywhere.", NAMES)).containsExactly(entry("May", ABSENT));
    assertThat(AnswerReader.statedNames("3 of them are registered: May, Will and Mary Ann.", NAMES))
        .containsOnlyKeys("May", "Will", "Mary Ann").containsValues(PRESENT);
  }

  @Test
  void states_nothing_about_presence_when_talking_about_knowing_or_other_negations() {
    assertThat(AnswerReader.statedNames("I don't know what Rose looks like.", NAMES)).isEmpty();
    assertThat(AnswerReader.statedNames("Rose is unknown to me.", NAMES)).isEmpty();
    assertThat(AnswerReader.statedNames("I can't tell what Amara is holding.", NAMES)).isEmpty();
    assertThat(AnswerReader.statedNames("Amara is not smiling.", NAMES)).isEmpty();
  }

  @Test
  void a_resemblance_states_nothing_about_presence() {
    assertThat(AnswerReader.statedNames("The face in the middle resembles Amara, but not closely enough to be sure.", NAMES))
        .isEmpty();
    assertThat(AnswerReader.statedNames("Someone on the left bears a resemblance to Rose.", NAMES)).isEmpty();
    assertThat(AnswerReader.statedNames("A lookalike of Will stands on the right.", NAMES)).isEmpty();
    // The rest of the answer is still read.
    assertThat(AnswerReader.statedNames("The face on the left resembles Amara; Rose is not in this photo.", NAMES))
        .containsExactly(entry("Rose", ABSENT));
  }

  @Test
  void reads_the_count_of_registered_people() {
    assertThat(AnswerReader.registeredCount("I count 5 faces. 3 of them are registered: A, B and C.")).hasValue(3);
    assertThat(AnswerReader.registeredCount("None of your registered people are in this photo.")).hasValue(0);
    assertThat(AnswerReader.registeredCount("No, nobody you registered.")).hasValue(0);
    assertThat(AnswerReader.registeredCount("I see two people I recognise.")).hasValue(2);
    assertThat(AnswerReader.registeredCount("There are 4 people here.")).hasValue(4);
    assertThat(AnswerReader.registeredCount("Hard to say.")).isEmpty();
  }

  @Property
  void a_name_is_found_wherever_it_stands(@ForAll("names") String name, @ForAll("frames") String frame) {
    String text = frame.replace("{n}", name);
    assertThat(NameFinder.of(List.of(name)).find(text)).containsExactly(name);
  }

  @Property
  void a_plain_statement_about_a_name_is_presence_and_its_negation_absence(@ForAll("names") String name,
      @ForAll boolean leadingYes) {
    NameFinder f = NameFinder.of(List.of(name));
    String prefix = leadingYes ? "Yes, " : "";
    assertThat(AnswerReader.statedNames(prefix + name + " is in this photo, on the left.", f))
        .containsExactly(entry(name, PRESENT));
    assertThat(AnswerReader.statedNames("No, " + name + " is not in this photo.", f)).containsExactly(entry(name, ABSENT));
    assertThat(AnswerReader.statedNames("I can't see " + name + "'s face anywhere.", f))
        .containsExactly(entry(name, ABSENT));
  }

  @Property
  void statements_only_name_known_names_and_never_throw(@ForAll String text) {
    assertThat(AnswerReader.statedNames(text, NAMES).keySet()).isSubsetOf(NAMES.names());
    AnswerReader.leadingYesNo(text);
    AnswerReader.registeredCount(text);
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.oneOf(
        Arbitraries.of(NamePool.DEFAULT.names()),
        Arbitraries.of("May", "Will", "Rose", "Hope", "Bill", "Anne-Marie", "O'Neill", "de la Cruz", "Nguyễn", "Mary Ann"));
  }

  @Provide
  Arbitrary<String> frames() {
    return Arbitraries.of("{n} is here.", "Yes, {n} is on the left.", "I can see {n}.", "{n}'s jacket is red.",
        "From left to right: Bob and {n} (on the right).", "No, {n} isn't here.", "({n})", "{n}");
  }
}
