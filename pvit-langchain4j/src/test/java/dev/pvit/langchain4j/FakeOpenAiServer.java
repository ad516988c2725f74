package dev.pvit.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A loopback OpenAI Chat Completions server (JDK {@link HttpServer}) that records every request
 * body and answers with scripted replies, one per request, then with the fallback.
 */
final class FakeOpenAiServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One scripted answer. */
  @FunctionalInterface
  interface Reply {
    void send(HttpExchange exchange, JsonNode request) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private volatile Reply fallback = text("ok");

  FakeOpenAiServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  FakeOpenAiServer enqueue(Reply reply) {
    replies.add(reply);
    return this;
  }

  FakeOpenAiServer always(Reply reply) {
    fallback = reply;
    return this;
  }

  List<JsonNode> requests() {
    return requests;
  }

  private void handle(HttpExchange exchange) throws IOException {
    JsonNode body;
    try (InputStream in = exchange.getRequestBody()) {
      body = JSON.readTree(in);
    }
    requests.add(body);
    Reply r = replies.poll();
    try {
      (r != null ? r : fallback).send(exchange, body);
    } catch (Exception e) {
      exchange.sendResponseHeaders(599, -1);
    } finally {
      exchange.close();
    }
  }

  /** A complete (non-streamed) reply with the given text, finish reason and usage. */
  static Reply text(String text, String finishReason, int promptTokens, int completionTokens) {
    return (exchange, request) -> {
      ObjectNode root = JSON.createObjectNode().put("id", "c1").put("object", "chat.completion")
          .put("created", 1).put("model", "fake-vlm-2025");
      ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", finishReason);
      choice.putObject("message").put("role", "assistant").put("content", text);
      root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
          .put("total_tokens", promptTokens + completionTokens);
      json(exchange, 200, root.toString());
    };
  }

  static Reply text(String text) {
    return text(text, "stop", 900, 7);
  }

  /** A reply that calls one tool with the given JSON arguments. */
  static Reply toolCall(String id, String tool, String arguments) {
    return (exchange, request) -> {
      ObjectNode root = JSON.createObjectNode().put("id", "c2").put("object", "chat.completion")
          .put("created", 1).put("model", "fake-vlm-2025");
      ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "tool_calls");
      ObjectNode message = choice.putObject("message").put("role", "assistant");
      message.putNull("content");
      ArrayNode calls = message.putArray("tool_calls");
      ObjectNode call = calls.addObject().put("id", id).put("type", "function");
      call.putObject("function").put("name", tool).put("arguments", arguments);
      root.putObject("usage").put("prompt_tokens", 50).put("completion_tokens", 10).put("total_tokens", 60);
      json(exchange, 200, root.toString());
    };
  }

  /** An error status with an OpenAI-style error body. */
  static Reply error(int status, String message) {
    return (exchange, request) -> {
      ObjectNode root = JSON.createObjectNode();
      root.putObject("error").put("message", message).put("type", "test_error");
      json(exchange, status, root.toString());
    };
  }

  /** A streamed reply: one SSE chunk per delta, then the finish reason, usage and [DONE]. */
  static Reply stream(List<String> deltas, long pauseMillis) {
    return (exchange, request) -> {
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        for (String d : deltas) {
          ObjectNode chunk = chunk();
          ((ObjectNode) chunk.withArray("choices").get(0)).putObject("delta").put("content", d);
          event(out, chunk.toString());
          if (pauseMillis > 0) {
            Thread.sleep(pauseMillis);
          }
        }
        ObjectNode end = chunk();
        ((ObjectNode) end.withArray("choices").get(0)).put("finish_reason", "stop").putObject("delta");
        event(out, end.toString());
        ObjectNode usage = JSON.createObjectNode().put("id", "s1").put("object", "chat.completion.chunk")
            .put("created", 1).put("model", "fake-vlm-2025");
        usage.putArray("choices");
        usage.putObject("usage").put("prompt_tokens", 900).put("completion_tokens", deltas.size())
            .put("total_tokens", 900 + deltas.size());
        event(out, usage.toString());
        event(out, "[DONE]");
      }
    };
  }

  private static ObjectNode chunk() {
    ObjectNode c = JSON.createObjectNode().put("id", "s1").put("object", "chat.completion.chunk")
        .put("created", 1).put("model", "fake-vlm-2025");
    c.putArray("choices").addObject().put("index", 0);
    return c;
  }

  private static void event(OutputStream out, String data) throws IOException {
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  static void json(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
