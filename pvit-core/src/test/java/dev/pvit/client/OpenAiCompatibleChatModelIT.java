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
 * Runs against a live OpenAI-compatible server when {@code PVIT_OPENAI_BASE_URL} is set (optional
 * {@code PVIT_OPENAI_API_KEY}, {@code PVIT_OPENAI_MODEL}, default {@code gpt-4o-mini}).
 */
@EnabledIfEnvironmentVariable(named = "PVIT_OPENAI_BASE_URL", matches = ".+")
class OpenAiCompatibleChatModelIT {

  private static OpenAiCompatibleChatModel model() {
    return OpenAiCompatibleChatModel.builder()
        .baseUrl(System.getenv("PVIT_OPENAI_BASE_URL"))
        .apiKey(System.getenv("PVIT_OPENAI_API_KEY"))
        .model(Objects.requireNonNullElse(System.getenv("PVIT_OPENAI_MODEL"), "gpt-4o-mini"))
        .maxTokens(32)
        .temperature(0)
        .totalTimeout(Duration.ofMinutes(3))
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
    try (OpenAiCompatibleChatModel model = model()) {
      VisionChatResponse r = model.chat(colourQuestion());
      assertThat(r.text().toLowerCase()).contains("red");
      assertThat(r.modelId()).isNotBlank();
    }
  }

  @Test
  void streams_a_text_and_image_request() {
    List<String> deltas = new ArrayList<>();
    try (OpenAiCompatibleChatModel model = model()) {
      VisionChatResponse r = model.chat(colourQuestion(), deltas::add);
      assertThat(String.join("", deltas)).isEqualTo(r.text());
      assertThat(r.text().toLowerCase()).contains("red");
    }
  }
}
