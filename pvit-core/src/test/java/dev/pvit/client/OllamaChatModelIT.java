package dev.pvit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Runs against a live Ollama when {@code PVIT_OLLAMA_BASE_URL} is set (optional {@code
 * PVIT_OLLAMA_MODEL}, default {@code llava}).
 */
@EnabledIfEnvironmentVariable(named = "PVIT_OLLAMA_BASE_URL", matches = ".+")
class OllamaChatModelIT {

  private static OllamaChatModel model() {
    return OllamaChatModel.builder()
        .baseUrl(System.getenv("PVIT_OLLAMA_BASE_URL"))
        .model(Objects.requireNonNullElse(System.getenv("PVIT_OLLAMA_MODEL"), "llava"))
        .maxTokens(32)
        .temperature(0)
        .totalTimeout(Duration.ofMinutes(10))
        .build();
  }

  private static VisionChatRequest colourQuestion() {
    return VisionChatRequest.builder()
        .user(ContentPart.text("What colour fills this image? Answer with one word."),
            ContentPart.image(TestImages.png(64, Color.RED, "red.png")))
        .build();
  }

  @Test
  void answers_a_text_and_image_request() {
    try (OllamaChatModel model = model()) {
      VisionChatResponse r = model.chat(colourQuestion());
      assertThat(r.text().toLowerCase()).contains("red");
      assertThat(r.usage()).isNotNull();
    }
  }

  @Test
  void streams_a_text_and_image_request() {
    List<String> deltas = new ArrayList<>();
    try (OllamaChatModel model = model()) {
      VisionChatResponse r = model.chat(colourQuestion(), deltas::add);
      assertThat(String.join("", deltas)).isEqualTo(r.text());
      assertThat(r.finishReason()).isIn(FinishReason.STOP, FinishReason.LENGTH);
    }
  }
}
