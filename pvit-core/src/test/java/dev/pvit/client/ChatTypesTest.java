package dev.pvit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.image.ImageInput;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChatTypesTest {
  private final ImageInput img = TestImages.png(8, Color.GREEN, "face.png");

  @Test
  void messages_keep_part_order_and_are_immutable() {
    List<ContentPart> parts = new ArrayList<>(List.of(ContentPart.text("a"), ContentPart.image(img), ContentPart.text("b")));
    ChatMessage m = new ChatMessage(Role.USER, parts);
    parts.clear();
    assertThat(m.parts()).hasSize(3);
    assertThat(m.text()).isEqualTo("ab");
    assertThat(m.images()).containsExactly(img);
    assertThatThrownBy(() -> m.parts().add(ContentPart.text("c"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejects_empty_messages_and_images_outside_user_turns() {
    assertThatThrownBy(() -> ChatMessage.builder(Role.USER).build())
        .isInstanceOf(InvalidChatRequestException.class).hasMessageContaining("no content");
    assertThatThrownBy(() -> ChatMessage.builder(Role.SYSTEM).image(img).build())
        .isInstanceOf(InvalidChatRequestException.class).hasMessageContaining("only USER");
    assertThatThrownBy(() -> VisionChatRequest.builder().build())
        .isInstanceOf(InvalidChatRequestException.class).hasMessageContaining("at least one message");
    assertThatThrownBy(() -> VisionChatRequest.builder().user("x").maxTokens(0).build())
        .isInstanceOf(InvalidChatRequestException.class).hasMessageContaining("maxTokens");
    assertThatThrownBy(() -> VisionChatRequest.builder().user("x").temperature(Double.NaN).build())
        .isInstanceOf(InvalidChatRequestException.class).hasMessageContaining("temperature");
  }

  @Test
  void request_to_string_shows_media_type_and_byte_count_only() {
    VisionChatRequest r = VisionChatRequest.builder().user(ContentPart.text("who?"), ContentPart.image(img)).build();
    assertThat(r.toString()).contains("ImagePart[image/png, " + img.byteCount() + " bytes, face.png]")
        .doesNotContain(img.base64().substring(0, 16));
    assertThat(r.imageCount()).isEqualTo(1);
  }

  @Test
  void finish_reasons_map_from_wire_values() {
    assertThat(FinishReason.fromWire("stop")).isEqualTo(FinishReason.STOP);
    assertThat(FinishReason.fromWire("length")).isEqualTo(FinishReason.LENGTH);
    assertThat(FinishReason.fromWire("content_filter")).isEqualTo(FinishReason.CONTENT_FILTER);
    assertThat(FinishReason.fromWire("unload")).isEqualTo(FinishReason.OTHER);
    assertThat(FinishReason.fromWire(null)).isEqualTo(FinishReason.UNKNOWN);
  }

  /** An SPI implementation writing only chat(request). */
  private static final class EchoModel implements VisionChatModel {
    @Override
    public VisionChatResponse chat(VisionChatRequest request) {
      return new VisionChatResponse("echo:" + request.messages().get(0).text(), FinishReason.STOP, null, "echo");
    }
  }

  @Test
  void spi_defaults_stream_the_whole_reply_as_one_delta() {
    List<String> deltas = new ArrayList<>();
    try (VisionChatModel m = new EchoModel()) {
      VisionChatResponse r = m.chat(VisionChatRequest.of(ChatMessage.user("hi")), deltas::add);
      assertThat(r.text()).isEqualTo("echo:hi");
      assertThat(m.capabilities()).isEqualTo(ModelCapabilities.defaults());
    }
    assertThat(deltas).containsExactly("echo:hi");
  }

  /** Streams each character of the question as one delta. */
  private static final class CharModel implements VisionChatModel {
    @Override
    public VisionChatResponse chat(VisionChatRequest request) {
      return chat(request, d -> {});
    }

    @Override
    public VisionChatResponse chat(VisionChatRequest request, StreamListener listener) {
      String text = request.messages().get(0).text();
      for (char c : text.toCharArray()) {
        listener.onText(String.valueOf(c));
      }
      return new VisionChatResponse(text, FinishReason.STOP, null, "chars");
    }
  }

  @Test
  void publisher_honours_demand_and_completes() throws Exception {
    Flow.Publisher<String> p = new CharModel().stream(VisionChatRequest.of(ChatMessage.user("abcde")));
    List<String> got = new ArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    p.subscribe(new Flow.Subscriber<>() {
      Flow.Subscription s;

      @Override
      public void onSubscribe(Flow.Subscription s) {
        this.s = s;
        s.request(1);
      }

      @Override
      public void onNext(String item) {
        got.add(item);
        s.request(1);
      }

      @Override
      public void onError(Throwable t) {
        done.completeExceptionally(t);
      }

      @Override
      public void onComplete() {
        done.complete(null);
      }
    });
    done.get(5, TimeUnit.SECONDS);
    assertThat(got).containsExactly("a", "b", "c", "d", "e");
  }

  @Test
  void publisher_stops_after_cancel_and_reports_errors() throws Exception {
    Flow.Publisher<String> p = new CharModel().stream(VisionChatRequest.of(ChatMessage.user("abcdef")));
    List<String> got = new ArrayList<>();
    CountDownLatch latch = new CountDownLatch(1);
    p.subscribe(new Flow.Subscriber<>() {
      Flow.Subscription s;

      @Override
      public void onSubscribe(Flow.Subscription s) {
        this.s = s;
        s.request(2);
      }

      @Override
      public void onNext(String item) {
        got.add(item);
        if (got.size() == 2) {
          s.cancel();
          latch.countDown();
        }
      }

      @Override
      public void onError(Throwable t) {
        got.add("error");
      }

      @Override
      public void onComplete() {
        got.add("complete");
      }
    });
    assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(100);
    assertThat(got).containsExactly("a", "b");

    VisionChatModel failing = request -> {
      throw new ModelServerException("down", 503, "");
    };
    CompletableFuture<Throwable> error = new CompletableFuture<>();
    failing.stream(VisionChatRequest.of(ChatMessage.user("x"))).subscribe(new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(String item) {}

      @Override
      public void onError(Throwable t) {
        error.complete(t);
      }

      @Override
      public void onComplete() {
        error.complete(null);
      }
    });
    assertThat(error.get(5, TimeUnit.SECONDS)).isInstanceOf(ModelServerException.class);
  }
}
