package dev.pvit.client;

import static dev.pvit.client.LoopbackServer.cutAfter;
import static dev.pvit.client.LoopbackServer.json;
import static dev.pvit.client.LoopbackServer.ndjson;
import static dev.pvit.client.LoopbackServer.stallAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.image.ImageInput;
import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OllamaChatModelTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static final String DONE =
      "{\"model\":\"llava:7b\",\"created_at\":\"2026-11-26T12:00:00.000Z\",\"message\":{\"role\":\"assistant\","
          + "\"content\":\"Image 2 shows Alice.\"},\"done_reason\":\"stop\",\"done\":true,\"total_duration\":812345,"
          + "\"load_duration\":1234,\"prompt_eval_count\":26,\"prompt_eval_duration\":100,\"eval_count\":83,"
          + "\"eval_duration\":200}";

  private LoopbackServer server;
  private FakeTime time;
  private final ImageInput alice = TestImages.png(8, Color.RED, "alice.png");
  private final ImageInput scene = TestImages.png(16, Color.BLUE, "scene.png");

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    time = new FakeTime();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OllamaChatModel.Builder builder() {
    return OllamaChatModel.builder().baseUrl(server.baseUrl()).model("llava").timeSource(time).jitter(() -> 0.5);
  }

  private VisionChatRequest interleaved() {
    return VisionChatRequest.builder()
        .system("Answer briefly.")
        .user(ContentPart.text("Image 1 is Alice:"), ContentPart.image(alice),
            ContentPart.text("Who is in this photo?"), ContentPart.image(scene))
        .build();
  }

  @Test
  void sends_raw_base64_images_with_position_markers_and_stream_false() throws Exception {
    server.enqueue(json(200, DONE));
    try (OllamaChatModel model = builder().temperature(0.2).maxTokens(64)
        .keepAlive(Duration.ofMinutes(10)).option("num_ctx", 8192).build()) {
      model.chat(interleaved());
    }
    LoopbackServer.RecordedRequest req = server.lastRequest();
    assertThat(req.path()).isEqualTo("/api/chat");
    assertThat(req.protocol()).isEqualTo("HTTP/1.1");
    assertThat(req.header("Upgrade")).isNull();
    assertThat(req.header("Authorization")).isNull();
    JsonNode expected = M.readTree("{\"model\":\"llava\",\"messages\":["
        + "{\"role\":\"system\",\"content\":\"Answer briefly.\"},"
        + "{\"role\":\"user\",\"content\":\"Images are numbered in the order given.\\n"
        + "Image 1 is Alice: [Image 1] Who is in this photo? [Image 2]\","
        + "\"images\":[\"" + alice.base64() + "\",\"" + scene.base64() + "\"]}],"
        + "\"stream\":false,\"keep_alive\":600,"
        + "\"options\":{\"num_ctx\":8192,\"temperature\":0.2,\"num_predict\":64}}");
    assertThat(M.readTree(req.body())).isEqualTo(expected);
    assertThat(alice.base64()).doesNotStartWith("data:");
  }

  @Test
  void numbers_images_across_messages() throws Exception {
    server.enqueue(json(200, DONE));
    try (OllamaChatModel model = builder().build()) {
      model.chat(VisionChatRequest.builder()
          .user(ContentPart.image(alice), ContentPart.text("This is Alice."))
          .assistant("Noted.")
          .user(ContentPart.text("Is she here?"), ContentPart.image(scene))
          .build());
    }
    JsonNode messages = M.readTree(server.lastRequest().body()).get("messages");
    assertThat(messages.get(0).get("content").asText())
        .isEqualTo("Images are numbered in the order given.\n[Image 1] This is Alice.");
    assertThat(messages.get(1).has("images")).isFalse();
    assertThat(messages.get(2).get("content").asText())
        .isEqualTo("Images are numbered in the order given.\nIs she here? [Image 2]");
    assertThat(messages.get(2).get("images").get(0).asText()).isEqualTo(scene.base64());
  }

  @Test
  void parses_a_single_response_with_counts() {
    server.enqueue(json(200, DONE));
    try (OllamaChatModel model = builder().build()) {
      VisionChatResponse r = model.chat(interleaved());
      assertThat(r.text()).isEqualTo("Image 2 shows Alice.");
      assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
      assertThat(r.usage()).isEqualTo(new TokenUsage(26, 83, 109));
      assertThat(r.modelId()).isEqualTo("llava:7b");
    }
  }

  @Test
  void streams_ndjson() throws Exception {
    server.enqueue(ndjson(
        "{\"model\":\"llava\",\"created_at\":\"t\",\"message\":{\"role\":\"assistant\",\"content\":\"The\"},\"done\":false}\n",
        "{\"model\":\"llava\",\"created_at\":\"t\",\"message\":{\"role\":\"assistant\",\"content\":\" cat",
        "\"},\"done\":false}\n{\"model\":\"llava\",\"created_at\":\"t\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
            + "\"done_reason\":\"length\",\"done\":true,\"prompt_eval_count\":10,\"eval_count\":2}\n"));
    List<String> deltas = new ArrayList<>();
    try (OllamaChatModel model = builder().build()) {
      VisionChatResponse r = model.chat(interleaved(), deltas::add);
      assertThat(r.text()).isEqualTo("The cat");
      assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
      assertThat(r.usage()).isEqualTo(new TokenUsage(10, 2, 12));
    }
    assertThat(deltas).containsExactly("The", " cat");
    assertThat(M.readTree(server.lastRequest().body()).get("stream").asBoolean()).isTrue();
    assertThat(server.lastRequest().header("Accept")).isEqualTo("application/x-ndjson");
  }

  @Test
  void missing_model_is_rejected_with_the_server_message_and_a_pull_hint() {
    server.always(json(404, "{\"error\":\"model \\\"llava\\\" not found, try pulling it first\"}"));
    try (OllamaChatModel model = builder().build()) {
      ModelRequestRejectedException e =
          catchThrowableOfType(ModelRequestRejectedException.class, () -> model.chat(interleaved()));
      assertThat(e.statusCode()).isEqualTo(404);
      assertThat(e.serverMessage()).isEqualTo("model \"llava\" not found, try pulling it first");
      assertThat(e).hasMessageContaining("ollama pull llava");
    }
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void bad_image_is_rejected_without_retry() {
    server.always(json(400, "{\"error\":\"illegal base64 data at input byte 4\"}"));
    try (OllamaChatModel model = builder().build()) {
      assertThatThrownBy(() -> model.chat(interleaved()))
          .isInstanceOf(ModelRequestRejectedException.class)
          .hasMessageContaining("illegal base64 data");
    }
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void server_errors_are_retried() {
    server.enqueue(json(500, "{\"error\":\"llama runner process has terminated: signal: killed\"}"))
        .enqueue(json(200, DONE));
    try (OllamaChatModel model = builder().build()) {
      assertThat(model.chat(interleaved()).text()).isEqualTo("Image 2 shows Alice.");
    }
    assertThat(server.requestCount()).isEqualTo(2);
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(375));
  }

  @Test
  void error_line_in_a_stream_raises_a_server_exception() {
    server.always(ndjson(
        "{\"model\":\"llava\",\"message\":{\"role\":\"assistant\",\"content\":\"A\"},\"done\":false}\n",
        "{\"error\":\"an error was encountered while running the model: unexpected EOF\"}\n"));
    try (OllamaChatModel model = builder().build()) {
      ModelServerException e = catchThrowableOfType(ModelServerException.class, () -> model.chat(interleaved(), d -> {}));
      assertThat(e.serverMessage()).contains("unexpected EOF");
    }
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void malformed_ndjson_line_raises_a_typed_exception() {
    server.always(ndjson("{\"model\":\"llava\",\"message\":{\"content\":\"A\"},\"done\":false}\n", "<<garbage>>\n"));
    try (OllamaChatModel model = builder().build()) {
      MalformedModelResponseException e = catchThrowableOfType(MalformedModelResponseException.class,
          () -> model.chat(interleaved(), d -> {}));
      assertThat(e.bodyExcerpt()).isEqualTo("<<garbage>>");
      assertThat(e.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void single_response_without_done_is_malformed() {
    server.always(json(200, "{\"model\":\"llava\",\"message\":{\"content\":\"partial\"},\"done\":false}"));
    try (OllamaChatModel model = builder().build()) {
      assertThatThrownBy(() -> model.chat(interleaved())).isInstanceOf(MalformedModelResponseException.class);
    }
  }

  @Test
  void stream_cut_before_done_after_text_is_not_retried() {
    server.always(cutAfter("application/x-ndjson",
        "{\"model\":\"llava\",\"message\":{\"content\":\"The\"},\"done\":false}\n"));
    try (OllamaChatModel model = builder().build()) {
      assertThatThrownBy(() -> model.chat(interleaved(), d -> {})).isInstanceOf(ModelConnectionException.class);
    }
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void stream_ending_cleanly_without_done_is_reported() {
    server.always(ndjson("{\"model\":\"llava\",\"message\":{\"content\":\"The\"},\"done\":false}\n"));
    try (OllamaChatModel model = builder().build()) {
      assertThatThrownBy(() -> model.chat(interleaved(), d -> {}))
          .isInstanceOf(ModelConnectionException.class).hasMessageContaining("before the reply was complete");
    }
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void stalled_stream_raises_an_idle_timeout() {
    server.always(stallAfter("application/x-ndjson", Duration.ofSeconds(3),
        "{\"model\":\"llava\",\"message\":{\"content\":\"The\"},\"done\":false}\n"));
    try (OllamaChatModel model = builder().idleTimeout(Duration.ofMillis(250)).build()) {
      ModelTimeoutException e = catchThrowableOfType(ModelTimeoutException.class, () -> model.chat(interleaved(), d -> {}));
      assertThat(e.phase()).isEqualTo(ModelTimeoutException.Phase.IDLE);
    }
  }

  @Test
  void base_url_defaults_and_normalises() {
    assertThat(OllamaChatModel.builder().model("llava").build().endpoint())
        .isEqualTo("http://localhost:11434/api/chat");
    assertThat(OllamaChatModel.endpointFor("http://gpu:11434/")).isEqualTo("http://gpu:11434/api/chat");
    assertThat(OllamaChatModel.endpointFor("http://gpu:11434/api")).isEqualTo("http://gpu:11434/api/chat");
    assertThatThrownBy(() -> OllamaChatModel.builder().build())
        .isInstanceOf(InvalidModelConfigException.class).hasMessageContaining("model");
  }

  @Test
  void keep_alive_forever_is_sent_as_the_number_minus_one() throws Exception {
    server.enqueue(json(200, DONE));
    try (OllamaChatModel model = builder().keepAlive(Duration.ofSeconds(-1)).build()) {
      model.chat(VisionChatRequest.of(ChatMessage.user("hi")));
    }
    JsonNode body = M.readTree(server.lastRequest().body());
    assertThat(body.get("keep_alive")).isEqualTo(M.readTree("-1"));
    assertThat(body.has("options")).isFalse();
    assertThat(body.get("messages").get(0)).isEqualTo(M.readTree("{\"role\":\"user\",\"content\":\"hi\"}"));
  }
}
