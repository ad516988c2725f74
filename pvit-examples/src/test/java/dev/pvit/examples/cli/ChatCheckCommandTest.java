package dev.pvit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ChatCheckCommandTest {
  private static final ObjectMapper M = new ObjectMapper();

  private HttpServer server;
  private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
  private final List<String> auth = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile String contentType = "application/json";
  private volatile String response = "";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    bodies.add(M.readTree(ex.getRequestBody().readAllBytes()));
    String a = ex.getRequestHeaders().getFirst("Authorization");
    auth.add(a == null ? "" : a);
    byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", contentType);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void checks_an_openai_compatible_server() {
    response = "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"qwen-vl\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":\"Red.\"},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":90,\"completion_tokens\":2,\"total_tokens\":92}}";
    CommandLine cl = new CommandLine(new ChatCheckCommand(Map.of("MY_KEY", "sk-local-123")::get));
    Run r = run(cl, "--backend", "openai", "--base-url", url() + "/v1", "--model", "qwen-vl",
        "--api-key-env", "MY_KEY", "--timeout", "5s");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("model:    qwen-vl").contains("latency:  ")
        .contains("usage:    prompt 90, completion 2, total 92 tokens").contains("reply:    Red.")
        .doesNotContain("sk-local-123");
    assertThat(auth).containsExactly("Bearer sk-local-123");
    JsonNode content = bodies.get(0).get("messages").get(0).get("content");
    assertThat(content.get(0).get("type").asText()).isEqualTo("text");
    assertThat(content.get(1).get("image_url").get("url").asText()).startsWith("data:image/png;base64,");
  }

  @Test
  void checks_ollama_with_streaming_via_the_registered_subcommand() {
    contentType = "application/x-ndjson";
    response = "{\"model\":\"llava\",\"message\":{\"role\":\"assistant\",\"content\":\"Red\"},\"done\":false}\n"
        + "{\"model\":\"llava\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,"
        + "\"done_reason\":\"stop\",\"prompt_eval_count\":600,\"eval_count\":2}\n";
    Run r = run(PvitCli.commandLine(), "chat-check", "--backend", "ollama", "--base-url", url(),
        "--model", "llava", "--stream");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("/api/chat").contains("first text after").contains("reply:    Red")
        .contains("prompt 600, completion 2");
    assertThat(bodies.get(0).get("messages").get(0).get("images")).hasSize(1);
  }

  @Test
  void server_failure_exits_3_with_one_error_line() {
    status = 404;
    response = "{\"error\":\"model \\\"nope\\\" not found, try pulling it first\"}";
    Run r = run(PvitCli.commandLine(), "chat-check", "--backend", "ollama", "--base-url", url(), "--model", "nope");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).startsWith("error: ").contains("not found").contains("ollama pull nope");
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @Test
  void unreachable_server_exits_3() {
    String dead = url();
    server.stop(0);
    Run r = run(PvitCli.commandLine(), "chat-check", "--backend", "openai", "--base-url", dead, "--model", "m",
        "--timeout", "2s");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).startsWith("error: Could not reach");
  }

  @Test
  void missing_api_key_variable_exits_3() {
    CommandLine cl = new CommandLine(new ChatCheckCommand(name -> null));
    Run r = run(cl, "--backend", "openai", "--base-url", url(), "--model", "m", "--api-key-env", "NOPE");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("NOPE").contains("not set");
    assertThat(bodies).isEmpty();
  }

  @Test
  void bad_flags_exit_2() {
    assertThat(run(PvitCli.commandLine(), "chat-check", "--backend", "grpc", "--base-url", url(), "--model", "m").exit())
        .isEqualTo(2);
    assertThat(run(PvitCli.commandLine(), "chat-check", "--backend", "openai", "--base-url", url(), "--model", "m",
        "--timeout", "soon").exit()).isEqualTo(2);
  }

  @Test
  void parses_short_and_iso_durations() {
    ChatCheckCommand.DurationConverter c = new ChatCheckCommand.DurationConverter();
    assertThat(c.convert("500ms").toMillis()).isEqualTo(500);
    assertThat(c.convert("60s").getSeconds()).isEqualTo(60);
    assertThat(c.convert("2m").getSeconds()).isEqualTo(120);
    assertThat(c.convert("PT1H").getSeconds()).isEqualTo(3600);
  }
}
