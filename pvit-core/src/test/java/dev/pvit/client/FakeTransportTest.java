package dev.pvit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pvit.client.internal.HttpTransport;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Timeout plumbing checked through an in-memory {@link HttpTransport}. */
class FakeTransportTest {

  /** Scripted in-memory transport: each send pops the next outcome. */
  private static final class FakeTransport implements HttpTransport {
    final List<Request> requests = new ArrayList<>();
    final List<Duration> readTimeouts = new ArrayList<>();
    final Deque<Object> outcomes = new ArrayDeque<>();
    Duration connectTimeout;
    boolean closed;

    @Override
    public Response send(Request request) throws IOException {
      requests.add(request);
      Object next = outcomes.pop();
      if (next instanceof IOException e) {
        throw e;
      }
      Deque<byte[]> chunks = new ArrayDeque<>();
      chunks.add(((String) next).getBytes(StandardCharsets.UTF_8));
      return new Response() {
        @Override
        public int statusCode() {
          return 200;
        }

        @Override
        public Optional<String> header(String name) {
          return name.equalsIgnoreCase("Content-Type") ? Optional.of("application/json") : Optional.empty();
        }

        @Override
        public byte @Nullable [] read(Duration timeout) {
          readTimeouts.add(timeout);
          return chunks.poll();
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private static final String OK =
      "{\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}";

  @Test
  void passes_connect_first_byte_and_idle_timeouts_to_the_transport() {
    FakeTransport fake = new FakeTransport();
    fake.outcomes.add(OK);
    OpenAiCompatibleChatModel model = OpenAiCompatibleChatModel.builder()
        .baseUrl("http://model.invalid").model("m")
        .connectTimeout(Duration.ofSeconds(3)).firstByteTimeout(Duration.ofSeconds(40))
        .idleTimeout(Duration.ofSeconds(7)).totalTimeout(Duration.ofMinutes(5))
        .timeSource(new FakeTime())
        .transport(connect -> {
          fake.connectTimeout = connect;
          return fake;
        })
        .build();
    assertThat(model.chat(VisionChatRequest.of(ChatMessage.user("q"))).text()).isEqualTo("hi");
    model.close();
    assertThat(fake.connectTimeout).isEqualTo(Duration.ofSeconds(3));
    assertThat(fake.requests.get(0).firstByteTimeout()).isEqualTo(Duration.ofSeconds(40));
    assertThat(fake.requests.get(0).uri().toString()).isEqualTo("http://model.invalid/v1/chat/completions");
    assertThat(fake.readTimeouts).containsOnly(Duration.ofSeconds(7));
    assertThat(fake.closed).isTrue();
  }

  @Test
  void first_byte_wait_is_limited_by_the_remaining_total_timeout() {
    FakeTransport fake = new FakeTransport();
    fake.outcomes.add(OK);
    try (OpenAiCompatibleChatModel model = OpenAiCompatibleChatModel.builder()
        .baseUrl("http://model.invalid").model("m")
        .firstByteTimeout(Duration.ofSeconds(120)).totalTimeout(Duration.ofSeconds(30))
        .timeSource(new FakeTime()).transport(c -> fake).build()) {
      model.chat(VisionChatRequest.of(ChatMessage.user("q")));
    }
    assertThat(fake.requests.get(0).firstByteTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(fake.readTimeouts).containsOnly(Duration.ofSeconds(30));
  }

  @Test
  void connect_timeouts_are_retried_then_reported_as_connect_phase() {
    FakeTransport fake = new FakeTransport();
    fake.outcomes.add(new HttpConnectTimeoutException("HTTP connect timed out"));
    fake.outcomes.add(new HttpConnectTimeoutException("HTTP connect timed out"));
    FakeTime time = new FakeTime();
    try (OllamaChatModel model = OllamaChatModel.builder().model("llava").maxAttempts(2)
        .timeSource(time).jitter(() -> 0.0).transport(c -> fake).build()) {
      ModelTimeoutException e = catchThrowableOfType(ModelTimeoutException.class,
          () -> model.chat(VisionChatRequest.of(ChatMessage.user("q"))));
      assertThat(e.phase()).isEqualTo(ModelTimeoutException.Phase.CONNECT);
      assertThat(e).hasMessageContaining("connectTimeout");
    }
    assertThat(fake.requests).hasSize(2);
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(250));
  }
}
