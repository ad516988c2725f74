package dev.pvit.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback OpenAI-compatible server that answers every request with the same reply, streamed as
 * SSE chunks (one per token, {@code pauseMillis} apart) when the client asks to stream. It counts
 * the chunks it managed to write, so tests can see that a cancelled stream stopped the server.
 */
final class FakeModelServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  final AtomicInteger chunksWritten = new AtomicInteger();
  final AtomicInteger streamsBroken = new AtomicInteger();
  volatile List<String> tokens = List.of("ok");
  volatile long pauseMillis;
  volatile long delayMillis;

  FakeModelServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  private void handle(HttpExchange exchange) throws IOException {
    JsonNode body;
    try (InputStream in = exchange.getRequestBody()) {
      body = JSON.readTree(in);
    }
    requests.add(body);
    try {
      Thread.sleep(delayMillis);
      if (body.path("stream").asBoolean()) {
        stream(exchange);
      } else {
        String text = String.join("", tokens);
        String json = "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"fake-vlm\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":" + JSON.writeValueAsString(text) + "},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":900,\"completion_tokens\":7,\"total_tokens\":907}}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private void stream(HttpExchange exchange) throws IOException, InterruptedException {
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    // Padding fills the socket buffers quickly, so writes fail soon after the client goes away.
    String padding = " ".repeat(8000);
    try (OutputStream out = exchange.getResponseBody()) {
      for (String t : tokens) {
        out.write(("data: {\"id\":\"s\",\"object\":\"chat.completion.chunk\",\"model\":\"fake-vlm\",\"choices\":[{"
            + "\"index\":0,\"delta\":{\"content\":" + JSON.writeValueAsString(t) + "}}]}" + padding + "\n\n")
            .getBytes(StandardCharsets.UTF_8));
        out.flush();
        chunksWritten.incrementAndGet();
        Thread.sleep(pauseMillis);
      }
      out.write(("data: {\"id\":\"s\",\"object\":\"chat.completion.chunk\",\"model\":\"fake-vlm\",\"choices\":[{"
          + "\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":900,"
          + "\"completion_tokens\":" + tokens.size() + ",\"total_tokens\":" + (900 + tokens.size()) + "}}\n\n"
          + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      streamsBroken.incrementAndGet();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
