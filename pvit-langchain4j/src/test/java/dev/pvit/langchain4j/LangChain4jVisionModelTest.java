package dev.pvit.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.pvit.client.ChatMessage;
import dev.pvit.client.ContentPart;
import dev.pvit.client.FinishReason;
import dev.pvit.client.ImageDetail;
import dev.pvit.client.InvalidChatRequestException;
import dev.pvit.client.InvalidModelConfigException;
import dev.pvit.client.TokenUsage;
import dev.pvit.client.VisionChatRequest;
import dev.pvit.client.VisionChatResponse;
import dev.pvit.image.ImageInput;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link LangChain4jVisionModel} over LangChain4j's own {@link OpenAiChatModel} and {@link
 * OpenAiStreamingChatModel}, talking to a loopback fake OpenAI server.
 */
class LangChain4jVisionModelTest {
  private FakeOpenAiServer server;

  @BeforeEach
  void start() throws IOException {
    server = new FakeOpenAiServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static ImageInput image(Color color, String name) {
    BufferedImage img = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 8; x++) {
        img.setRGB(x, y, color.getRGB() ^ (x * 31 + y));
      }
    }
    return ImageInput.of(img, name);
  }

  private OpenAiChatModel openAi() {
    return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("test-key").modelName("fake-vlm")
        .maxRetries(0).timeout(Duration.ofSeconds(5)).build();
  }

  private OpenAiStreamingChatModel openAiStreaming() {
    return OpenAiStreamingChatModel.builder().baseUrl(server.baseUrl()).apiKey("test-key").modelName("fake-vlm")
        .timeout(Duration.ofSeconds(5)).build();
  }

  @Test
  void maps_text_images_history_and_settings_in_order() {
    ImageInput alice = image(Color.RED, "alice.png");
    ImageInput scene = image(Color.BLUE, "scene.png");
    server.enqueue(FakeOpenAiServer.text("Alice is holding a cup.", "stop", 900, 7));
    VisionChatRequest request = VisionChatRequest.builder()
        .system("Answer briefly.")
        .user("Hello")
        .assistant("Hi, show me a photo.")
        .user(ContentPart.text("This is Alice."), ContentPart.image(alice), ContentPart.image(scene),
            ContentPart.text("What is Alice holding?"))
        .temperature(0.2).maxTokens(64)
        .build();

    VisionChatResponse reply = LangChain4jVisionModel.of(openAi()).chat(request);

    assertThat(reply.text()).isEqualTo("Alice is holding a cup.");
    assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(reply.usage()).isEqualTo(new TokenUsage(900, 7, 907));
    assertThat(reply.modelId()).isEqualTo("fake-vlm-2025");
    JsonNode sent = server.requests().get(0);
    assertThat(sent.get("model").asText()).isEqualTo("fake-vlm");
    assertThat(sent.get("temperature").asDouble()).isEqualTo(0.2);
    assertThat(sent.has("max_tokens") ? sent.get("max_tokens").asInt() : sent.get("max_completion_tokens").asInt())
        .isEqualTo(64);
    JsonNode messages = sent.get("messages");
    assertThat(messages).extracting(m -> m.get("role").asText()).containsExactly("system", "user", "assistant", "user");
    assertThat(messages.get(0).get("content").asText()).isEqualTo("Answer briefly.");
    assertThat(messages.get(2).get("content").asText()).isEqualTo("Hi, show me a photo.");
    JsonNode parts = messages.get(3).get("content");
    assertThat(parts).extracting(p -> p.get("type").asText()).containsExactly("text", "image_url", "image_url", "text");
    assertThat(parts.get(0).get("text").asText()).isEqualTo("This is Alice.");
    assertThat(parts.get(1).get("image_url").get("url").asText()).isEqualTo(alice.dataUrl());
    assertThat(parts.get(2).get("image_url").get("url").asText()).isEqualTo(scene.dataUrl());
    assertThat(parts.get(3).get("text").asText()).isEqualTo("What is Alice holding?");
  }

  @Test
  void sends_the_image_detail_when_set() {
    LangChain4jVisionModel model = LangChain4jVisionModel.builder().chatModel(openAi()).imageDetail(ImageDetail.LOW)
        .build();
    model.chat(VisionChatRequest.of(ChatMessage.user(ContentPart.image(image(Color.GREEN, "g.png")))));
    JsonNode part = server.requests().get(0).get("messages").get(0).get("content").get(0);
    assertThat(part.get("image_url").get("detail").asText()).isEqualTo("low");
  }

  @Test
  void folds_system_text_into_the_first_user_message_when_the_model_has_no_system_prompt() {
    LangChain4jVisionModel model = LangChain4jVisionModel.builder().chatModel(openAi()).systemPrompt(false).build();
    assertThat(model.capabilities().systemPrompt()).isFalse();
    model.chat(VisionChatRequest.builder().system("Use the names given.")
        .user(ContentPart.text("Who is this?"), ContentPart.image(image(Color.RED, "r.png"))).build());
    JsonNode messages = server.requests().get(0).get("messages");
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).get("role").asText()).isEqualTo("user");
    JsonNode parts = messages.get(0).get("content");
    assertThat(parts.get(0).get("text").asText()).startsWith("Use the names given.");
    assertThat(parts.get(1).get("text").asText()).isEqualTo("Who is this?");
    assertThat(parts.get(2).get("type").asText()).isEqualTo("image_url");
  }

  @ParameterizedTest
  @CsvSource({"stop,STOP", "length,LENGTH", "content_filter,CONTENT_FILTER", "tool_calls,TOOL_CALLS"})
  void maps_finish_reasons(String wire, FinishReason expected) {
    server.enqueue(FakeOpenAiServer.text("partial", wire, 10, 2));
    assertThat(LangChain4jVisionModel.of(openAi()).chat(VisionChatRequest.of(ChatMessage.user("Hi")))
        .finishReason()).isEqualTo(expected);
  }

  @Test
  void streams_deltas_in_order_on_the_calling_thread() {
    List<String> deltas = List.of("Alice ", "is ", "holding ", "a ", "cup.");
    server.enqueue(FakeOpenAiServer.stream(deltas, 0));
    LangChain4jVisionModel model = LangChain4jVisionModel.of(openAi(), openAiStreaming());
    assertThat(model.capabilities().streaming()).isTrue();
    List<String> got = new ArrayList<>();
    Thread caller = Thread.currentThread();
    List<Thread> threads = new ArrayList<>();

    VisionChatResponse reply = model.chat(VisionChatRequest.of(ChatMessage.user("What is Alice holding?")), d -> {
      got.add(d);
      threads.add(Thread.currentThread());
    });

    assertThat(got).containsExactlyElementsOf(deltas);
    assertThat(threads).containsOnly(caller);
    assertThat(reply.text()).isEqualTo("Alice is holding a cup.");
    assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(reply.usage()).isEqualTo(new TokenUsage(900, 5, 905));
    assertThat(server.requests().get(0).get("stream").asBoolean()).isTrue();
  }

  @Test
  void a_listener_failure_cancels_the_stream_and_the_server_stops_sending() throws Exception {
    AtomicInteger written = new AtomicInteger();
    CountDownLatch serverDone = new CountDownLatch(1);
    int total = 400;
    String padding = "x".repeat(4000);
    server.enqueue((exchange, request) -> {
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < total; i++) {
          String chunk = "{\"id\":\"s\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
              + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + i + padding + "\"}}]}";
          out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
          written.incrementAndGet();
          Thread.sleep(2);
        }
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // the client went away: expected
      } finally {
        serverDone.countDown();
      }
    });
    LangChain4jVisionModel model = LangChain4jVisionModel.of(openAi(), openAiStreaming());
    List<String> got = Collections.synchronizedList(new ArrayList<>());

    assertThatThrownBy(() -> model.chat(VisionChatRequest.of(ChatMessage.user("Go")), d -> {
      got.add(d);
      if (got.size() == 2) {
        throw new IllegalStateException("enough");
      }
    })).isInstanceOf(IllegalStateException.class).hasMessage("enough");

    assertThat(serverDone.await(20, TimeUnit.SECONDS)).as("the server's stream ended").isTrue();
    assertThat(got).hasSize(2);
    assertThat(written.get()).as("chunks the server wrote before the connection was dropped").isLessThan(total);
  }

  @Test
  void a_publisher_cancellation_stops_delivery() throws Exception {
    server.enqueue(FakeOpenAiServer.stream(List.of("a", "b", "c", "d", "e", "f"), 30));
    LangChain4jVisionModel model = LangChain4jVisionModel.of(openAi(), openAiStreaming());
    List<String> got = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch two = new CountDownLatch(2);
    AtomicInteger completions = new AtomicInteger();
    model.stream(VisionChatRequest.of(ChatMessage.user("Go"))).subscribe(new Flow.Subscriber<>() {
      private Flow.Subscription s;

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        s = subscription;
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(String item) {
        got.add(item);
        two.countDown();
        if (got.size() == 2) {
          s.cancel();
        }
      }

      @Override
      public void onError(Throwable throwable) {
        completions.incrementAndGet();
      }

      @Override
      public void onComplete() {
        completions.incrementAndGet();
      }
    });
    assertThat(two.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(400);
    assertThat(got).containsExactly("a", "b");
    assertThat(completions.get()).isZero();
  }

  @Test
  void a_stalled_stream_times_out_as_retriable() {
    server.enqueue((exchange, request) -> {
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      Thread.sleep(3000);
    });
    LangChain4jVisionModel model = LangChain4jVisionModel.builder().chatModel(openAi())
        .streamingChatModel(openAiStreaming()).idleTimeout(Duration.ofMillis(300)).build();
    assertThatThrownBy(() -> model.chat(VisionChatRequest.of(ChatMessage.user("Go")), d -> { }))
        .isInstanceOf(dev.pvit.client.ModelTimeoutException.class)
        .hasMessageContaining("idleTimeout")
        .satisfies(e -> assertThat(((dev.pvit.PvitException) e).isRetriable()).isTrue());
  }

  @Test
  void without_a_streaming_model_the_reply_arrives_as_one_piece() {
    server.enqueue(FakeOpenAiServer.text("Bob is on the right."));
    LangChain4jVisionModel model = LangChain4jVisionModel.of(openAi());
    assertThat(model.capabilities().streaming()).isFalse();
    List<String> got = new ArrayList<>();
    model.chat(VisionChatRequest.of(ChatMessage.user("Where is Bob?")), got::add);
    assertThat(got).containsExactly("Bob is on the right.");
  }

  @Test
  void a_closed_adapter_refuses_calls_and_the_builder_checks_its_settings() {
    LangChain4jVisionModel model = LangChain4jVisionModel.of(openAi());
    model.close();
    assertThatThrownBy(() -> model.chat(VisionChatRequest.of(ChatMessage.user("Hi"))))
        .isInstanceOf(InvalidChatRequestException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> LangChain4jVisionModel.builder().build())
        .isInstanceOf(InvalidModelConfigException.class).hasMessageContaining("chatModel");
    assertThatThrownBy(() -> LangChain4jVisionModel.builder().chatModel(openAi()).maxImagesPerRequest(0).build())
        .isInstanceOf(InvalidModelConfigException.class).hasMessageContaining("maxImagesPerRequest");
  }
}
