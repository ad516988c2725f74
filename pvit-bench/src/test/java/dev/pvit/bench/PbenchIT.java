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
    assertThat(lines).anyMatch(l -> l.startsWith("recognition at the gallery-wide threshold "));
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
    assertRecognitionSectionIsConsistent(root.get("recognition"));
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("<svg").doesNotContain("<script").contains("class=\"threshold\"");
    assertThat(Files.readString(dir.resolve("report.md"))).contains("## Per category").contains("## Wrong (")
        .contains("## Recognition: distances and error rates").contains("◀ threshold");
  }

  /** The distance section exists and its counts agree with each other (no accuracy floor: that is the docs' job). */
  private static void assertRecognitionSectionIsConsistent(JsonNode rec) {
    assertThat(rec).as("recognition section").isNotNull();
    double threshold = rec.at("/operatingPoint/threshold").asDouble();
    assertThat(threshold).isBetween(0.4, 0.6);
    for (String set : List.of("calibration", "evaluation")) {
      JsonNode s = rec.get(set);
      int genuine = s.get("genuine").asInt();
      int impostor = s.get("impostor").asInt();
      assertThat(genuine).as(set + " genuine").isPositive();
      assertThat(impostor).as(set + " impostor").isGreaterThan(genuine);
      assertThat(s.at("/falseRejectRate/n").asInt()).isEqualTo(genuine);
      assertThat(s.at("/falseAcceptRate/n").asInt()).isEqualTo(impostor);
      assertThat(s.at("/falseAcceptRate/count").asInt()).isBetween(0, impostor);
      JsonNode h = s.get("histogram");
      assertThat(h.get("threshold").asDouble()).isEqualTo(threshold);
      int g = h.at("/above/genuine").asInt();
      int i = h.at("/above/impostor").asInt();
      for (JsonNode b : h.get("bins")) {
        g += b.get("genuine").asInt();
        i += b.get("impostor").asInt();
      }
      assertThat(g).as(set + " genuine in bins").isEqualTo(genuine);
      assertThat(i).as(set + " impostor in bins").isEqualTo(impostor);
    }
    JsonNode eval = rec.get("evaluation");
    assertThat(eval.get("tiedFaces").asInt()).isBetween(eval.get("genuine").asInt(), eval.get("faces").asInt());
    assertThat(eval.at("/atPersonThresholds/falseRejectRate/n").asInt()).isEqualTo(eval.get("genuine").asInt());
  }
}
