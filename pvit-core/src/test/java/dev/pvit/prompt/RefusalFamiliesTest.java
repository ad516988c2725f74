package dev.pvit.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The refusal families fixed after the second blind round, each with wordings of its own (not the
 * blind files'): a title before the person, contractions typed without an apostrophe, person-only
 * slots in lower-case text, "anyone named X" searched for in the scene, and evidence nouns whose
 * object is a state of the person rather than the person.
 */
class RefusalFamiliesTest {
  private final RefusalClassifier classifier = RefusalClassifier.create();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "I have never been introduced to Dr. Okonkwo.|Okonkwo|UNKNOWN",
        "Okonkwo isn't in the photo.|Dr. Okonkwo|ABSENT",
        "Sorry, Prof. Lindqvist does not appear in this image.|Lindqvist|ABSENT",
        "Unfortunately, Mrs Adebayo is nowhere to be seen here.|Adebayo|ABSENT",
        "I don't know who Madame Roux is.|Roux|UNKNOWN",
        "Dr. Lindqvist is not wearing a lab coat.|Lindqvist|NOT_A_REFUSAL",
        "I can't see Professor Ngata's hands.|Ngata|NOT_A_REFUSAL"
      })
  void a_title_before_the_person_is_part_of_the_mention(String answer, String name, RefusalKind kind) {
    assertThat(classifier.classify(answer, name)).as(answer).isEqualTo(kind);
    assertThat(classifier.classify(answer)).as(answer).isEqualTo(kind);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "i cant find Tariq in this photo|Tariq|ABSENT",
        "sorry i dont recognise Ellis|Ellis|UNKNOWN",
        "Noor isnt in the picture|Noor|ABSENT",
        "Im not familiar with Dagny|Dagny|UNKNOWN",
        "Ive got no idea who Bertil is|Bertil|UNKNOWN",
        "Odile doesnt look happy|Odile|NOT_A_REFUSAL",
        "i cant see Pavel's shoes|Pavel|NOT_A_REFUSAL"
      })
  void contractions_without_an_apostrophe_negate(String answer, String name, RefusalKind kind) {
    assertThat(classifier.classify(answer, name)).as(answer).isEqualTo(kind);
    assertThat(classifier.classify(answer)).as(answer).isEqualTo(kind);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "no idea what june looks like|UNKNOWN",
        "i dont know who will is|UNKNOWN",
        "honestly i can't say who ingrid is.|UNKNOWN",
        "i dont know what the dog looks like|NOT_A_REFUSAL",
        "i don't know who this is, but she is on the left|NOT_A_REFUSAL",
        "i'm not sure who paula is talking to|NOT_A_REFUSAL"
      })
  void person_only_slots_find_a_lower_case_name_without_being_told_it(String answer, RefusalKind kind) {
    assertThat(classifier.classify(answer)).as(answer).isEqualTo(kind);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "I don't spot anybody called Hamid.|Hamid|ABSENT",
        "Nobody called Hamid is visible here.|Hamid|ABSENT",
        "There isn't anyone named Hamid around.|Hamid|ABSENT",
        "I have no record of anyone called Hamid.|Hamid|UNKNOWN",
        "I haven't been told about anyone named Hamid.|Hamid|UNKNOWN",
        "I've never seen anyone named Hamid before.|Hamid|UNKNOWN"
      })
  void anyone_named_the_person_is_searched_in_the_scene_or_in_what_was_introduced(
      String answer, String name, RefusalKind kind) {
    assertThat(classifier.classify(answer, name)).as(answer).isEqualTo(kind);
    assertThat(classifier.classify(answer)).as(answer).isEqualTo(kind);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "There is no indication of Vera being angry.|Vera|NOT_A_REFUSAL",
        "There's no trace of Oskar looking worried; he seems calm.|Oskar|NOT_A_REFUSAL",
        "I see no evidence of Lumi being cold.|Lumi|NOT_A_REFUSAL",
        "No sign of Vera being here at all.|Vera|ABSENT",
        "There is no trace of Oskar anywhere in this photo.|Oskar|ABSENT",
        "No indication of Lumi can be seen.|Lumi|ABSENT"
      })
  void evidence_of_a_state_of_the_person_is_no_absence(String answer, String name, RefusalKind kind) {
    assertThat(classifier.classify(answer, name)).as(answer).isEqualTo(kind);
    assertThat(classifier.classify(answer)).as(answer).isEqualTo(kind);
  }
}
