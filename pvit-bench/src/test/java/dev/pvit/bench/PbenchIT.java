package dev.pvit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The whole pbench command with the embedded backend on the shared face set (skipped when absent). */
class PbenchIT {
  @TempDir Path dir;

  @Test
  void embedded_backend_on_the_shared_face_set_meets_the_floors() throws Exception {
    Path faces = Path.of(System.getProperty("shared.dir", "../../shared"), "data", "faces");
    assumeTrue(Files.isRegularFile(faces.resolve("scenes.json")), "shared face set not present");
    CommandLine cl = BenchCli.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    Path json = dir.resolve("report.json");
    int code = cl.execute("pbench", "--data", faces.toString(), "--seed", "42", "--out", json.toString());
    assertThat(code).isZero();

    List<String> lines = out.toString().lines().toList();
    String last = lines.get(lines.size() - 1);
    assertThat(last).matches("pbench: answerable=[01]\\.\\d{4} unanswerable=[01]\\.\\d{4} questions=\\d+");

    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertThat(root.at("/summary/questions").asInt()).isGreaterThan(150);
    assertThat(root.at("/summary/answerable/accuracy").asDouble()).as("answerable").isGreaterThanOrEqualTo(0.90);
    assertThat(root.at("/summary/unanswerable/accuracy").asDouble()).as("unanswerable").isGreaterThanOrEqualTo(0.95);
    assertThat(root.at("/summary/falseAcceptRate/rate").asDouble()).as("false accepts").isLessThanOrEqualTo(0.125);
    for (String c : List.of("presence-yes", "presence-no", "identification", "relative-position", "count",
        "absent-refusal", "unknown-refusal")) {
      assertThat(root.at("/categories/" + c + "/total").asInt()).as(c).isPositive();
      assertThat(root.at("/categories/" + c + "/accuracy").asDouble()).as(c).isGreaterThanOrEqualTo(0.8);
    }
    assertThat(root.at("/byRegisteredPeople").fieldNames()).toIterable().contains("0", "1", "2", "≥4");
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("<svg").doesNotContain("<script");
    assertThat(Files.readString(dir.resolve("report.md"))).contains("## Accuracy per category");
  }
}
