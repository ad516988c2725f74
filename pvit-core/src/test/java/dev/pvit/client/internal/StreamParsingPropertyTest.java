package dev.pvit.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pvit.client.VisionChatResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Any chunking of a valid SSE or NDJSON stream decodes to the same text. */
class StreamParsingPropertyTest {

  @Provide
  Arbitrary<List<String>> deltas() {
    // Whole tokens, so multi-byte and surrogate-pair characters are never split in the text itself.
    Arbitrary<String> delta = Arbitraries.of(
            "a", "bc", "z", " ", "\n", "\r", "\"", "\\", "é", "→", "日本", "😀", ":", "data: ", "[DONE]", "{}")
        .list().ofMinSize(1).ofMaxSize(6)
        .map(tokens -> String.join("", tokens));
    return delta.list().ofMinSize(0).ofMaxSize(20);
  }

  @Property(tries = 300)
  void any_chunking_of_an_sse_stream_yields_the_same_text(
      @ForAll("deltas") List<String> deltas,
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 10_000) Integer> cuts,
      @ForAll boolean crlf) {
    String nl = crlf ? "\r\n" : "\n";
    StringBuilder stream = new StringBuilder(": comment" + nl + nl);
    for (String d : deltas) {
      ObjectNode chunk = Json.MAPPER.createObjectNode();
      chunk.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", d);
      stream.append("event: message").append(nl).append("data: ").append(chunk).append(nl).append(nl);
    }
    stream.append("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}").append(nl).append(nl);
    stream.append("data: [DONE]").append(nl).append(nl);

    OpenAiCodec codec = new OpenAiCodec("m", null, null, true, null);
    WireCodec.StreamDecoder decoder = codec.streamDecoder();
    LineSplitter splitter = new LineSplitter(1 << 20);
    SseParser sse = new SseParser();
    List<String> received = new ArrayList<>();
    boolean ended = false;
    for (byte[] chunk : split(stream.toString().getBytes(StandardCharsets.UTF_8), cuts)) {
      List<String> lines = new ArrayList<>();
      splitter.feed(chunk, lines);
      List<SseParser.Event> events = new ArrayList<>();
      lines.forEach(l -> sse.line(l, events));
      for (SseParser.Event e : events) {
        ended |= decoder.onEvent(e.data(), received::add);
      }
    }
    assertThat(ended).isTrue();
    VisionChatResponse r = decoder.response();
    assertThat(r.text()).isEqualTo(String.join("", deltas));
    assertThat(received).isEqualTo(deltas);
    assertThat(r.usage()).isNotNull();
  }

  @Property(tries = 300)
  void any_chunking_of_an_ndjson_stream_yields_the_same_text(
      @ForAll("deltas") List<String> deltas,
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 10_000) Integer> cuts) {
    StringBuilder stream = new StringBuilder();
    for (String d : deltas) {
      ObjectNode line = Json.MAPPER.createObjectNode().put("model", "llava");
      line.putObject("message").put("role", "assistant").put("content", d);
      line.put("done", false);
      stream.append(line).append('\n');
    }
    stream.append("{\"model\":\"llava\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,"
        + "\"done_reason\":\"stop\",\"prompt_eval_count\":4,\"eval_count\":5}\n");

    OllamaCodec codec = new OllamaCodec("llava", null, null, null, java.util.Map.of());
    WireCodec.StreamDecoder decoder = codec.streamDecoder();
    LineSplitter splitter = new LineSplitter(1 << 20);
    List<String> received = new ArrayList<>();
    boolean ended = false;
    for (byte[] chunk : split(stream.toString().getBytes(StandardCharsets.UTF_8), cuts)) {
      List<String> lines = new ArrayList<>();
      splitter.feed(chunk, lines);
      for (String l : lines) {
        if (!l.isBlank()) {
          ended |= decoder.onEvent(l, received::add);
        }
      }
    }
    assertThat(ended).isTrue();
    assertThat(decoder.response().text()).isEqualTo(String.join("", deltas));
    assertThat(received).isEqualTo(deltas);
  }

  @Property(tries = 200)
  void redaction_never_leaks_the_key_and_stays_short(
      @ForAll @Size(max = 400) String text, @ForAll @IntRange(min = 0, max = 400) int at) {
    String key = "sk-SECRETKEY123";
    int pos = Math.min(at, text.length());
    String withKey = text.substring(0, pos) + key + text.substring(pos);
    String out = Redaction.excerpt(withKey, key);
    assertThat(out).doesNotContain(key);
    assertThat(out.length()).isLessThanOrEqualTo(Redaction.EXCERPT_CHARS);
  }

  /** Splits bytes at the given cut points (taken modulo the length), as a network would. */
  static List<byte[]> split(byte[] bytes, List<Integer> cuts) {
    int[] points = cuts.stream().mapToInt(c -> bytes.length == 0 ? 0 : c % (bytes.length + 1)).sorted().toArray();
    List<byte[]> out = new ArrayList<>();
    int prev = 0;
    for (int p : points) {
      out.add(Arrays.copyOfRange(bytes, prev, p));
      prev = p;
    }
    out.add(Arrays.copyOfRange(bytes, prev, bytes.length));
    return out;
  }
}
