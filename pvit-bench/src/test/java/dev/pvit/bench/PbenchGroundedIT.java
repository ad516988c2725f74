package dev.pvit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * pbench with the grounded backend on the shared face set against a loopback fake OpenAI-compatible
 * server that always says the person holds a microphone: who/where/how-many questions and refusals
 * are answered locally, only description questions reach the model and are scored by keyword.
 */
class PbenchGroundedIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;
  @TempDir Path dir;

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        requests.add(JSON.readTree(in));
      }
      String body = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"fake-vlm\",\"choices\":[{\"index\":0,"
          + "\"message\":{\"role\":\"assistant\",\"content\":\"They are holding a microphone.\"},"
          + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":900,\"completion_tokens\":7,\"total_tokens\":907}}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void grounded_backend_asks_the_model_only_descriptions() throws Exception {
    Path faces = Path.of(System.getProperty("shared.dir", "../../shared"), "data", "faces");
    assumeTrue(Files.isRegularFile(faces.resolve("scenes.json")), "shared face set not present");
    CommandLine cl = BenchCli.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    Path json = dir.resolve("report.json");
    int code = cl.execute("pbench", "--data", faces.toString(), "--backend", "grounded",
        "--base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "--model", "fake-vlm",
        "--out", json.toString());
    assertThat(code).as(out.toString()).isZero();

    JsonNode root = JSON.readTree(json.toFile());
    int descriptions = root.at("/categories/description/total").asInt();
    assertThat(descriptions).isPositive();
    // Every description reaches the model; refusals, presence and counts are answered locally. Other
    // questions reach it only if the question parser does not understand them (measured, not fixed here).
    assertThat(requests.size()).isGreaterThanOrEqualTo(descriptions);
    List<String> bodies = requests.stream().map(JsonNode::toString).toList();
    for (JsonNode q : root.get("questions")) {
      if (List.of("absent-refusal", "unknown-refusal", "presence-yes", "presence-no", "count")
          .contains(q.get("category").asText())) {
        String text = JSON.writeValueAsString(q.get("question").asText());
        String quoted = text.substring(1, text.length() - 1);
        assertThat(bodies).as(q.get("question").asText()).noneMatch(b -> b.contains(quoted));
      }
    }
    // Only the scene labelled "holding a microphone" matches the fake model's answer.
    assertThat(root.at("/categories/description/correct").asInt()).isEqualTo(1);
    assertThat(root.at("/summary/description/total").asInt()).isEqualTo(descriptions);
    for (String c : List.of("presence-yes", "presence-no", "count")) {
      assertThat(root.at("/categories/" + c + "/accuracy").asDouble()).as(c).isGreaterThanOrEqualTo(0.90);
    }
    assertThat(root.at("/summary/unanswerable/accuracy").asDouble()).isGreaterThanOrEqualTo(0.90);
    assertThat(root.at("/settings/backend").asText()).isEqualTo("grounded");
    assertThat(root.at("/settings/model").asText()).contains("fake-vlm");
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(lines.size() - 1)).startsWith("pbench: answerable=");
  }
}
