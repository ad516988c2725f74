package dev.pvit.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The refusal families fixed after the second blind round, each with wordings of its own (not the
 * blind files'): a title before the person, contractions typed without an apostrophe, "anyone named
 * X" searched for in the scene or among the people introduced, evidence nouns whose object is a
 * state of the person rather than the person, a likeness standing for the person ("anyone matching
 * X's reference photo") and person-only slots in lower-case text.
 */
class RefusalFamiliesTest {
  private final RefusalClassifier classifier = RefusalClassifier.create();

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "title|I have never been introduced to Dr. Okonkwo.|Okonkwo|UNKNOWN",
        "title|Okonkwo isn't in the photo.|Dr. Okonkwo|ABSENT",
        "title|Sorry, Prof. Lindqvist does not appear in this image.|Lindqvist|ABSENT",
        "title|Unfortunately, Mrs Adebayo is nowhere to be seen here.|Adebayo|ABSENT",
        "title|I don't know who Madame Roux is.|Roux|UNKNOWN",
        "title|Dr. Lindqvist is not wearing a lab coat.|Lindqvist|NOT_A_REFUSAL",
        "title|I can't see Professor Ngata's hands.|Ngata|NOT_A_REFUSAL",
        "no apostrophe|i cant find Tariq in this photo|Tariq|ABSENT",
        "no apostrophe|sorry i dont recognise Ellis|Ellis|UNKNOWN",
        "no apostrophe|Noor isnt in the picture|Noor|ABSENT",
        "no apostrophe|Im not familiar with Dagny|Dagny|UNKNOWN",
        "no apostrophe|Ive got no idea who Bertil is|Bertil|UNKNOWN",
        "no apostrophe|Odile doesnt look happy|Odile|NOT_A_REFUSAL",
        "no apostrophe|i cant see Pavel's shoes|Pavel|NOT_A_REFUSAL",
        "anyone named|I don't spot anybody called Hamid.|Hamid|ABSENT",
        "anyone named|Nobody called Hamid is visible here.|Hamid|ABSENT",
        "anyone named|There isn't anyone named Hamid around.|Hamid|ABSENT",
        "anyone named|I have no record of anyone called Hamid.|Hamid|UNKNOWN",
        "anyone named|I haven't been told about anyone named Hamid.|Hamid|UNKNOWN",
        "anyone named|I've never seen anyone named Hamid before.|Hamid|UNKNOWN",
        "likeness|I can't find anyone who matches Ines's reference photo.|Ines|ABSENT",
        "likeness|Nobody here resembles Ines's picture.|Ines|ABSENT",
        "likeness|I can't find Ines's photo in the album.|Ines|NOT_A_REFUSAL",
        "evidence of a state|There is no indication of Vera being angry.|Vera|NOT_A_REFUSAL",
        "evidence of a state|There's no trace of Oskar looking worried; he seems calm.|Oskar|NOT_A_REFUSAL",
        "evidence of a state|I see no evidence of Lumi being cold.|Lumi|NOT_A_REFUSAL",
        "evidence of a state|No sign of Vera being here at all.|Vera|ABSENT",
        "evidence of a state|There is no trace of Oskar anywhere in this photo.|Oskar|ABSENT",
        "evidence of a state|No indication of Lumi can be seen.|Lumi|ABSENT"
      })
  void each_family_keeps_its_kind_with_and_without_the_name(
      String family, String answer, String name, RefusalKind kind) {
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
}
