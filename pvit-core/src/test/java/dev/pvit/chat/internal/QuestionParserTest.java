package dev.pvit.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvit.chat.Intent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuestionParserTest {
  private static final QuestionParser PARSER;

  static {
    Map<String, List<String>> people = new LinkedHashMap<>();
    people.put("Alice", List.of("Alice", "Ali"));
    people.put("Bob", List.of("Bob", "Robert"));
    people.put("Zoë", List.of("Zoë"));
    people.put("Mary Jane", List.of("Mary Jane"));
    people.put("李雷", List.of("李雷"));
    people.put("Ngọc", List.of("Ngọc"));
    PARSER = new QuestionParser(people);
  }

  static Stream<Arguments> paraphrases() {
    return Stream.of(
        // presence
        q("Is Alice in this photo?", Intent.PRESENCE, "Alice"),
        q("Is Alice here?", Intent.PRESENCE, "Alice"),
        q("is alice here", Intent.PRESENCE, "Alice"),
        q("Can you see Alice?", Intent.PRESENCE, "Alice"),
        q("Do you see Bob anywhere in the picture?", Intent.PRESENCE, "Bob"),
        q("Does Alice appear in the image?", Intent.PRESENCE, "Alice"),
        q("Alice?", Intent.PRESENCE, "Alice"),
        q("Is alice in this phtoo?", Intent.PRESENCE, "Alice"),
        q("Is Alice in this pictrue?", Intent.PRESENCE, "Alice"),
        q("Are Alice and Bob both here?", Intent.PRESENCE, "Alice", "Bob"),
        q("Is Robert present?", Intent.PRESENCE, "Bob"),
        q("Is ZOE in the shot?", Intent.PRESENCE, "Zoë"),
        q("is zoe here?", Intent.PRESENCE, "Zoë"),
        q("Is Mary Jane in the picture?", Intent.PRESENCE, "Mary Jane"),
        q("Is 李雷 here?", Intent.PRESENCE, "李雷"),
        q("Is Ngoc visible?", Intent.PRESENCE, "Ngọc"),
        q("Could you spot Bob in this image?", Intent.PRESENCE, "Bob"),
        q("Is Alice's face visible here?", Intent.PRESENCE, "Alice"),
        // identify
        q("Who is in this photo?", Intent.IDENTIFY),
        q("Who's here?", Intent.IDENTIFY),
        q("who do you see", Intent.IDENTIFY),
        q("Do you recognize anyone?", Intent.PRESENCE),
        q("Is anyone I know in this picture?", Intent.PRESENCE),
        q("Name everyone in the photo.", Intent.IDENTIFY),
        q("Who is in this pciture?", Intent.IDENTIFY),
        // identify at position
        q("Who is on the left?", Intent.IDENTIFY_AT_POSITION),
        q("Who's in the middle?", Intent.IDENTIFY_AT_POSITION),
        q("who is standing on the far right", Intent.IDENTIFY_AT_POSITION),
        q("Who is the person in the centre?", Intent.IDENTIFY_AT_POSITION),
        q("Identify the person on the rigth.", Intent.IDENTIFY_AT_POSITION),
        // locate
        q("Where is Bob?", Intent.LOCATE, "Bob"),
        q("Where's Bob standing?", Intent.LOCATE, "Bob"),
        q("which side is alice on?", Intent.LOCATE, "Alice"),
        q("Which one is Alice?", Intent.LOCATE, "Alice"),
        q("Whree is Bob?", Intent.LOCATE, "Bob"),
        // relative
        q("Is Alice left of Bob?", Intent.RELATIVE_POSITION, "Alice", "Bob"),
        q("Is Alice to the right of Bob?", Intent.RELATIVE_POSITION, "Alice", "Bob"),
        q("Is Bob standing next to Alice?", Intent.NEIGHBOURS, "Bob", "Alice"),
        q("is bob on the left side of alice", Intent.RELATIVE_POSITION, "Bob", "Alice"),
        // count
        q("How many of my people are here?", Intent.COUNT),
        q("How many people are in the photo?", Intent.COUNT),
        q("how many faces can you see", Intent.COUNT),
        q("Count the people in this picture.", Intent.COUNT),
        q("How many poeple do you recognise?", Intent.COUNT),
        // expression / age
        q("Is Alice smiling?", Intent.EXPRESSION, "Alice"),
        q("How does Bob look?", Intent.EXPRESSION, "Bob"),
        q("What's Alice's expression?", Intent.EXPRESSION, "Alice"),
        q("Does Bob look happy?", Intent.EXPRESSION, "Bob"),
        q("How old is Alice?", Intent.AGE, "Alice"),
        q("What age does Bob appear to be?", Intent.AGE, "Bob"),
        // describe
        q("What is Bob holding?", Intent.DESCRIBE, "Bob"),
        q("What is Alice wearing?", Intent.DESCRIBE, "Alice"),
        q("Describe Alice's outfit.", Intent.DESCRIBE, "Alice"),
        q("What is Alice doing?", Intent.DESCRIBE, "Alice"),
        q("What's the weather like?", Intent.DESCRIBE));
  }

  private static Arguments q(String question, Intent intent, String... people) {
    return Arguments.of(question, intent, List.of(people));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paraphrases")
  void classifies_paraphrases(String question, Intent intent, List<String> people) {
    ParsedQuestion p = PARSER.parse(question, List.of());
    assertThat(p.intent()).as("intent of '%s'", question).isEqualTo(intent);
    assertThat(p.people()).as("people in '%s'", question).containsExactlyElementsOf(people);
    assertThat(p.unknownNames()).as("unknown names in '%s'", question).isEmpty();
  }

  static Stream<Arguments> unknownNames() {
    return Stream.of(
        Arguments.of("Is Zara here?", List.of("Zara")),
        Arguments.of("is zara here?", List.of("zara")),
        Arguments.of("Where is Karim?", List.of("Karim")),
        Arguments.of("where's karim", List.of("karim")),
        Arguments.of("What is Priya holding?", List.of("Priya")),
        Arguments.of("Is Alice next to Tomasz?", List.of("Tomasz")),
        Arguments.of("Is alice left of tomasz?", List.of("tomasz")),
        Arguments.of("Can you see Olufemi in this photo?", List.of("Olufemi")),
        Arguments.of("Zara here?", List.of("Zara")),
        Arguments.of("Is Alice or Quentin in the picture?", List.of("Quentin")),
        Arguments.of("Does Hiroshi look happy?", List.of("Hiroshi")),
        Arguments.of("Is Mary here?", List.of("Mary")),
        Arguments.of("Where is James?", List.of("James")),
        Arguments.of("What is Conor holding?", List.of("Conor")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unknownNames")
  void finds_unregistered_names(String question, List<String> unknown) {
    assertThat(PARSER.parse(question, List.of()).unknownNames()).containsExactlyElementsOf(unknown);
  }

  static Stream<String> noUnknownNames() {
    return Stream.of(
        "Compare Alice and Bob.", "Is everyone smiling?", "Is the man on the left Bob?",
        "Who is in this photo?", "Is anybody here?", "Is it Alice?", "Is there a dog?",
        "Are they happy?", "Describe the scene.", "Is Alice in this phtoo?", "What is he holding?",
        "How many people are here?", "Show me who is on the right.", "Is she here?");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("noUnknownNames")
  void common_words_are_not_names(String question) {
    assertThat(PARSER.parse(question, List.of()).unknownNames()).isEmpty();
  }

  @Test
  void count_of_registered_people_is_told_apart_from_all_faces() {
    assertThat(form("How many of my people are here?")).isEqualTo("how_many(those_known; present)");
    assertThat(form("How many people do you recognise?")).isEqualTo("how_many(those_known; present)");
    assertThat(form("How many people are in the photo?")).isEqualTo("how_many(those; present)");
    assertThat(form("How many people are not registered?")).isEqualTo("how_many(those_unknown; present)");
  }

  @Test
  void side_is_extracted() {
    assertThat(form("Who is on the left?")).isEqualTo("who(those; in_third(left))");
    assertThat(form("Who is rightmost?")).isEqualTo("who(those; ranked(right,1))");
    assertThat(form("Who is in the middle?")).isEqualTo("who(those; ranked(center,1))");
    assertThat(form("Is Alice on the right?")).isEqualTo("yes_no(all[Alice]; in_third(right))");
  }

  @Test
  void pronoun_refers_to_the_last_person_of_the_conversation() {
    ParsedQuestion first = PARSER.parse("Is Alice here?", List.of());
    ParsedQuestion p = PARSER.parse("Is she smiling?", List.of(PARSER.parse("Is Bob here?", List.of()), first));
    assertThat(p.people()).containsExactly("Alice");
    assertThat(p.intent()).isEqualTo(Intent.EXPRESSION);
  }

  @Test
  void typo_correction_is_bounded() {
    assertThat(form("Is Alice in this phtoo?")).isEqualTo("yes_no(all[Alice]; present)");
    assertThat(form("Is Alice smiilng?")).isEqualTo("yes_no(all[Alice]; shows(happy))");
    assertThat(PARSER.parse("Is Alice a zebra?", List.of()).form()).isEmpty();
  }

  private static String form(String question) {
    return PARSER.parse(question, List.of()).form().map(Object::toString).orElse("none");
  }
}
