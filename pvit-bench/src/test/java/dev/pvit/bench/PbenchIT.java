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
    assertThat(last).matches("pbench: answerable=[01]\\.\\d{4} unanswerable=[01]\\.\\d{4} wrong=[01]\\.\\d{4} abstained=[01]\\.\\d{4} questions=\\d+");

    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertThat(root.at("/summary/questions").asInt()).isGreaterThanOrEqualTo(206);
    assertThat(root.at("/summary/falseAcceptRate/rate").asDouble()).as("false accepts").isLessThanOrEqualTo(0.125);
    // Floors for what recognition decides (presence of one person, counts, refusals); the new
    // negated, conjunctive and open questions measure the question parser and are reported, not floored.
    for (String c : List.of("presence-yes", "presence-no", "count", "absent-refusal", "unknown-refusal")) {
      assertThat(root.at("/categories/" + c + "/accuracy").asDouble()).as(c).isGreaterThanOrEqualTo(0.8);
    }
    for (String c : List.of("negated-presence", "conjunction", "disjunction", "who-is-here", "identification",
        "relative-position")) {
      JsonNode n = root.at("/categories/" + c);
      assertThat(n.get("total").asInt()).as(c).isPositive();
      assertThat(n.get("correct").asInt() + n.get("wrong").asInt() + n.get("abstained").asInt()).as(c)
          .isEqualTo(n.get("total").asInt());
    }
    assertThat(root.at("/byRegisteredPeople").fieldNames()).toIterable().contains("0", "1", "2", "≥4");
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("<svg").doesNotContain("<script");
    assertThat(Files.readString(dir.resolve("report.md"))).contains("## Per category").contains("## Wrong (");
  }
}
