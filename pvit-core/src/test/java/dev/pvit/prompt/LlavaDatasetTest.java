package dev.pvit.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlavaDatasetTest {
  /** Release-shaped records: image string/list/absent, scene after the question, unknown fields first and last. */
  static final List<String> RECORDS =
      List.of(
          "{\"id\":\"r0\",\"image\":[\"face/a.jpg\",\"coco/s.jpg\"],\"cnt\":2,\"conversations\":[{\"from\":\"human\","
              + "\"value\":\"<image>\\nThis is a photo of Abby.\\n<image>\\nWhat is Abby holding?\"},{\"from\":\"gpt\","
              + "\"value\":\"Abby is holding a cup.\"}],\"source\":\"coco\"}",
          "{\"image\":\"vg/x.jpg\",\"conversations\":[{\"from\":\"human\",\"value\":\"Describe this.\\n<image>\"},"
              + "{\"from\":\"gpt\",\"value\":\"Zoë sits \\u0001 on a bench – smiling \\ud83d\\ude00.\"}]}",
          "{\"conversations\":[{\"from\":\"human\",\"value\":\"Hello\"},{\"from\":\"gpt\",\"value\":\"Hi\"}],"
              + "\"score\":0.25,\"n\":12345678901234,\"tags\":[\"a\",null,true]}");

  @TempDir Path tmp;

  @Test
  void compact_jsonl_round_trips_byte_for_byte() throws IOException {
    Path in = tmp.resolve("in.jsonl");
    // Jackson writes U+0001 as \u0001 and keeps non-ASCII as UTF-8: normalise the fixtures to that form first
    List<String> compact = new ArrayList<>();
    for (String r : RECORDS) {
      compact.add(LlavaDataset.toJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r), LlavaDataset.Style.COMPACT));
    }
    Files.writeString(in, String.join("\n", compact) + "\n");
    Path out = tmp.resolve("out.jsonl");
    try (LlavaDataset.Writer w = LlavaDataset.writer(out, LlavaDataset.Container.JSONL)) {
      assertThat(LlavaDataset.read(in, (i, r) -> w.write(r))).isEqualTo(3);
    }
    assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(in));
    // and as a compact array, record by record
    Path array = tmp.resolve("out.json");
    LlavaDataset.jsonlToArray(out, array);
    assertThat(Files.readString(array)).isEqualTo("[\n" + String.join(",\n", compact) + "\n]\n");
    List<String> back = new ArrayList<>();
    LlavaDataset.read(array, (i, r) -> back.add(LlavaDataset.toJson(r, LlavaDataset.Style.COMPACT)));
    assertThat(back).isEqualTo(compact);
  }

  @Test
  void python_json_dumps_output_round_trips_byte_for_byte() throws Exception {
    assumeTrue(python() != null, "python3 is not on the PATH");
    Path src = tmp.resolve("src.jsonl");
    Files.writeString(src, String.join("\n", RECORDS) + "\n");
    Path dumped = tmp.resolve("dumped.json");
    run("import json,sys; rs=[json.loads(l) for l in open(sys.argv[1], encoding='utf-8')];"
        + " open(sys.argv[2],'w').write(json.dumps(rs))", src, dumped);
    Path out = tmp.resolve("again.json");
    try (LlavaDataset.Writer w = LlavaDataset.writer(out, LlavaDataset.Container.JSON_ARRAY, LlavaDataset.Style.PYTHON)) {
      LlavaDataset.read(dumped, (i, r) -> w.write(r));
    }
    assertThat(Files.readString(out)).isEqualTo(Files.readString(dumped));
  }

  @Test
  void generated_arrays_load_with_python_json_load() throws Exception {
    assumeTrue(python() != null, "python3 is not on the PATH");
    Path in = tmp.resolve("in.jsonl");
    Files.writeString(in, String.join("\n", RECORDS) + "\n");
    Path array = tmp.resolve("data.json");
    LlavaDataset.jsonlToArray(in, array);
    Path count = tmp.resolve("count.txt");
    run("import json,sys; d=json.load(open(sys.argv[1])); open(sys.argv[2],'w').write(str(len(d))+d[0]['id'])",
        array, count);
    assertThat(Files.readString(count)).isEqualTo("3r0");
  }

  @Test
  void read_located_gives_each_record_its_index_and_first_line_in_the_wording_of_the_errors() throws IOException {
    Path jsonl = tmp.resolve("l.jsonl");
    Files.writeString(jsonl, RECORDS.get(0) + "\n\n" + RECORDS.get(1) + "\n");
    List<LlavaDataset.RecordLocation> at = new ArrayList<>();
    assertThat(LlavaDataset.readLocated(jsonl, (where, r) -> at.add(where))).isEqualTo(2);
    assertThat(at).containsExactly(new LlavaDataset.RecordLocation(jsonl, 0, 1),
        new LlavaDataset.RecordLocation(jsonl, 1, 3));
    assertThat(at.get(1)).hasToString("Record 1 (line 3) of '" + jsonl + "'");
    Path notObject = tmp.resolve("n.jsonl");
    Files.writeString(notObject, RECORDS.get(0) + "\n\n[]\n");
    assertThatThrownBy(() -> LlavaDataset.readLocated(notObject, (where, r) -> { }))
        .hasMessageStartingWith(new LlavaDataset.RecordLocation(notObject, 1, 3) + " must be a JSON object");
  }

  @Test
  void detects_the_container_and_reports_bad_input_by_record() throws IOException {
    Path arr = tmp.resolve("a.json");
    Files.writeString(arr, "\uFEFF  \n[" + RECORDS.get(0) + ", " + RECORDS.get(2) + "]");
    assertThat(LlavaDataset.detect(arr)).isEqualTo(LlavaDataset.Container.JSON_ARRAY);
    List<ObjectNode> seen = new ArrayList<>();
    assertThat(LlavaDataset.read(arr, (i, r) -> seen.add(r))).isEqualTo(2);
    assertThat(seen.get(0).fieldNames().next()).isEqualTo("id");

    Path truncated = tmp.resolve("t.json");
    Files.writeString(truncated, "[" + RECORDS.get(0) + ", " + RECORDS.get(2).substring(0, 30));
    assertThatThrownBy(() -> LlavaDataset.read(truncated, (i, r) -> { }))
        .isInstanceOf(InvalidPromptException.class).hasMessageContaining("Record 1");
    Path notObject = tmp.resolve("n.json");
    Files.writeString(notObject, "[" + RECORDS.get(0) + ", 3]");
    assertThatThrownBy(() -> LlavaDataset.read(notObject, (i, r) -> { }))
        .hasMessageContaining("Record 1").hasMessageContaining("JSON object");
    Path text = tmp.resolve("x.txt");
    Files.writeString(text, "hello");
    assertThatThrownBy(() -> LlavaDataset.detect(text)).hasMessageContaining("starts with 'h'");
  }

  @Test
  void a_failed_conversion_leaves_the_target_untouched() throws IOException {
    Path in = tmp.resolve("in.jsonl");
    Files.writeString(in, RECORDS.get(0) + "\n{bad\n");
    Path target = tmp.resolve("data.json");
    Files.writeString(target, "[]");
    assertThatThrownBy(() -> LlavaDataset.jsonlToArray(in, target)).isInstanceOf(InvalidPromptException.class);
    assertThat(Files.readString(target)).isEqualTo("[]");
    assertThat(tmp.resolve("data.json.tmp")).doesNotExist();
  }

  @Test
  void the_parser_reads_arrays_with_record_indexes_in_errors() throws IOException {
    Path arr = tmp.resolve("a.json");
    Files.writeString(arr, "[" + RECORDS.get(0) + ", " + RECORDS.get(1).replace("\\u0001 ", "") + "]");
    List<LlavaRecord> got = new ArrayList<>();
    LlavaConversationParser parser = LlavaConversationParser.create();
    assertThat(parser.read(arr, got::add)).isEqualTo(2);
    assertThat(got.get(0).prompt().people().get(0).name()).isEqualTo("Abby");
    assertThat(got.get(0).extraFields()).containsOnlyKeys("id", "source");
    assertThat(got.get(1).prompt().question()).isEqualTo("Describe this.");
    Path bad = tmp.resolve("b.json");
    Files.writeString(bad, "[" + RECORDS.get(0) + ", " + RECORDS.get(2) + "]");
    assertThatThrownBy(() -> parser.read(bad, r -> { })).hasMessageContaining("Record 1").hasMessageContaining("no image");
  }

  static String python() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "python3"))) {
        return Path.of(dir, "python3").toString();
      }
    }
    return null;
  }

  static void run(String code, Path... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(python(), "-c", code));
    for (Path a : args) {
      cmd.add(a.toString());
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }
}
