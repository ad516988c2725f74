package dev.pvit.bench.pbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseAnswerTest {
  @TempDir Path dir;

  @Test
  void writes_the_release_scripts_keys_in_order_with_python_spacing_and_ascii_escapes() {
    ReleaseAnswer a = new ReleaseAnswer("<image>\nThis is Zoë.\n<image>\nQ?\tA. \"x\"", "B \u0001😀", "abc",
        "llava-pvit", TextNode.valueOf("B"), TextNode.valueOf("single"), new ObjectMapper().createObjectNode());
    assertThat(a.toJsonLine()).isEqualTo("{\"prompt\": \"<image>\\nThis is Zo\\u00eb.\\n<image>\\nQ?\\tA. \\\"x\\\"\", "
        + "\"text\": \"B \\u0001\\ud83d\\ude00\", \"answer_id\": \"abc\", \"model_id\": \"llava-pvit\", "
        + "\"gt_answer\": \"B\", \"mode\": \"single\", \"metadata\": {}}");
  }

  @Test
  void ids_look_like_shortuuid() {
    String id = ReleaseAnswer.shortUuid();
    assertThat(id).hasSize(22).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz]+");
    assertThat(ReleaseAnswer.shortUuid()).isNotEqualTo(id);
  }

  @Test
  void floats_are_written_as_python_repr() {
    assertThat(ReleaseAnswer.pythonFloat(1.5)).isEqualTo("1.5");
    assertThat(ReleaseAnswer.pythonFloat(1e16)).isEqualTo("1e+16");
    assertThat(ReleaseAnswer.pythonFloat(1.5e16)).isEqualTo("1.5e+16");
    assertThat(ReleaseAnswer.pythonFloat(1e15)).isEqualTo("1000000000000000.0");
    assertThat(ReleaseAnswer.pythonFloat(0.0001)).isEqualTo("0.0001");
    assertThat(ReleaseAnswer.pythonFloat(0.00001)).isEqualTo("1e-05");
    assertThat(ReleaseAnswer.pythonFloat(-2.5e-7)).isEqualTo("-2.5e-07");
  }

  @Test
  void every_fixture_line_is_rewritten_byte_for_byte() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(AnswerFileScorerTest.fixture(), StandardCharsets.UTF_8)) {
      assertThat(ReleaseAnswer.from(json.readTree(line)).toJsonLine()).isEqualTo(line);
    }
  }

  @Property(tries = 200)
  void any_text_reads_back_as_itself(@ForAll String text) throws Exception {
    ReleaseAnswer a = ReleaseAnswer.of("p", text, "m", TextNode.valueOf(text), TextNode.valueOf("mode"));
    JsonNode back = new ObjectMapper().readTree(a.toJsonLine());
    assertThat(back.get("text").asText()).isEqualTo(text.strip());
    assertThat(back.get("gt_answer").asText()).isEqualTo(text);
    assertThat(a.toJsonLine()).matches("[\\x20-\\x7e]*");
  }

  @Test
  void python_json_dumps_writes_the_same_line_when_python_is_available() throws Exception {
    assumeTrue(python(), "python3 not on the PATH");
    ReleaseAnswer a = new ReleaseAnswer("<image>\nThis is Nguyễn.\n<image>\nWho?\nA. Zoë\nB. ☃ \u007f", "A \"quoted\" \\",
        "id", "m", TextNode.valueOf("A"), TextNode.valueOf("multi"), new ObjectMapper().createObjectNode());
    Path in = Files.writeString(dir.resolve("in.json"), a.toJsonLine(), StandardCharsets.UTF_8);
    Process p = new ProcessBuilder("python3", "-c",
        "import json,sys; d=json.load(open(sys.argv[1], encoding='utf-8')); sys.stdout.write(json.dumps(d))", in.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(out).isEqualTo(a.toJsonLine());
  }

  private static boolean python() {
    try {
      Process p = new ProcessBuilder(List.of("python3", "--version")).redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
