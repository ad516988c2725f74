package dev.pvit.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefusalClassifierTest {
  private final RefusalClassifier classifier = RefusalClassifier.create();

  @Test
  void recognises_every_own_template_for_several_names() {
    for (String name : List.of("Alice", "Zoë", "李雷", "Ngọc", "Mary Ann", "O'Brien")) {
      for (String t : Templates.absentRefusals()) {
        String s = Templates.fill(t, name);
        assertThat(classifier.classify(s)).as(s).isEqualTo(RefusalKind.ABSENT);
        assertThat(classifier.classify(s, name)).as(s).isEqualTo(RefusalKind.ABSENT);
      }
      for (String t : Templates.unknownRefusals()) {
        String s = Templates.fill(t, name);
        assertThat(classifier.classify(s)).as(s).isEqualTo(RefusalKind.UNKNOWN);
        assertThat(classifier.classify(s, name)).as(s).isEqualTo(RefusalKind.UNKNOWN);
      }
    }
  }

  @Test
  void introductions_are_not_refusals() {
    for (IntroStyle style : IntroStyle.values()) {
      for (String t : Templates.introductions(style)) {
        String s = Templates.fill(t, "Alice");
        assertThat(classifier.classify(s)).as(s).isEqualTo(RefusalKind.NOT_A_REFUSAL);
      }
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // paraphrases of absence, as other models write them
        "Sorry, Alice isn't in the image.|ABSENT",
        "Alice is not in the image.|ABSENT",
        "I don't see Alice.|ABSENT",
        "I don't see Alice in this picture.|ABSENT",
        "I can't find Bob in the image provided.|ABSENT",
        "I cannot identify Bob in this photo.|ABSENT",
        "Unfortunately, I couldn't locate Bob anywhere in the photo.|ABSENT",
        "Bob does not appear to be in this image.|ABSENT",
        "There is no sign of Bob here.|ABSENT",
        "**Bob** is not present in the picture.|ABSENT",
        "Bob’s not in this photo, but Alice is smiling.|ABSENT",
        "There's no Bob in this photo.|ABSENT",
        "The photo doesn't show Bob.|ABSENT",
        "She is not visible in this image.|ABSENT",
        "None of the people in the picture is Bob.|ABSENT",
        "I do not see anyone resembling Bob in the image.|ABSENT",
        "Bob does not seem to be present in the image.|ABSENT",
        "I cannot find anyone matching Bob's description in the image.|ABSENT",
        "Based on the image, there is no indication of Bob being present.|ABSENT",
        "Bob is not among the individuals pictured.|ABSENT",
        "The person you mentioned, Bob, doesn't appear in this photo.|ABSENT",
        "Bob can't be seen in this picture.|ABSENT",
        "Sorry, I couldn't find Bob.|ABSENT",
        "Bob isn't present.|ABSENT",
        "I see no one who looks like Bob.|ABSENT",
        // paraphrases of an unknown name
        "Sorry, I do not know what Carol looks like.|UNKNOWN",
        "I don't know what Carol looks like, so I can't say.|UNKNOWN",
        "I do not recognize Carol.|UNKNOWN",
        "My database doesn't include a visual of Travis.|UNKNOWN",
        "There is no one named Carol in the references you gave.|UNKNOWN",
        "I have no reference image for Carol.|UNKNOWN",
        "Who is Carol? I'm not familiar with her.|UNKNOWN",
        "I cannot identify Carol.|UNKNOWN",
        "I can't identify people based on their faces.|UNKNOWN",
        "Carol hasn't been introduced, so I can't tell.|UNKNOWN",
        "I'm not sure who Carol is.|UNKNOWN",
        "The name Carol doesn't ring a bell.|UNKNOWN",
        "I have never seen Carol before.|UNKNOWN",
        "I'm unable to determine who Carol is from this image.|UNKNOWN",
        "I don't have information about who Carol is.|UNKNOWN",
        "It's not possible to tell who Carol is without a reference.|UNKNOWN",
        "I'm sorry, but I can't identify people in images.|UNKNOWN",
        // answers with negations that are not refusals
        "Alice is not smiling.|NOT_A_REFUSAL",
        "Alice is holding a red cup.|NOT_A_REFUSAL",
        "Bob isn't wearing glasses.|NOT_A_REFUSAL",
        "No, Alice is not wearing a hat.|NOT_A_REFUSAL",
        "There is no dog in the image.|NOT_A_REFUSAL",
        "Alice is not in the kitchen; she is standing in a garden.|NOT_A_REFUSAL",
        "I can see Alice on the left; she is not looking at the camera.|NOT_A_REFUSAL",
        "Yes, Alice is in the image, standing next to Bob.|NOT_A_REFUSAL",
        "Alice doesn't appear to be happy.|NOT_A_REFUSAL",
        "Nobody in the image is wearing a hat.|NOT_A_REFUSAL",
        "I don't see any cars in this photo.|NOT_A_REFUSAL",
        "Alice never smiles in photos.|NOT_A_REFUSAL",
        "I don't think Alice is sad; she is laughing.|NOT_A_REFUSAL",
        "Alice is the one without a hat.|NOT_A_REFUSAL",
        "The picture does not show Alice's face clearly, but she seems to be smiling.|NOT_A_REFUSAL",
        "I'm not sure what Alice is holding; it looks like a phone.|NOT_A_REFUSAL",
        "I don't know Alice's age, but she looks young.|NOT_A_REFUSAL",
        "Alice is not Bob's sister.|NOT_A_REFUSAL",
        "The woman on the left is not Alice; Alice is on the right.|NOT_A_REFUSAL",
        "Alice is missing a tooth.|NOT_A_REFUSAL",
        "Bob is not one to smile.|NOT_A_REFUSAL",
        "Alice and Bob are sitting at a table; nobody is standing.|NOT_A_REFUSAL",
        "Two people are in the image: Alice and Bob.|NOT_A_REFUSAL",
        "Alice.|NOT_A_REFUSAL",
        "Alice is not present at the table; she is by the window.|NOT_A_REFUSAL",
        "Nobody is holding Alice's bag.|NOT_A_REFUSAL",
        "I cannot see Alice's face clearly.|NOT_A_REFUSAL",
        "Alice does not appear happy.|NOT_A_REFUSAL",
        "Bob is not sure what Alice is holding.|NOT_A_REFUSAL",
        "|NOT_A_REFUSAL"
      })
  void classifies_paraphrases_and_non_refusals(String answer, RefusalKind expected) {
    String text = answer == null ? "" : answer;
    assertThat(classifier.classify(text)).as(text).isEqualTo(expected);
  }

  @Test
  void named_classification_only_counts_that_name() {
    assertThat(classifier.classify("Bob is not in the image.", "Alice")).isEqualTo(RefusalKind.NOT_A_REFUSAL);
    assertThat(classifier.classify("bob is not in the image.", "Bob")).isEqualTo(RefusalKind.ABSENT);
    assertThat(classifier.classify("I don't know who she is.", "Carol")).isEqualTo(RefusalKind.UNKNOWN);
    assertThat(classifier.isRefusal("Alice is not smiling.")).isFalse();
  }
}
