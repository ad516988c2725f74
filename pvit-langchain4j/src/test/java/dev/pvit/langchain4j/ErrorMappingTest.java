package dev.pvit.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.pvit.PvitException;
import dev.pvit.client.ChatMessage;
import dev.pvit.client.InvalidChatRequestException;
import dev.pvit.client.InvalidModelConfigException;
import dev.pvit.client.ModelAuthenticationException;
import dev.pvit.client.ModelConnectionException;
import dev.pvit.client.ModelRequestRejectedException;
import dev.pvit.client.ModelServerException;
import dev.pvit.client.ModelTimeoutException;
import dev.pvit.client.RateLimitException;
import dev.pvit.client.VisionChatRequest;
import dev.pvit.langchain4j.internal.Failures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LangChain4j failures become PVIT's typed, retriable or non-retriable exceptions: each LangChain4j
 * exception type directly, and real HTTP failures through LangChain4j's own OpenAI client.
 */
class ErrorMappingTest {
  private static final String WHERE = "The LangChain4j OPEN_AI model";

  static Stream<Arguments> langchain4jExceptions() {
    return Stream.of(
        Arguments.of(new dev.langchain4j.exception.RateLimitException("slow down"), RateLimitException.class, true),
        Arguments.of(new TimeoutException("took too long"), ModelTimeoutException.class, true),
        Arguments.of(new InternalServerException("boom"), ModelServerException.class, true),
        Arguments.of(new dev.langchain4j.exception.RetriableException("flaky"), dev.pvit.RetriableException.class, true),
        Arguments.of(new LangChain4jException(new UncheckedIOException(new ConnectException("Connection refused"))),
            ModelConnectionException.class, true),
        Arguments.of(new AuthenticationException("bad key"), ModelAuthenticationException.class, false),
        Arguments.of(new InvalidRequestException("too many images"), ModelRequestRejectedException.class, false),
        Arguments.of(new ContentFilteredException("filtered"), ModelRequestRejectedException.class, false),
        Arguments.of(new ModelNotFoundException("no such model"), ModelRequestRejectedException.class, false),
        Arguments.of(new UnresolvedModelServerException("no host"), InvalidModelConfigException.class, false),
        Arguments.of(new UnsupportedFeatureException("no images"), InvalidChatRequestException.class, false),
        Arguments.of(new IllegalArgumentException("temperature out of range"), InvalidChatRequestException.class,
            false),
        Arguments.of(new dev.langchain4j.exception.NonRetriableException("nope"), dev.pvit.NonRetriableException.class,
            false),
        Arguments.of(new IllegalStateException("bug"), dev.pvit.NonRetriableException.class, false));
  }

  @ParameterizedTest
  @MethodSource("langchain4jExceptions")
  void maps_each_langchain4j_exception_type(Throwable error, Class<? extends PvitException> expected,
      boolean retriable) {
    PvitException mapped = Failures.map(error, WHERE);
    assertThat(mapped).isExactlyInstanceOf(expected);
    assertThat(mapped.isRetriable()).isEqualTo(retriable);
    assertThat(mapped.getMessage()).startsWith(WHERE);
  }

  @Test
  void http_status_decides_when_only_an_http_exception_is_thrown() {
    assertThat(Failures.map(new HttpException(503, "overloaded"), WHERE))
        .isInstanceOfSatisfying(ModelServerException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
    assertThat(Failures.map(new HttpException(403, "forbidden"), WHERE))
        .isInstanceOfSatisfying(ModelAuthenticationException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    assertThat(Failures.map(new HttpException(422, "bad"), WHERE)).isInstanceOf(ModelRequestRejectedException.class);
    assertThat(Failures.map(new HttpException(408, "timeout"), WHERE)).isInstanceOf(ModelTimeoutException.class);
  }

  @Test
  void server_text_is_redacted_and_the_langchain4j_exception_is_not_chained() {
    String echoed = "{\"error\":\"bad image data:image/png;base64," + "QUJD".repeat(100)
        + "\",\"auth\":\"Bearer sk-secret-123\"}";
    PvitException mapped = Failures.map(new InvalidRequestException(new HttpException(400, echoed)), WHERE);
    assertThat(mapped.getMessage()).doesNotContain("QUJDQUJD").doesNotContain("sk-secret-123")
        .contains("[base64 ").contains("bad image");
    assertThat(mapped.getCause()).isNull();
    assertThat(((ModelRequestRejectedException) mapped).statusCode()).isEqualTo(400);
  }

  @Test
  void a_pvit_exception_passes_through_unchanged() {
    RateLimitException original = new RateLimitException("x", "", null);
    assertThat(Failures.map(original, WHERE)).isSameAs(original);
  }

  private static OpenAiChatModel openAi(String baseUrl, Duration timeout) {
    return OpenAiChatModel.builder().baseUrl(baseUrl).apiKey("test-key").modelName("fake-vlm")
        .maxRetries(0).timeout(timeout).build();
  }

  private static PvitException call(FakeOpenAiServer server, FakeOpenAiServer.Reply reply) {
    server.enqueue(reply);
    LangChain4jVisionModel model = LangChain4jVisionModel.of(openAi(server.baseUrl(), Duration.ofSeconds(5)));
    return catchThrowableOfType(PvitException.class, () -> model.chat(VisionChatRequest.of(ChatMessage.user("Hi"))));
  }

  @Test
  void real_http_failures_through_the_openai_client_are_typed() throws IOException {
    try (FakeOpenAiServer server = new FakeOpenAiServer()) {
      assertThat(call(server, FakeOpenAiServer.error(429, "Rate limit reached")))
          .isInstanceOf(RateLimitException.class).hasMessageContaining("Rate limit reached");
      assertThat(call(server, FakeOpenAiServer.error(503, "overloaded")))
          .isInstanceOfSatisfying(ModelServerException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.isRetriable()).isTrue();
          });
      assertThat(call(server, FakeOpenAiServer.error(401, "Incorrect API key provided")))
          .isInstanceOfSatisfying(ModelAuthenticationException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
      assertThat(call(server, FakeOpenAiServer.error(400, "Too many images in the request")))
          .isInstanceOfSatisfying(ModelRequestRejectedException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.serverMessage()).contains("Too many images");
            assertThat(e.isRetriable()).isFalse();
          });
      assertThat(call(server, FakeOpenAiServer.error(404, "The model does not exist")))
          .isInstanceOf(ModelRequestRejectedException.class).hasMessageContaining("model name");
      assertThat(call(server, (exchange, request) -> FakeOpenAiServer.json(exchange, 200, "<html>proxy</html>")))
          .isInstanceOf(dev.pvit.NonRetriableException.class);
    }
  }

  @Test
  void a_timeout_through_the_openai_client_is_retriable() throws IOException {
    try (FakeOpenAiServer server = new FakeOpenAiServer()) {
      server.enqueue((exchange, request) -> Thread.sleep(2000));
      LangChain4jVisionModel model = LangChain4jVisionModel.of(openAi(server.baseUrl(), Duration.ofMillis(300)));
      PvitException e = catchThrowableOfType(PvitException.class,
          () -> model.chat(VisionChatRequest.of(ChatMessage.user("Hi"))));
      assertThat(e).isInstanceOf(ModelTimeoutException.class);
      assertThat(e.isRetriable()).isTrue();
    }
  }

  @Test
  void a_refused_connection_is_retriable_blocking_and_streaming() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/v1";
    LangChain4jVisionModel model = LangChain4jVisionModel.of(openAi(url, Duration.ofSeconds(2)),
        OpenAiStreamingChatModel.builder().baseUrl(url).apiKey("k").modelName("m").timeout(Duration.ofSeconds(2))
            .build());
    VisionChatRequest request = VisionChatRequest.of(ChatMessage.user("Hi"));
    assertThat(catchThrowableOfType(PvitException.class, () -> model.chat(request)))
        .isInstanceOf(ModelConnectionException.class).hasMessageContaining("could not reach");
    assertThat(catchThrowableOfType(PvitException.class, () -> model.chat(request, d -> { })))
        .isInstanceOf(ModelConnectionException.class);
  }

  @Test
  void a_server_error_while_streaming_is_typed() throws IOException {
    try (FakeOpenAiServer server = new FakeOpenAiServer()) {
      server.enqueue(FakeOpenAiServer.error(500, "internal"));
      LangChain4jVisionModel model = LangChain4jVisionModel.of(openAi(server.baseUrl(), Duration.ofSeconds(5)),
          OpenAiStreamingChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName("m")
              .timeout(Duration.ofSeconds(5)).build());
      assertThat(catchThrowableOfType(PvitException.class,
          () -> model.chat(VisionChatRequest.of(ChatMessage.user("Hi")), d -> { })))
          .isInstanceOfSatisfying(ModelServerException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
    }
  }
}
