package dev.pvit.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The WHATWG event-stream rules, checked as a property: a stream of events rendered with any mix of
 * line endings, {@code data:} with or without its space, an optional byte-order mark, and noise the
 * spec says to ignore (comments, unknown fields, colon-less unknown field names, bad {@code retry}
 * values), split into any chunks, parses back to exactly the events written.
 */
class SseEventStreamPropertyTest {

  /** An event as written: its type ("" for none), data lines and id (null for none). */
  record Written(String type, List<String> dataLines, String id) {}

  @Provide
  Arbitrary<List<Written>> events() {
    Arbitrary<String> text = Arbitraries.of("a", "b c", " lead", ":", "data: x", "é", "日本", "😀", "{\"k\":1}", "", "\t")
        .list().ofMaxSize(4).map(t -> String.join("", t));
    Arbitrary<String> type = Arbitraries.of("", "message", "delta", "error");
    Arbitrary<String> id = Arbitraries.of("1", "42", "abc").injectNull(0.5);
    return Combinators.combine(type, text.list().ofMinSize(1).ofMaxSize(3), id)
        .as(Written::new)
        .list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.oneOf(
        Arbitraries.of(":", ": keep-alive", ":data: not data", ":\uFEFF"),
        Arbitraries.strings().withChars("abcxyz<>/ ").ofMinLength(1).ofMaxLength(8)
            .filter(n -> !n.startsWith(":") && !n.isBlank() && !isField(n.split(":", 2)[0])),
        Arbitraries.of("foo: bar", "Data: capitalised is unknown", "DATA", " data: leading space is unknown",
            "retry: soon", "retry: -5", "retry:", "<html>", "{\"choices\":[]}"));
  }

  @Provide
  Arbitrary<List<String>> noiseLines() {
    return noise().list().ofMaxSize(12);
  }

  private static boolean isField(String name) {
    return List.of("data", "event", "id", "retry").contains(name);
  }

  @Property(tries = 400)
  void any_rendering_and_chunking_of_an_event_stream_parses_to_the_same_events(
      @ForAll("events") List<Written> written,
      @ForAll("noiseLines") List<String> noise,
      @ForAll long seed,
      @ForAll boolean bom,
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 100_000) Integer> cuts) {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>();
    List<SseParser.Event> expected = new ArrayList<>();
    String lastId = "";
    for (Written w : written) {
      List<String> eventLines = new ArrayList<>();
      if (!w.type().isEmpty()) {
        eventLines.add(random.nextBoolean() ? "event: " + w.type() : "event:" + w.type());
      }
      if (w.id() != null) {
        eventLines.add("id: " + w.id());
        lastId = w.id();
      }
      for (String d : w.dataLines()) {
        // "data:" without its space only when the value does not itself start with a space.
        boolean spaced = d.startsWith(" ") || random.nextBoolean();
        eventLines.add(d.isEmpty() && random.nextBoolean() ? "data" : (spaced ? "data: " : "data:") + d);
      }
      java.util.Collections.shuffle(eventLines.subList(0, eventLines.size() - w.dataLines().size()), random);
      for (String l : eventLines) {
        insertNoise(lines, noise, random);
        lines.add(l);
      }
      insertNoise(lines, noise, random);
      lines.add("");
      expected.add(new SseParser.Event(
          w.type().isEmpty() ? SseParser.DEFAULT_TYPE : w.type(), String.join("\n", w.dataLines()), lastId));
    }
    byte[] stream = render(lines, bom, random);

    LineSplitter splitter = new LineSplitter(1 << 16);
    SseParser parser = new SseParser();
    List<SseParser.Event> parsed = new ArrayList<>();
    List<String> got = new ArrayList<>();
    for (byte[] chunk : StreamParsingPropertyTest.split(stream, cuts)) {
      got.clear();
      splitter.feed(chunk, got);
      got.forEach(l -> parser.line(l, parsed));
    }
    got.clear();
    splitter.finish(got);
    got.forEach(l -> parser.line(l, parsed));
    parser.finish();
    assertThat(parsed).isEqualTo(expected);
  }

  private static void insertNoise(List<String> lines, List<String> noise, Random random) {
    if (!noise.isEmpty() && random.nextInt(3) == 0) {
      lines.add(noise.get(random.nextInt(noise.size())));
    }
  }

  /**
   * Each line gets a random ending. A line ending in a lone CR followed by an empty line ending in a
   * lone LF would read as one CRLF, so that pairing is avoided (it is a different byte stream).
   */
  private static byte[] render(List<String> lines, boolean bom, Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (bom) {
      out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    String previousEnding = "\n";
    for (String line : lines) {
      String ending = List.of("\n", "\r", "\r\n").get(random.nextInt(3));
      if (line.isEmpty() && previousEnding.equals("\r") && ending.equals("\n")) {
        ending = "\r";
      }
      out.writeBytes((line + ending).getBytes(StandardCharsets.UTF_8));
      previousEnding = ending;
    }
    return out.toByteArray();
  }
}
