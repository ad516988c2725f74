package dev.pvit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * pbench with the grounded backend against a loopback fake OpenAI-compatible server that always says
 * the person holds a microphone: refusals, presence and counts are answered locally, every
 * description question reaches the model and is scored by keyword. It runs on five scenes of the
 * shared face set (every identity still registered): the grounded backend recognises the scene for
 * every question, so the whole set would take minutes.
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

  /** Scenes kept: two with a labelled held object (one a microphone), a pair, a single person, nobody. */
  private static final List<String> SCENES = List.of("scenes/bbt_cafeteria.jpg", "scenes/zuckerberg_microphone.jpg",
      "scenes/obama_biden_side_by_side.jpg", "scenes/lfw_tony_blair_6.jpg", "scenes/negative_astronaut.jpg");

  /** The shared set's labels with only {@link #SCENES}, next to links to its photo folders. */
  private Path subset(Path faces) throws Exception {
    Path root = Files.createDirectories(dir.resolve("faces"));
    Files.createSymbolicLink(root.resolve("people"), faces.resolve("people").toAbsolutePath());
    Files.createSymbolicLink(root.resolve("scenes"), faces.resolve("scenes").toAbsolutePath());
    ObjectNode labels = (ObjectNode) JSON.readTree(faces.resolve("scenes.json").toFile());
    ArrayNode kept = JSON.createArrayNode();
    labels.get("scenes").forEach(sc -> {
      if (SCENES.contains(sc.get("file").asText())) {
        kept.add(sc);
      }
    });
    assertThat(kept).hasSize(SCENES.size());
    labels.set("scenes", kept);
    Files.writeString(root.resolve("scenes.json"), JSON.writeValueAsString(labels));
    return root;
  }

  @Test
  void grounded_backend_keeps_refusals_presence_and_counts_local_and_asks_the_model_descriptions() throws Exception {
    Path shared = Path.of(System.getProperty("shared.dir", "../../shared"), "data", "faces");
    assumeTrue(Files.isRegularFile(shared.resolve("scenes.json")), "shared face set not present");
    Path faces = subset(shared);
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
    // Refusals are decided locally: a refusal sent to the fake model would be answered "holding a microphone".
    assertThat(root.at("/summary/unanswerable/accuracy").asDouble()).isGreaterThanOrEqualTo(0.70);
    assertThat(root.at("/settings/backend").asText()).isEqualTo("grounded");
    assertThat(root.at("/settings/model").asText()).contains("fake-vlm");
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(lines.size() - 1)).startsWith("pbench: answerable=");
  }
}
