package dev.pvit.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The families fixed after the third blind round, each with wordings of its own (not the blind
 * files'): credentials after a name, generational suffixes, relations through a possessor or an
 * acronym, captions, lower-case word-names that the record capitalises inside a sentence, hedges, template slots of other
 * languages, the reason in the error, and the refusal families (elliptical subjects, exceptions,
 * factive complements, graded difficulty, compound image nouns).
 */
class Round3FamiliesTest {
  private final LlavaConversationParser parser = LlavaConversationParser.create();
  private final RefusalClassifier classifier = RefusalClassifier.create();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "This is Tomasz Wójcik, MD.|Describe the scene.|Tomasz Wójcik",
        "Meet Imani Okoro PhD, our advisor.|Describe the scene.|Imani Okoro",
        "Here is Prof. Lucía Ferrer, Ph.D., M.Sc.|Describe the scene.|Lucía Ferrer",
        "This is Paul Otieno, Esq., at his desk.|Describe the scene.|Paul Otieno",
        "Meet Imani Okoro, MD, in a photo.|Where is Imani Okoro, MD standing?|Imani Okoro, MD",
        "This is Wang LI.|Describe the scene.|Wang LI",
        "This is Louis Mbeki III.|Describe the scene.|Louis Mbeki III",
        "Here is Carl Osei Sr. at the lake.|Describe the scene.|Carl Osei Sr.",
        "This is Noor's colleague Idris.|Describe the scene.|Idris",
        "This is Noor's cousin, Idris.|Describe the scene.|Idris",
        "Say hello to our VP, Ms. Dana Wu.|Describe the scene.|Dana Wu",
        "Uncle Femi at the wedding.|Describe the scene.|Femi",
        "Idris at the harbour.|What is Idris holding?|Idris",
        "Idris waving at the camera.|Is Idris happy?|Idris",
        "meet jolanta|Describe the scene.|jolanta",
        "here is a photo of autumn|What is Autumn holding?|autumn",
        "this is piper lane|Is Piper Lane smiling?|piper lane",
        "Remember Idris? That's him.|Describe the scene.|Idris",
        "This is Ahmad ash-Shami.|Describe the scene.|Ahmad ash-Shami",
        "This is Ciarán O’Dea.|Describe the scene.|Ciarán O’Dea"
      })
  void the_introduction_gives_the_name(String intro, String question, String name) {
    assertThat(names(intro, question)).containsExactly(name);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Idris at the harbour.|can be anyone",
        "Meet Idris and his brother Yaw.|names more than one person",
        "Fairly sure this is Idris.|fairly sure",
        "Seems like Idris.|hedged",
        "That looks like Idris.|looks like",
        "Is that Idris?|'?'",
        "Might be Idris?|hedged",
        "Reportedly this is Idris.|reportedly",
        "This is anyone but Idris, except Idris.|hedged",
        "This is %(person)s.|unfilled template slot '%(person)s'",
        "This is $who.|unfilled template slot '$who'",
        "This is __PERSON__.|unfilled template slot '__PERSON__'",
        "This is Noor's father.|Cannot find the name",
        "This is Imani Okoro MD.|Cannot tell the name",
        "here is a photo of autumn|Cannot find the name"
      })
  void undecidable_introductions_are_errors_that_say_why(String intro, String reason) {
    var error = assertThatThrownBy(() -> names(intro, "Describe the scene.")).isInstanceOf(InvalidPromptException.class)
        .hasMessageContaining(intro.replaceAll("[.?]$", ""));
    if (!reason.equals("can be anyone")) {
      error.hasMessageContaining(reason.equals("hedged") ? "negated, hedged or asked" : reason);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Yaw? Nowhere in this photo, I'm afraid.|ABSENT",
        "Two women are visible, but neither of them is Yaw.|ABSENT",
        "Yaw does not appear in this crowd shot.|ABSENT",
        "Mr. de Souza is not in the picture.|ABSENT",
        "Kyung-soo isn't in this image.|ABSENT",
        "idk what yaw looks like|UNKNOWN",
        "I was never given a picture of Yaw.|UNKNOWN",
        "I'm not acquainted with Ms. van Dijk.|UNKNOWN",
        "Nobody except Yaw is in the photo.|NOT_A_REFUSAL",
        "No one apart from Yaw is visible here.|NOT_A_REFUSAL",
        "Yaw doesn't know he is being filmed.|NOT_A_REFUSAL",
        "It isn't difficult to find Yaw: he's in the front.|NOT_A_REFUSAL",
        "Recognition of Yaw is beyond my capability.|UNKNOWN",
        "There is no T-shirt in the photo.|NOT_A_REFUSAL",
        "Yaw? Sorry, we have never met.|UNKNOWN",
        "We met Yaw last year; he is on the left.|NOT_A_REFUSAL"
      })
  void answers_keep_their_family(String answer, RefusalKind kind) {
    assertThat(classifier.classify(answer)).as(answer).isEqualTo(kind);
  }

  private List<String> names(String intro, String question) {
    return parser.parse(Fixtures.llavaRecord("<image>\n" + intro + "\n<image>\n" + question)).prompt().people()
        .stream().map(PromptPerson::name).toList();
  }
}
