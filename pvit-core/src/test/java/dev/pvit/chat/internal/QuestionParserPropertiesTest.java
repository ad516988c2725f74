package dev.pvit.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvit.face.Box;
import dev.pvit.face.DetectedFace;
import dev.pvit.face.Expression;
import dev.pvit.face.FaceAttributes;
import dev.pvit.face.FaceDescriptor;
import dev.pvit.face.Point;
import dev.pvit.face.RecognizedFace;
import dev.pvit.face.SceneRecognition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the question parser: fillers, punctuation and case never change a question's
 * logical form; a word outside the lexicon never gets a yes/no; a registered name is found wherever
 * it stands.
 */
class QuestionParserPropertiesTest {
  private static final List<String> PEOPLE = List.of("Alice", "Bob", "Carol", "Anne-Marie", "O'Neill", "de la Cruz");
  private static final QuestionParser PARSER = parser(PEOPLE);

  /** Understood questions over the registered people (none of their names is an English word). */
  private static final List<String> QUESTIONS = List.of(
      "Is Alice here", "Is Bob missing from this photo", "Are Alice and Carol both in the picture",
      "Is either Bob or Carol in this shot", "Is Alice on the left", "Which side is Bob on",
      "Who is second from the left", "Who is on the far right", "Who is next to Alice",
      "Is Bob between Alice and Carol", "Is Alice to the left of Bob", "How many people are not registered",
      "How many people are smiling", "Is Alice smiling", "Does Bob look older than Alice",
      "Who looks happiest", "Who is the youngest", "How old is Carol", "Where is Anne-Marie",
      "Is O'Neill next to de la Cruz", "Is there anyone you don't know", "Who is in the photo",
      "Tell me whether Carol is in the image", "Bob is here, isn't he", "Can you see Alice anywhere",
      "Is anyone I know in this photo", "Who is missing", "Are Alice and Bob next to each other");

  private static final List<String> FILLERS = List.of(
      "please", "really", "actually", "just", "hey", "kindly", "ok", "so", "now", "also", "currently", "exactly");

  private static QuestionParser parser(List<String> names) {
    Map<String, List<String>> people = new LinkedHashMap<>();
    names.forEach(n -> people.put(n, List.of(n)));
    return new QuestionParser(people);
  }

  @Provide
  Arbitrary<String> questions() {
    return Arbitraries.of(QUESTIONS);
  }

  @Property(tries = 300)
  void fillers_punctuation_and_case_never_change_the_logical_form(@ForAll("questions") String question,
      @ForAll long seed) {
    Random r = new Random(seed);
    String expected = form(question);
    assertThat(expected).as(question).isNotEqualTo("none");
    StringBuilder sb = new StringBuilder();
    for (String word : question.split(" ")) {
      if (r.nextInt(3) == 0) {
        sb.append(FILLERS.get(r.nextInt(FILLERS.size()))).append(r.nextBoolean() ? ", " : " ");
      }
      sb.append(recase(word, r)).append(r.nextInt(5) == 0 ? ", " : " ");
    }
    String varied = sb.toString().strip() + List.of("?", "", ".", "!", "?!", "??", " ?").get(r.nextInt(7));
    assertThat(form(varied)).as(varied).isEqualTo(expected);
  }

  /** Upper, lower or title case; a capital is evidence for a name only in mid-sentence, never a change of form. */
  private static String recase(String word, Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> word.toUpperCase(Locale.ROOT);
      case 1 -> word.toLowerCase(Locale.ROOT);
      default -> word;
    };
  }

  @Provide
  Arbitrary<String> strangeWords() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(4).ofMaxLength(9)
        .filter(w -> !Lexicon.known(w) && Lexicon.correct(w).isEmpty());
  }

  @Property(tries = 300)
  void a_word_outside_the_lexicon_never_gets_a_yes_or_no(@ForAll("questions") String question,
      @ForAll("strangeWords") String word, @ForAll @IntRange(min = 0, max = 20) int at) {
    List<String> words = new ArrayList<>(List.of(question.split(" ")));
    words.add(Math.min(at, words.size()), word);
    String q = String.join(" ", words) + "?";
    ParsedQuestion p = PARSER.parse(q, List.of());
    Reply reply = new EmbeddedAnswerer(new EmbeddedAnswererTest.FixedRefusals(), () -> PEOPLE)
        .answer(p, scene(), new Random(1));
    assertThat(reply.text()).as(q + " -> " + p.form()).doesNotStartWith("Yes").doesNotStartWith("No");
  }

  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> syllable = Arbitraries.of("ka", "lo", "mi", "ran", "tu", "zel", "bor", "fi", "nad", "que", "vy",
        "dro", "sha", "ix", "pe");
    return Arbitraries.oneOf(
        syllable.list().ofMinSize(2).ofMaxSize(4).map(l -> String.join("", l)),
        Arbitraries.of("Zoë", "Nguyễn", "Jean-Luc", "D'Arcy", "van der Berg", "María José", "Søren", "Łukasz"))
        .map(n -> Character.toUpperCase(n.charAt(0)) + n.substring(1))
        .filter(n -> n.contains(" ") || n.contains("-") || n.contains("'")
            || !Lexicon.known(dev.pvit.person.Person.matchKey(n)));
  }

  private static final List<String> SLOTS = List.of(
      "Is X here?", "X is here, isn't she?", "Where is X?", "Who is next to X?", "Is Alice next to X?",
      "How old is X?", "Is X's face visible?", "Tell me if X is in the photo.", "is x smiling", "Is Bob or X here?",
      "Is Alice between Bob and X?", "Who is older, Alice or X?", "Does X look happy?", "Can you see X?",
      "X?", "Is X on the far left?", "Is X second from the right?", "X, is he in this picture?");

  @Property(tries = 300)
  void a_registered_name_is_found_wherever_it_stands(@ForAll("names") String name,
      @ForAll @IntRange(min = 0, max = 17) int slot) {
    List<String> gallery = new ArrayList<>(List.of("Alice", "Bob"));
    gallery.add(name);
    String template = SLOTS.get(slot);
    String q = template.startsWith("is x") ? template.replace("x", name.toLowerCase(Locale.ROOT))
        : template.replace("X", name);
    ParsedQuestion p = parser(gallery).parse(q, List.of());
    assertThat(p.people()).as(q).contains(name);
    assertThat(p.unknownNames()).as(q).isEmpty();
    assertThat(p.form()).as(q).isPresent();
  }

  private static String form(String question) {
    return PARSER.parse(question, List.of()).form().map(Object::toString).orElse("none");
  }

  /** Alice (happy, 30) on the left, a stranger in the middle, Bob (neutral, 50) on the right; Carol absent. */
  private static SceneRecognition scene() {
    List<RecognizedFace> faces = new ArrayList<>();
    Object[][] spec = {{100, "Alice", 30.0, Expression.HAPPY}, {420, null, 40.0, Expression.NEUTRAL},
        {750, "Bob", 50.0, Expression.NEUTRAL}};
    for (Object[] f : spec) {
      Map<Expression, Double> probs = new EnumMap<>(Expression.class);
      for (Expression e : Expression.values()) {
        probs.put(e, e == f[3] ? 0.9 : 0.0);
      }
      double x = (Integer) f[0];
      DetectedFace d = new DetectedFace(new Box(x, 150, 60, 60), 0.9, Collections.nCopies(68, new Point(x, 180)),
          FaceDescriptor.of(new float[128]), Optional.of(new FaceAttributes((Double) f[2], 0.5, probs)));
      faces.add(new RecognizedFace(d, Optional.ofNullable((String) f[1]), f[1] == null ? 0.8 : 0.4, List.of()));
    }
    return new SceneRecognition(900, 600, faces);
  }
}
