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
  void a_conjunction_of_questions_asks_each() {
    assertThat(form("Is Alice smiling and is Bob here?"))
        .isEqualTo("yes_no(all[Alice, Bob]; and(yes_no(all[Alice]; shows(happy)), yes_no(all[Bob]; present)))");
    assertThat(form("alice on the left and bob on the right?"))
        .isEqualTo("yes_no(all[Alice, Bob]; and(yes_no(all[Alice]; in_third(left)), yes_no(all[Bob]; in_third(right))))");
    assertThat(form("Is Alice smiling but Bob not?"))
        .isEqualTo("yes_no(all[Alice, Bob]; and(yes_no(all[Alice]; shows(happy)), yes_no(all[Bob]; shows(happy); not)))");
    assertThat(form("Alice smiling & Bob on the right?"))
        .isEqualTo("yes_no(all[Alice, Bob]; and(yes_no(all[Alice]; shows(happy)), yes_no(all[Bob]; in_third(right))))");
    assertThat(form("Is Alice here but not Bob?"))
        .isEqualTo("yes_no(all[Alice, Bob]; and(yes_no(all[Alice]; present), yes_no(all[Bob]; present; not)))");
    assertThat(form("Is Alice older than both Bob and Zoë?"))
        .isEqualTo("yes_no(all[Alice, Bob, Zoë]; and(yes_no(all[Alice]; older(Bob)), yes_no(all[Alice]; older(Zoë))))");
    // "Penny and Leonard are…": the conjunction joins the subject, not two questions
    assertThat(form("Alice and Bob are both smiling, right?")).isEqualTo("yes_no(all[Alice, Bob]; shows(happy))");
  }

  @Test
  void several_predicates_of_one_subject_hold_of_the_same_face() {
    assertThat(form("Is Alice here and smiling?")).isEqualTo("yes_no(all[Alice]; and(present,shows(happy)))");
    assertThat(form("Is anybody both old and cheerful?")).isEqualTo("yes_no(some; and(over(65),shows(happy)))");
    assertThat(form("How many people are smiling and on the right?"))
        .isEqualTo("how_many(those; and(shows(happy),in_third(right)))");
    assertThat(form("Is anyone on the left frowning?")).isEqualTo("yes_no(some; and(in_third(left),shows(upset)))");
    assertThat(form("Is everybody at the back smiling?")).isEqualTo("yes_no(every; among(back_row,shows(happy)))");
    // a second person of a relation given as a description is not read as a presence question
    assertThat(PARSER.parse("Is Alice next to Bob and the stranger?", List.of()).form()).isEmpty();
    // "the oldest smiling" may mean the oldest of those who smile: not said of one face
    assertThat(PARSER.parse("Who is the oldest smiling?", List.of()).form()).isEmpty();
    assertThat(form("Is Alice the youngest and smiling?")).isEqualTo("yes_no(all[Alice]; and(youngest,shows(happy)))");
  }

  @Test
  void rows_and_depth_are_read_from_the_photo() {
    assertThat(form("Who's in the back row?")).isEqualTo("who(those; back_row)");
    assertThat(form("how many people are in the bottom row")).isEqualTo("how_many(those; front_row)");
    assertThat(form("Is Bob at the front?")).isEqualTo("yes_no(all[Bob]; front_row)");
    assertThat(form("Who is standing behind Alice?")).isEqualTo("who(those; behind(Alice))");
    assertThat(form("Is Bob above Alice?")).isEqualTo("yes_no(all[Bob]; behind(Alice))");
    assertThat(form("Who is in front of Bob?")).isEqualTo("who(those; in_front_of(Bob))");
  }

  @Test
  void a_described_face_can_stand_where_a_name_does() {
    assertThat(form("Who is next to the oldest person?")).isEqualTo("who(those; next_to(the(oldest)))");
    assertThat(form("Who stands beside the one who is smiling?")).isEqualTo("who(those; next_to(the(shows(happy))))");
    assertThat(form("Is the person left of Bob smiling?")).isEqualTo("yes_no(the(left_of(Bob)); shows(happy))");
    assertThat(form("Is the youngest next to Alice?")).isEqualTo("yes_no(the(youngest); next_to(Alice))");
    assertThat(form("Who is between Alice and the stranger?")).isEqualTo("who(those; between(Alice,the_unknown))");
    // gender is not a description the faces give
    assertThat(PARSER.parse("Who is next to the smiling man?", List.of()).form()).isEmpty();
  }

  @Test
  void numbers_of_people_are_quantifiers() {
    assertThat(form("At least two people smiling?")).isEqualTo("yes_no(at_least_2; shows(happy))");
    assertThat(form("Are there more than three strangers?")).isEqualTo("yes_no(at_least_4_unknown; present)");
    assertThat(form("Are there fewer than 3 people smiling?")).isEqualTo("yes_no(at_most_2; shows(happy))");
    assertThat(form("Is there exactly one stranger?")).isEqualTo("yes_no(exactly_1_unknown; present)");
    assertThat(form("Are most people sad?")).isEqualTo("yes_no(most; shows(sad))");
    // every face of the photo is in it: "most people here" would be no question about the faces
    assertThat(PARSER.parse("Are most people here?", List.of()).form()).isEmpty();
    assertThat(form("Are all three smiling?")).isEqualTo("yes_no(every_3; shows(happy))");
    // "exactly" before anything but a number still means nothing
    assertThat(form("Who is exactly in the middle?")).isEqualTo("who(those; ranked(center,1))");
  }

  @Test
  void presence_together_and_titles() {
    assertThat(form("Is Alice here along with Bob?")).isEqualTo("yes_no(all[Alice, Bob]; present)");
    assertThat(form("Are Alice and Bob in the picture together?")).isEqualTo("yes_no(all[Alice, Bob]; present)");
    assertThat(form("Is Alice with Bob?")).isEqualTo("yes_no(all[Alice, Bob]; present)");
    assertThat(PARSER.parse("Is Alice by Bob?", List.of()).form()).isEmpty();
    Map<String, List<String>> people = new LinkedHashMap<>();
    people.put("Dr. Chen", List.of("Dr. Chen"));
    people.put("Mrs. Patel", List.of("Mrs. Patel"));
    QuestionParser titled = new QuestionParser(people);
    assertThat(titled.parse("Is Chen here?", List.of()).form().map(Object::toString))
        .contains("yes_no(all[Dr. Chen]; present)");
    assertThat(titled.parse("Is Doctor Chen next to Ms Patel?", List.of()).form().map(Object::toString))
        .contains("yes_no(all[Dr. Chen]; next_to(Mrs. Patel))");
    // a title-less name that is someone else's is theirs, not the titled person's
    people.put("Chen", List.of("Chen"));
    assertThat(new QuestionParser(people).parse("Is Chen here?", List.of()).people()).containsExactly("Chen");
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
