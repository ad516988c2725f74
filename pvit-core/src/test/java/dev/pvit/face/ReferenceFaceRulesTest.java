package dev.pvit.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.person.Person;
import java.awt.Color;
import org.junit.jupiter.api.Test;

/** A reference photo must show a real face: big enough and confidently detected. */
class ReferenceFaceRulesTest {

  @Test
  void a_16_by_16_image_is_refused_as_a_reference_with_the_reason() {
    try (FaceEngine engine = FaceEngineTest.engine(FaceEngine.builder())) {
      FaceGallery gallery = FaceGallery.builder().engine(engine).build();
      assertThatThrownBy(() -> gallery.enroll(Person.of("Alice", FaceEngineTest.photo("alice/tiny.jpg", Color.WHITE, 16, 16))))
          .isInstanceOf(EnrollmentException.class)
          .hasMessageContaining("alice/tiny.jpg: face is")
          .hasMessageContaining("references need at least 40 px");
      assertThat(gallery.names()).isEmpty();
    }
  }

  @Test
  void limits_are_configurable_in_the_gallery_builder() {
    try (FaceEngine engine = FaceEngineTest.engine(FaceEngine.builder())) {
      FaceGallery lenient = FaceGallery.builder().engine(engine).referenceMinFaceSize(1).build();
      lenient.enroll(Person.of("Alice", FaceEngineTest.photo("alice/tiny.jpg", Color.WHITE, 16, 16)));
      assertThat(lenient.names()).containsExactly("Alice");

      FaceGallery strict = FaceGallery.builder().engine(engine).referenceMinScore(0.999).build();
      assertThatThrownBy(() -> strict.enroll(Person.of("Bob", FaceEngineTest.photo("bob.jpg", Color.WHITE, 200, 200))))
          .isInstanceOf(EnrollmentException.class)
          .hasMessageContaining("bob.jpg: the face was detected with score")
          .hasMessageContaining("references need at least 1.00");
    }
    assertThatThrownBy(() -> FaceGallery.builder().referenceMinFaceSize(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("referenceMinFaceSize");
    assertThatThrownBy(() -> FaceGallery.builder().referenceMinScore(1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("referenceMinScore");
  }
}
