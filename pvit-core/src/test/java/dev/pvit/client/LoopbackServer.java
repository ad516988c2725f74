package dev.pvit.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP/1.1 server on the loopback interface (JDK {@link HttpServer}) answering with scripted
 * responses, one per request, and recording every request.
 */
final class LoopbackServer implements AutoCloseable {

  /** One scripted answer. */
  @FunctionalInterface
  interface Script {
    void respond(HttpExchange exchange, RecordedRequest request) throws Exception;
  }

  /** What the client sent. */
  record RecordedRequest(
      String method, String path, String protocol, Map<String, List<String>> headers, byte[] body) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final BlockingQueue<Script> scripts = new LinkedBlockingQueue<>();
  private final List<RecordedRequest> requests = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger count = new AtomicInteger();
  private volatile Script fallback;

  LoopbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  LoopbackServer enqueue(Script script) {
    scripts.add(script);
    return this;
  }

  /** Answers every request not covered by an enqueued script. */
  LoopbackServer always(Script script) {
    fallback = script;
    return this;
  }

  int requestCount() {
    return count.get();
  }

  List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  RecordedRequest lastRequest() {
    List<RecordedRequest> all = requests();
    return all.get(all.size() - 1);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    RecordedRequest req = new RecordedRequest(
        exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getProtocol(),
        Map.copyOf(exchange.getRequestHeaders()), body);
    requests.add(req);
    count.incrementAndGet();
    Script script = scripts.poll();
    if (script == null) {
      script = fallback;
    }
    try {
      if (script == null) {
        send(exchange, 599, "text/plain", "no script");
      } else {
        script.respond(exchange, req);
      }
    } catch (AbortConnection e) {
      // Escaping the handler makes the server close the socket without finishing the response.
      throw e;
    } catch (Exception e) {
      // The client went away (e.g. it cancelled a stalled stream).
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- scripts -------------------------------------------------------------------------------

  /** Thrown by a script to make the server drop the connection without any response. */
  static final class AbortConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  static Script json(int status, String body) {
    return json(status, body, Map.of());
  }

  static Script json(int status, String body, Map<String, String> headers) {
    return (ex, req) -> {
      headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      send(ex, status, "application/json", body);
    };
  }

  static Script text(int status, String contentType, String body) {
    return (ex, req) -> send(ex, status, contentType, body);
  }

  /** Streams the chunks with chunked transfer encoding, flushing each, pausing between them. */
  static Script chunks(String contentType, Duration pause, String... chunks) {
    return (ex, req) -> {
      ex.getResponseHeaders().add("Content-Type", contentType);
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      for (String c : chunks) {
        out.write(c.getBytes(StandardCharsets.UTF_8));
        out.flush();
        if (!pause.isZero()) {
          Thread.sleep(pause.toMillis());
        }
      }
      out.close();
    };
  }

  static Script sse(String... chunks) {
    return chunks("text/event-stream", Duration.ZERO, chunks);
  }

  static Script ndjson(String... chunks) {
    return chunks("application/x-ndjson", Duration.ZERO, chunks);
  }

  /** Sends the chunks, then stops writing without ending the response for {@code stall}. */
  static Script stallAfter(String contentType, Duration stall, String... chunks) {
    return (ex, req) -> {
      ex.getResponseHeaders().add("Content-Type", contentType);
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      for (String c : chunks) {
        out.write(c.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      Thread.sleep(stall.toMillis());
    };
  }

  /** Sends the chunks, then drops the connection mid-body. */
  static Script cutAfter(String contentType, String... chunks) {
    return (ex, req) -> {
      ex.getResponseHeaders().add("Content-Type", contentType);
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      for (String c : chunks) {
        out.write(c.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      throw new AbortConnection();
    };
  }

  /** Waits before sending any header. */
  static Script delayed(Duration delay, Script then) {
    return (ex, req) -> {
      Thread.sleep(delay.toMillis());
      then.respond(ex, req);
    };
  }

  static Script abort() {
    return (ex, req) -> {
      throw new AbortConnection();
    };
  }

  static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", contentType);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
