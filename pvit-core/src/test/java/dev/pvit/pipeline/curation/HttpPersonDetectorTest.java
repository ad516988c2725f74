package dev.pvit.pipeline.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpPersonDetectorTest {
  private HttpServer server;
  private volatile int status = 200;
  private volatile String body = "[]";
  private final AtomicReference<String> contentType = new AtomicReference<>();
  private final AtomicReference<byte[]> received = new AtomicReference<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/detect", ex -> {
      contentType.set(ex.getRequestHeaders().getFirst("Content-Type"));
      received.set(ex.getRequestBody().readAllBytes());
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpPersonDetector detector() {
    return HttpPersonDetector.builder()
        .url(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/detect"))
        .timeout(Duration.ofSeconds(5)).build();
  }

  @Test
  void posts_a_jpeg_and_reads_clipped_boxes_above_the_threshold() {
    body = "{\"detections\": [{\"box\": [10.4, 20, 50, 300], \"score\": 0.9},"
        + " {\"box\": [100, 0, 20, 20], \"score\": 0.2}, {\"box\": [180, 10, 50, 50], \"score\": 0.5}]}";
    List<Detection> people = detector().detect(new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB), List.of());
    assertThat(contentType.get()).isEqualTo("image/jpeg");
    assertThat(received.get()[0]).isEqualTo((byte) 0xFF);
    assertThat(people).containsExactly(
        new Detection(Box.fromEdges(10, 20, 61, 150), 0.9), new Detection(Box.fromEdges(180, 10, 200, 60), 0.5));
  }

  @Test
  void server_errors_are_retriable_and_bad_answers_are_not() {
    BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    status = 503;
    assertThatThrownBy(() -> detector().detect(img, List.of())).isInstanceOf(DetectorUnavailableException.class)
        .hasMessageContaining("503");
    status = 404;
    assertThatThrownBy(() -> detector().detect(img, List.of())).isInstanceOf(InvalidDetectorResponseException.class)
        .hasMessageContaining("404");
    status = 200;
    body = "{\"boxes\": []}";
    assertThatThrownBy(() -> detector().detect(img, List.of())).isInstanceOf(InvalidDetectorResponseException.class)
        .hasMessageContaining("detections array");
    body = "[{\"box\": [1, 2, 3], \"score\": 0.9}]";
    assertThatThrownBy(() -> detector().detect(img, List.of())).isInstanceOf(InvalidDetectorResponseException.class);
    server.stop(0);
    assertThatThrownBy(() -> detector().detect(img, List.of())).isInstanceOf(DetectorUnavailableException.class);
  }

  @Test
  void requires_an_http_url() {
    assertThatThrownBy(() -> HttpPersonDetector.builder().build()).hasMessageContaining("url(URI)");
    assertThatThrownBy(() -> HttpPersonDetector.builder().url(URI.create("file:///x"))).hasMessageContaining("http");
  }
}
