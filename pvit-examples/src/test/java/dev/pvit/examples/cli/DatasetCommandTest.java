package dev.pvit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

/** {@code pvit dataset validate|convert} on a small release-shaped array. */
class DatasetCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GOOD =
      "{\"image\":[\"f/a.jpg\",\"s.jpg\"],\"cnt\":2,\"conversations\":[{\"from\":\"human\",\"value\":"
          + "\"<image>\\nThis is Abby's portrait.\\n<image>\\nWhere is Abby?\"},{\"from\":\"gpt\",\"value\":"
          + "\"The image excludes Abby.\"}]}";
  private static final String UNKNOWN =
      "{\"image\":[\"f/a.jpg\",\"s.jpg\"],\"conversations\":[{\"from\":\"human\",\"value\":"
          + "\"<image>\\nHere is a snapshot featuring Mary Ann.\\n<image>\\nWhat is Bob holding?\"},{\"from\":\"gpt\","
          + "\"value\":\"I have no visual reference for Bob.\"}]}";
  private static final String BAD = "{\"image\":[\"s.jpg\"],\"conversations\":[{\"from\":\"human\",\"value\":\"<image>\\n<image>\\nQ?\"}]}";

  @TempDir Path dir;
  private StringWriter out = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    CommandLine cl = PvitCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    return cl.execute(args);
  }

  @Test
  void validate_reports_each_record_and_a_summary() throws Exception {
    Path file = dir.resolve("data.json");
    Files.writeString(file, "[" + GOOD + ",\n" + UNKNOWN + ",\n" + BAD + "]");
    assertThat(run("dataset", "validate", file.toString(), "--json")).isEqualTo(3);
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(JSON.readTree(lines.get(0))).isEqualTo(JSON.readTree(
        "{\"index\":0,\"names\":[\"Abby\"],\"images\":2,\"placeholders\":2,\"refusals\":[\"ABSENT\"],\"errors\":[]}"));
    assertThat(JSON.readTree(lines.get(1))).isEqualTo(JSON.readTree(
        "{\"index\":1,\"names\":[\"Mary Ann\"],\"images\":2,\"placeholders\":2,\"refusals\":[\"UNKNOWN\"],\"errors\":[]}"));
    JsonNode bad = JSON.readTree(lines.get(2));
    assertThat(bad.get("errors").get(0).asText()).contains("2 '<image>' placeholder(s) but 1 image(s)");
    JsonNode summary = JSON.readTree(lines.get(3)).get("summary");
    assertThat(summary.get("records").asInt()).isEqualTo(3);
    assertThat(summary.get("recordsWithProblems").asInt()).isEqualTo(1);

    Files.writeString(file, "[" + GOOD + "]");
    assertThat(run("dataset", "validate", file.toString())).isZero();
    assertThat(out.toString()).contains("1 records; people introduced per record: 1 -> 1")
        .contains("1 absent-person refusals").contains("0 record(s) with problems");
    assertThat(run("dataset", "validate", file.toString(), "--images", dir.toString())).isEqualTo(3);
    assertThat(out.toString()).contains("missing images [f/a.jpg, s.jpg]");
  }

  @Test
  void convert_writes_each_format_and_prints_the_llama_factory_entry() throws Exception {
    Path file = dir.resolve("data.jsonl");
    Files.writeString(file, GOOD + "\n" + UNKNOWN + "\n");
    Path lf = dir.resolve("pvit_lf.json");
    assertThat(run("dataset", "convert", file.toString(), "--to", "llama-factory", lf.toString())).isZero();
    assertThat(out.toString()).contains("2 records, 4 image references").contains("\"formatting\" : \"sharegpt\"");
    assertThat(JSON.readTree(lf.toFile())).hasSize(2);
    Path arr = dir.resolve("pvit.json");
    assertThat(run("dataset", "convert", file.toString(), "--to", "pvit-json", arr.toString())).isZero();
    assertThat(Files.readString(arr)).isEqualTo("[\n" + GOOD + ",\n" + UNKNOWN + "\n]\n");
    Path swift = dir.resolve("swift.jsonl");
    assertThat(run("dataset", "convert", arr.toString(), "--to", "ms-swift", swift.toString())).isZero();
    assertThat(Files.readAllLines(swift)).hasSize(2);
    assertThat(run("dataset", "convert", arr.toString(), "--to", "openai", dir.resolve("o.jsonl").toString())).isEqualTo(2);
    assertThat(run("dataset", "convert", arr.toString(), "--to", "openai", "--image-url-prefix", "https://x/",
        dir.resolve("o.jsonl").toString())).isZero();
    assertThat(run("dataset", "convert", arr.toString(), "--to", "csv", dir.resolve("o.csv").toString())).isEqualTo(2);
  }
}
