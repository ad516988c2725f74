package dev.pvit.client;

import static dev.pvit.client.LoopbackServer.abort;
import static dev.pvit.client.LoopbackServer.cutAfter;
import static dev.pvit.client.LoopbackServer.delayed;
import static dev.pvit.client.LoopbackServer.json;
import static dev.pvit.client.LoopbackServer.sse;
import static dev.pvit.client.LoopbackServer.stallAfter;
import static dev.pvit.client.LoopbackServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.image.ImageInput;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleChatModelTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static final String KEY = "sk-test-SECRET-0123456789";
  private static final String COMPLETION =
      "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
          + "\"model\":\"gpt-4o-mini-2024\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
          + "\"assistant\",\"content\":\"That is Alice.\"},\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":812,\"completion_tokens\":5,\"total_tokens\":817}}";

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

  private OpenAiCompatibleChatModel.Builder builder() {
    return OpenAiCompatibleChatModel.builder()
        .baseUrl(server.baseUrl())
        .model("gpt-4o-mini")
        .apiKey(KEY)
        .timeSource(time)
        .jitter(() -> 0.5);
  }

  private VisionChatRequest interleaved() {
    return VisionChatRequest.builder()
        .system("Answer briefly.")
        .user(ContentPart.text("<person> Alice:"), ContentPart.image(alice),
            ContentPart.text("</person> Who is in this photo?"), ContentPart.image(scene))
        .build();
  }

  private static JsonNode tree(String json) throws Exception {
    return M.readTree(json);
  }

  private static JsonNode tree(byte[] json) throws Exception {
    return M.readTree(json);
  }

  // ---- success ---------------------------------------------------------------------------------

  @Test
  void sends_interleaved_text_and_images_as_data_urls_over_http_1_1() throws Exception {
    server.enqueue(json(200, COMPLETION));
    try (OpenAiCompatibleChatModel model = builder().maxTokens(256).imageDetail(ImageDetail.LOW).build()) {
      model.chat(interleaved());
    }
    LoopbackServer.RecordedRequest req = server.lastRequest();
    assertThat(req.method()).isEqualTo("POST");
    assertThat(req.path()).isEqualTo("/v1/chat/completions");
    assertThat(req.protocol()).isEqualTo("HTTP/1.1");
    assertThat(req.header("Upgrade")).isNull();
    assertThat(req.header("HTTP2-Settings")).isNull();
    assertThat(req.header("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(req.header("Content-Type")).isEqualTo("application/json");
    assertThat(req.header("Accept")).isEqualTo("application/json");
    String expected = "{\"model\":\"gpt-4o-mini\",\"messages\":["
        + "{\"role\":\"system\",\"content\":\"Answer briefly.\"},"
        + "{\"role\":\"user\",\"content\":["
        + "{\"type\":\"text\",\"text\":\"<person> Alice:\"},"
        + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + alice.dataUrl() + "\",\"detail\":\"low\"}},"
        + "{\"type\":\"text\",\"text\":\"</person> Who is in this photo?\"},"
        + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + scene.dataUrl() + "\",\"detail\":\"low\"}}]}],"
        + "\"max_tokens\":256}";
    assertThat(tree(req.body())).isEqualTo(tree(expected));
    assertThat(alice.dataUrl()).startsWith("data:image/png;base64,iVBORw0");
  }

  @Test
  void parses_a_non_streaming_completion() {
    server.enqueue(json(200, COMPLETION));
    try (OpenAiCompatibleChatModel model = builder().build()) {
      VisionChatResponse r = model.chat(interleaved());
      assertThat(r.text()).isEqualTo("That is Alice.");
      assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
      assertThat(r.usage()).isEqualTo(new TokenUsage(812, 5, 817));
      assertThat(r.modelId()).isEqualTo("gpt-4o-mini-2024");
    }
  }

  @Test
  void sends_text_only_turns_as_strings_and_request_settings_override_defaults() throws Exception {
    server.enqueue(json(200, COMPLETION));
    try (OpenAiCompatibleChatModel model = builder().apiKey(null).temperature(0.7).maxTokens(100).build()) {
      model.chat(VisionChatRequest.builder()
          .user("Hi").assistant("Hello!").user("Bye").temperature(0.0).maxTokens(5).build());
    }
    LoopbackServer.RecordedRequest req = server.lastRequest();
    assertThat(req.header("Authorization")).isNull();
    assertThat(tree(req.body())).isEqualTo(tree("{\"model\":\"gpt-4o-mini\",\"messages\":["
        + "{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello!\"},"
        + "{\"role\":\"user\",\"content\":\"Bye\"}],\"temperature\":0.0,\"max_tokens\":5}"));
  }

  @Test
  void accepts_base_urls_with_or_without_v1() {
    assertThat(OpenAiCompatibleChatModel.endpointFor("http://h:8000"))
        .isEqualTo("http://h:8000/v1/chat/completions");
    assertThat(OpenAiCompatibleChatModel.endpointFor("http://h:8000/"))
        .isEqualTo("http://h:8000/v1/chat/completions");
    assertThat(OpenAiCompatibleChatModel.endpointFor("http://h:8000/v1/"))
        .isEqualTo("http://h:8000/v1/chat/completions");
    assertThat(OpenAiCompatibleChatModel.endpointFor("https://api.example.com/openai/v1"))
        .isEqualTo("https://api.example.com/openai/v1/chat/completions");
    assertThat(OpenAiCompatibleChatModel.endpointFor("http://h/v1/chat/completions"))
        .isEqualTo("http://h/v1/chat/completions");
  }

  @Test
  void rejects_missing_or_invalid_settings() {
    assertThatThrownBy(() -> OpenAiCompatibleChatModel.builder().model("m").build())
        .isInstanceOf(InvalidModelConfigException.class).hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> OpenAiCompatibleChatModel.builder().baseUrl("http://h").build())
        .isInstanceOf(InvalidModelConfigException.class).hasMessageContaining("model");
    assertThatThrownBy(() -> OpenAiCompatibleChatModel.builder().baseUrl("localhost:8000").model("m").build())
        .isInstanceOf(InvalidModelConfigException.class).hasMessageContaining("http://");
    assertThatThrownBy(() -> builder().maxAttempts(0).build())
        .isInstanceOf(InvalidModelConfigException.class).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> builder().idleTimeout(Duration.ZERO).build())
        .isInstanceOf(InvalidModelConfigException.class).hasMessageContaining("idleTimeout");
    assertThatThrownBy(() -> builder().header("Host", "x").build())
        .isInstanceOf(InvalidModelConfigException.class).hasMessageContaining("Host");
    assertThatThrownBy(() -> builder().temperature(-1).build())
        .isInstanceOf(InvalidModelConfigException.class).hasMessageContaining("temperature");
  }

  @Test
  void sends_extra_headers() {
    server.enqueue(json(200, COMPLETION));
    try (OpenAiCompatibleChatModel model = builder().header("X-Org", "acme").build()) {
      model.chat(VisionChatRequest.of(ChatMessage.user("hi")));
    }
    assertThat(server.lastRequest().header("X-Org")).isEqualTo("acme");
  }

  // ---- streaming -------------------------------------------------------------------------------

  @Test
  void streams_deltas_and_reads_the_usage_chunk_with_empty_choices() throws Exception {
    server.enqueue(sse(
        ": keep-alive comment\n\n",
        "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini-2024\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n",
        "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"That\"},"
            + "\"finish_reason\":null}]}\r\n\r\n",
        "event: message\ndata: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" is Al",
        "ice.\"},\"finish_reason\":null}]}\n\n",
        "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n",
        "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":812,\"completion_tokens\":5,\"total_tokens\":817}}\n\n",
        "data: [DONE]\n\n"));
    List<String> deltas = new ArrayList<>();
    VisionChatResponse r;
    try (OpenAiCompatibleChatModel model = builder().build()) {
      r = model.chat(interleaved(), deltas::add);
    }
    assertThat(deltas).containsExactly("That", " is Alice.");
    assertThat(r.text()).isEqualTo("That is Alice.");
    assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(r.usage()).isEqualTo(new TokenUsage(812, 5, 817));
    assertThat(r.modelId()).isEqualTo("gpt-4o-mini-2024");
    LoopbackServer.RecordedRequest req = server.lastRequest();
    assertThat(req.header("Accept")).isEqualTo("text/event-stream");
    JsonNode body = tree(req.body());
    assertThat(body.get("stream").asBoolean()).isTrue();
    assertThat(body.get("stream_options")).isEqualTo(tree("{\"include_usage\":true}"));
  }

  @Test
  void usage_chunk_with_null_or_missing_choices_is_accepted() {
    server.enqueue(sse(
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"},\"finish_reason\":\"length\"}]}\n\n",
        "data: {\"choices\":null,\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}\n\n",
        "data: {\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}\n\n",
        "data: [DONE]\n\n"));
    try (OpenAiCompatibleChatModel model = builder().build()) {
      VisionChatResponse r = model.chat(interleaved(), d -> {});
      assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
      assertThat(r.usage()).isEqualTo(new TokenUsage(3, 1, 4));
      assertThat(r.modelId()).isEqualTo("gpt-4o-mini");
    }
  }

  @Test
  void include_usage_false_omits_stream_options() throws Exception {
    server.enqueue(sse("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"},\"finish_reason\":\"stop\"}]}\n\n",
        "data: [DONE]\n\n"));
    try (OpenAiCompatibleChatModel model = builder().includeUsage(false).build()) {
      VisionChatResponse r = model.chat(interleaved(), d -> {});
      assertThat(r.usage()).isNull();
    }
    JsonNode body = tree(server.lastRequest().body());
    assertThat(body.has("stream_options")).isFalse();
    assertThat(body.get("stream").asBoolean()).isTrue();
  }

  @Test
  void a_server_that_ignores_stream_and_answers_json_is_delivered_whole() {
    server.enqueue(json(200, COMPLETION));
    List<String> deltas = new ArrayList<>();
    try (OpenAiCompatibleChatModel model = builder().build()) {
      VisionChatResponse r = model.chat(interleaved(), deltas::add);
      assertThat(r.text()).isEqualTo("That is Alice.");
    }
    assertThat(deltas).containsExactly("That is Alice.");
  }

  @Test
  void stream_noise_the_sse_spec_says_to_ignore_does_not_fail_the_stream() {
    server.enqueue(sse(
        "\uFEFF: proxy comment\r",
        "x-proxy-trace: 7f3a\r\n",
        "heartbeat\n",
        "retry: 3000\nid: 1\n",
        "data:{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\r\r",
        "data\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"},\"finish_reason\":\"stop\"}]}\n\n",
        "data: [DONE]\n\n"));
    List<String> deltas = new ArrayList<>();
    try (OpenAiCompatibleChatModel model = builder().build()) {
      assertThat(model.chat(interleaved(), deltas::add).text()).isEqualTo("ab");
    }
    assertThat(deltas).containsExactly("a", "b");
  }

  @Test
  void stream_without_done_marker_but_with_finish_reason_is_complete() {
    server.enqueue(sse("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"fine\"},\"finish_reason\":\"stop\"}]}\n\n"));
    try (OpenAiCompatibleChatModel model = builder().build()) {
      assertThat(model.chat(interleaved(), d -> {}).text()).isEqualTo("fine");
    }
  }

  @Test
  void stream_option_rejection_suggests_include_usage_false() {
    server.enqueue(json(400, "{\"error\":{\"message\":\"Unrecognized request argument supplied: stream_options\","
        + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}"));
    try (OpenAiCompatibleChatModel model = builder().build()) {
      assertThatThrownBy(() -> model.chat(interleaved(), d -> {}))
          .isInstanceOf(ModelRequestRejectedException.class)
          .hasMessageContaining("includeUsage(false)");
    }
  }

  // ---- faults ----------------------------------------------------------------------------------

  @Test
  void retries_5xx_with_exponential_jittered_backoff_then_succeeds() {
    server.enqueue(json(503, "{\"error\":{\"message\":\"overloaded\"}}"))
        .enqueue(json(502, "<html>bad gateway</html>"))
        .enqueue(json(200, COMPLETION));
    try (OpenAiCompatibleChatModel model = builder().initialBackoff(Duration.ofMillis(400)).build()) {
      assertThat(model.chat(interleaved()).text()).isEqualTo("That is Alice.");
    }
    assertThat(server.requestCount()).isEqualTo(3);
    // jitter 0.5 -> 75% of the step; steps 400 ms, 800 ms
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(300), Duration.ofMillis(600));
  }

  @Test
  void gives_up_after_max_attempts_with_the_server_status_and_message() {
    server.always(json(500, "{\"error\":{\"message\":\"CUDA out of memory\",\"type\":\"server_error\"}}"));
    try (OpenAiCompatibleChatModel model = builder().maxAttempts(4).maxBackoff(Duration.ofSeconds(1)).build()) {
      ModelServerException e = catchThrowableOfType(ModelServerException.class, () -> model.chat(interleaved()));
      assertThat(e.statusCode()).isEqualTo(500);
      assertThat(e.serverMessage()).isEqualTo("CUDA out of memory");
      assertThat(e.isRetriable()).isTrue();
      assertThat(e).hasMessageContaining("HTTP 500").hasMessageContaining("attempt 4");
    }
    assertThat(server.requestCount()).isEqualTo(4);
    assertThat(time.sleeps())
        .containsExactly(Duration.ofMillis(375), Duration.ofMillis(750), Duration.ofMillis(750));
  }

  @Test
  void honours_retry_after_seconds_and_caps_it() {
    server.enqueue(json(429, "{\"error\":{\"message\":\"Rate limit reached\"}}", Map.of("Retry-After", "7")))
        .enqueue(json(429, "{\"error\":{\"message\":\"Rate limit reached\"}}", Map.of("Retry-After", "3600")))
        .enqueue(json(200, COMPLETION));
    try (OpenAiCompatibleChatModel model = builder().maxAttempts(3).build()) {
      model.chat(interleaved());
    }
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(30));
  }

  @Test
  void honours_retry_after_http_date_and_reports_rate_limit_when_exhausted() {
    // FakeTime's wall clock is 2026-11-26T12:00:00Z
    server.always(json(429, "{\"error\":{\"message\":\"slow down\"}}",
        Map.of("Retry-After", "Thu, 26 Nov 2026 12:00:12 GMT")));
    try (OpenAiCompatibleChatModel model = builder().maxAttempts(2).build()) {
      RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> model.chat(interleaved()));
      assertThat(e.statusCode()).isEqualTo(429);
      assertThat(e.serverMessage()).isEqualTo("slow down");
      assertThat(e.retryAfter()).isPresent();
    }
    assertThat(server.requestCount()).isEqualTo(2);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void does_not_retry_when_the_next_wait_would_pass_the_total_timeout() {
    server.always(json(503, "{}", Map.of("Retry-After", "20")));
    try (OpenAiCompatibleChatModel model = builder().totalTimeout(Duration.ofSeconds(10)).build()) {
      assertThatThrownBy(() -> model.chat(interleaved())).isInstanceOf(ModelServerException.class);
    }
    assertThat(server.requestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void client_errors_are_not_retried_and_carry_the_server_message() {
    server.always(json(400, "{\"error\":{\"message\":\"At most 1 image(s) may be provided in one request.\","
        + "\"type\":\"BadRequestError\",\"param\":null,\"code\":400}}"));
    try (OpenAiCompatibleChatModel model = builder().build()) {
      ModelRequestRejectedException e =
          catchThrowableOfType(ModelRequestRejectedException.class, () -> model.chat(interleaved()));
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.serverMessage()).isEqualTo("At most 1 image(s) may be provided in one request.");
      assertThat(e.isRetriable()).isFalse();
      assertThat(e).hasMessageContaining("HTTP 400").hasMessageContaining("At most 1 image");
    }
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void vllm_style_top_level_error_message_is_extracted() {
    server.enqueue(json(422, "{\"object\":\"error\",\"message\":\"max_tokens must be at least 1\","
        + "\"type\":\"BadRequestError\",\"param\":null,\"code\":422}"));
    try (OpenAiCompatibleChatModel model = builder().build()) {
      ModelRequestRejectedException e =
          catchThrowableOfType(ModelRequestRejectedException.class, () -> model.chat(interleaved()));
      assertThat(e.serverMessage()).isEqualTo("max_tokens must be at least 1");
    }
  }

  @Test
  void bad_credentials_raise_an_authentication_exception() {
    server.enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-test-*****6789.\","
        + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));
    try (OpenAiCompatibleChatModel model = builder().build()) {
      assertThatThrownBy(() -> model.chat(interleaved()))
          .isInstanceOf(ModelAuthenticationException.class)
          .hasMessageContaining("401").hasMessageContaining("apiKey");
    }
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void not_found_hints_at_base_url_and_model() {
    server.enqueue(text(404, "text/plain", "404 page not found"));
    try (OpenAiCompatibleChatModel model = builder().build()) {
      assertThatThrownBy(() -> model.chat(interleaved()))
          .isInstanceOf(ModelRequestRejectedException.class)
          .hasMessageContaining("404 page not found")
          .hasMessageContaining("base URL");
    }
  }

  @Test
  void connection_dropped_before_the_response_is_retried() {
    server.enqueue(abort()).enqueue(abort()).enqueue(json(200, COMPLETION));
    try (OpenAiCompatibleChatModel model = builder().build()) {
      assertThat(model.chat(interleaved()).text()).isEqualTo("That is Alice.");
    }
    assertThat(server.requestCount()).isEqualTo(3);
    assertThat(time.sleeps()).hasSize(2);
  }

  @Test
  void connection_dropped_every_time_raises_a_connection_exception() {
    server.always(abort());
    try (OpenAiCompatibleChatModel model = builder().maxAttempts(2).build()) {
      assertThatThrownBy(() -> model.chat(interleaved()))
          .isInstanceOf(ModelConnectionException.class)
          .hasMessageContaining(server.baseUrl());
    }
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void refused_connection_raises_a_connection_exception() throws Exception {
    String url = server.baseUrl();
    server.close();
    try (OpenAiCompatibleChatModel model = OpenAiCompatibleChatModel.builder()
        .baseUrl(url).model("m").maxAttempts(2).timeSource(time).build()) {
      assertThatThrownBy(() -> model.chat(interleaved()))
          .isInstanceOf(ModelConnectionException.class)
          .hasMessageContaining("Could not reach");
    }
    assertThat(time.sleeps()).hasSize(1);
  }

  @Test
  void stream_cut_before_any_text_is_retried() {
    server.enqueue(cutAfter("text/event-stream", ": connected\n\n"))
        .enqueue(sse("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}\n\n",
            "data: [DONE]\n\n"));
    List<String> deltas = new ArrayList<>();
    try (OpenAiCompatibleChatModel model = builder().build()) {
      assertThat(model.chat(interleaved(), deltas::add).text()).isEqualTo("ok");
    }
    assertThat(deltas).containsExactly("ok");
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void stream_cut_after_the_first_token_is_not_retried() {
    server.always(cutAfter("text/event-stream",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hal\"},\"finish_reason\":null}]}\n\n"));
    List<String> deltas = new ArrayList<>();
    try (OpenAiCompatibleChatModel model = builder().build()) {
      assertThatThrownBy(() -> model.chat(interleaved(), deltas::add))
          .isInstanceOf(ModelConnectionException.class)
          .hasMessageContaining("Not retried");
    }
    assertThat(deltas).containsExactly("Hal");
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void error_event_in_the_middle_of_a_stream_raises_a_server_exception() {
    server.always(sse(
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"A\"},\"finish_reason\":null}]}\n\n",
        "data: {\"error\":{\"message\":\"engine died\",\"type\":\"internal_error\"}}\n\n"));
    try (OpenAiCompatibleChatModel model = builder().build()) {
      ModelServerException e = catchThrowableOfType(ModelServerException.class, () -> model.chat(interleaved(), d -> {}));
      assertThat(e.serverMessage()).isEqualTo("engine died");
    }
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void stalled_stream_raises_an_idle_timeout_and_is_not_retried() {
    server.always(stallAfter("text/event-stream", Duration.ofSeconds(3),
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"A\"},\"finish_reason\":null}]}\n\n"));
    List<String> deltas = new ArrayList<>();
    long start = System.nanoTime();
    try (OpenAiCompatibleChatModel model = builder().idleTimeout(Duration.ofMillis(300)).build()) {
      ModelTimeoutException e = catchThrowableOfType(ModelTimeoutException.class,
          () -> model.chat(interleaved(), deltas::add));
      assertThat(e.phase()).isEqualTo(ModelTimeoutException.Phase.IDLE);
      assertThat(e.isRetriable()).isTrue();
      assertThat(e).hasMessageContaining("idleTimeout");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(deltas).containsExactly("A");
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void slow_headers_raise_a_first_byte_timeout() {
    server.always(delayed(Duration.ofMillis(1500), json(200, COMPLETION)));
    try (OpenAiCompatibleChatModel model = builder().firstByteTimeout(Duration.ofMillis(300)).build()) {
      ModelTimeoutException e = catchThrowableOfType(ModelTimeoutException.class, () -> model.chat(interleaved()));
      assertThat(e.phase()).isEqualTo(ModelTimeoutException.Phase.FIRST_BYTE);
      assertThat(e).hasMessageContaining("firstByteTimeout");
    }
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void first_byte_timeout_does_not_cut_a_slow_but_steady_stream() {
    server.always(LoopbackServer.chunks("text/event-stream", Duration.ofMillis(150),
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"}}]}\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"c\"}}]}\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"d\"},\"finish_reason\":\"stop\"}]}\n\n",
        "data: [DONE]\n\n"));
    try (OpenAiCompatibleChatModel model = OpenAiCompatibleChatModel.builder()
        .baseUrl(server.baseUrl()).model("m").firstByteTimeout(Duration.ofMillis(300))
        .idleTimeout(Duration.ofMillis(600)).build()) {
      assertThat(model.chat(interleaved(), d -> {}).text()).isEqualTo("abcd");
    }
  }

  @Test
  void total_timeout_bounds_a_slow_stream() {
    server.always(LoopbackServer.chunks("text/event-stream", Duration.ofMillis(150),
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"}}]}\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"c\"}}]}\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"d\"}}]}\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"e\"}}]}\n\n",
        "data: [DONE]\n\n"));
    try (OpenAiCompatibleChatModel model = OpenAiCompatibleChatModel.builder()
        .baseUrl(server.baseUrl()).model("m").totalTimeout(Duration.ofMillis(400)).build()) {
      ModelTimeoutException e = catchThrowableOfType(ModelTimeoutException.class,
          () -> model.chat(interleaved(), d -> {}));
      assertThat(e.phase()).isEqualTo(ModelTimeoutException.Phase.TOTAL);
    }
  }

  @Test
  void malformed_sse_line_raises_a_typed_exception_with_excerpt() {
    server.always(sse("{\"choices\":[{\"delta\":{\"content\":\"raw json, not SSE\"}}]}\n"));
    try (OpenAiCompatibleChatModel model = builder().build()) {
      MalformedModelResponseException e = catchThrowableOfType(MalformedModelResponseException.class,
          () -> model.chat(interleaved(), d -> {}));
      assertThat(e.statusCode()).isEqualTo(200);
      assertThat(e.bodyExcerpt()).contains("raw json, not SSE");
      assertThat(e.isRetriable()).isFalse();
    }
  }

  @Test
  void non_json_data_event_raises_a_typed_exception() {
    server.always(sse("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}\n\n", "data: oops\n\n"));
    try (OpenAiCompatibleChatModel model = builder().build()) {
      MalformedModelResponseException e = catchThrowableOfType(MalformedModelResponseException.class,
          () -> model.chat(interleaved(), d -> {}));
      assertThat(e.bodyExcerpt()).isEqualTo("oops");
    }
  }

  @Test
  void html_body_raises_a_typed_exception_with_a_short_redacted_excerpt() {
    String b64 = "A".repeat(500);
    server.always(text(200, "text/html",
        "<html><body>" + "Welcome to the web UI ".repeat(20) + KEY + " " + b64 + "</body></html>"));
    try (OpenAiCompatibleChatModel model = builder().build()) {
      MalformedModelResponseException e =
          catchThrowableOfType(MalformedModelResponseException.class, () -> model.chat(interleaved()));
      assertThat(e.statusCode()).isEqualTo(200);
      assertThat(e.bodyExcerpt()).startsWith("<html><body>Welcome").hasSizeLessThanOrEqualTo(200);
      assertThat(e).hasMessageContaining("text/html").hasMessageNotContaining(KEY);
    }
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void error_messages_never_contain_the_api_key_or_base64_image_data() {
    ImageInput noisy = TestImages.noisy("noise.png");
    String echoed = noisy.dataUrl();
    server.always(json(400, "{\"error\":{\"message\":\"Invalid image " + echoed + " for key " + KEY + "\"}}"));
    try (OpenAiCompatibleChatModel model = builder().build()) {
      ModelRequestRejectedException e = catchThrowableOfType(ModelRequestRejectedException.class,
          () -> model.chat(VisionChatRequest.builder().user(ContentPart.image(noisy)).build()));
      assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain(noisy.base64().substring(0, 60))
          .contains("[api-key]").contains("[base64 ");
    }
  }

  @Test
  void logs_and_to_string_never_show_the_api_key_or_image_data() {
    ImageInput noisy = TestImages.noisy("noise.png");
    server.enqueue(json(503, "{\"error\":{\"message\":\"echo " + noisy.base64() + " " + KEY + "\"}}"))
        .enqueue(json(200, COMPLETION));
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    OpenAiCompatibleChatModel model = builder().build();
    VisionChatRequest request = VisionChatRequest.builder().user(ContentPart.image(noisy)).build();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      model.chat(request);
    } finally {
      System.setErr(original);
      model.close();
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertThat(logs).contains("retrying").doesNotContain(KEY).doesNotContain(noisy.base64().substring(0, 60));
    assertThat(model.toString()).contains("apiKey=***").doesNotContain(KEY);
    assertThat(request.toString()).contains("image/png").contains(noisy.byteCount() + " bytes")
        .doesNotContain(noisy.base64().substring(0, 20));
    assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
  }

  @Test
  void rejects_more_images_than_the_declared_limit_before_sending() {
    try (OpenAiCompatibleChatModel model = builder().maxImagesPerRequest(1).build()) {
      assertThat(model.capabilities()).isEqualTo(new ModelCapabilities(1, true, true));
      assertThatThrownBy(() -> model.chat(interleaved()))
          .isInstanceOf(InvalidChatRequestException.class)
          .hasMessageContaining("2 images").hasMessageContaining("at most 1");
    }
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void a_closed_model_refuses_calls() {
    OpenAiCompatibleChatModel model = builder().build();
    model.close();
    assertThatThrownBy(() -> model.chat(interleaved()))
        .isInstanceOf(InvalidChatRequestException.class).hasMessageContaining("closed");
  }

  @Test
  void listener_exceptions_abort_the_call_and_propagate_as_is() {
    server.always(sse(
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"},\"finish_reason\":\"stop\"}]}\n\n"));
    IllegalStateException boom = new IllegalStateException("stop here");
    try (OpenAiCompatibleChatModel model = builder().build()) {
      assertThatThrownBy(() -> model.chat(interleaved(), d -> {
        throw boom;
      })).isSameAs(boom);
    }
    assertThat(server.requestCount()).isEqualTo(1);
  }

  // ---- concurrency -----------------------------------------------------------------------------

  @Test
  void one_instance_serves_concurrent_callers() throws Exception {
    server.always((ex, req) -> {
      String question = M.readTree(req.body()).get("messages").get(0).get("content").asText();
      String streamed = M.readTree(req.body()).path("stream").asBoolean() ? "s" : "n";
      Thread.sleep(20);
      if (streamed.equals("s")) {
        LoopbackServer.sse("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"re:" + question
            + "\"},\"finish_reason\":\"stop\"}]}\n\n", "data: [DONE]\n\n").respond(ex, req);
      } else {
        LoopbackServer.send(ex, 200, "application/json", "{\"model\":\"m\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"content\":\"re:" + question + "\"},\"finish_reason\":\"stop\"}]}");
      }
    });
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try (OpenAiCompatibleChatModel model = builder().build()) {
      List<Future<String[]>> futures = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        String q = "q" + i;
        boolean stream = i % 2 == 0;
        Callable<String[]> task = () -> new String[] {q, stream
            ? model.chat(VisionChatRequest.of(ChatMessage.user(q)), d -> {}).text()
            : model.chat(VisionChatRequest.of(ChatMessage.user(q))).text()};
        futures.add(pool.submit(task));
      }
      for (Future<String[]> f : futures) {
        String[] r = f.get();
        assertThat(r[1]).isEqualTo("re:" + r[0]);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.requestCount()).isEqualTo(30);
  }
}
