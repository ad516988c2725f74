package dev.pvit.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientInternalsTest {

  @Test
  void backoff_doubles_per_attempt_with_jitter_between_half_and_full_step_and_is_capped() {
    RetryPolicy low = new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(3), () -> 0.0);
    RetryPolicy high = new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(3), () -> 0.999999999);
    assertThat(low.delay(1, null)).isEqualTo(Duration.ofMillis(250));
    assertThat(low.delay(2, null)).isEqualTo(Duration.ofMillis(500));
    assertThat(low.delay(3, null)).isEqualTo(Duration.ofMillis(1000));
    assertThat(low.delay(9, null)).isEqualTo(Duration.ofMillis(1500));
    assertThat(high.delay(1, null)).isBetween(Duration.ofMillis(499), Duration.ofMillis(500));
    assertThat(high.delay(30, null)).isBetween(Duration.ofMillis(2999), Duration.ofSeconds(3));
  }

  @Test
  void retry_after_overrides_backoff_and_is_capped() {
    RetryPolicy p = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(30), () -> 0.5);
    assertThat(p.delay(1, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.delay(1, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void parses_retry_after_seconds_and_http_dates() {
    Instant now = Instant.parse("2026-11-26T12:00:00Z");
    assertThat(RetryPolicy.parseRetryAfter("120", now)).isEqualTo(Duration.ofSeconds(120));
    assertThat(RetryPolicy.parseRetryAfter(" 0 ", now)).isEqualTo(Duration.ZERO);
    assertThat(RetryPolicy.parseRetryAfter("Thu, 26 Nov 2026 12:01:30 GMT", now)).isEqualTo(Duration.ofSeconds(90));
    assertThat(RetryPolicy.parseRetryAfter("Thu, 26 Nov 2026 11:00:00 GMT", now)).isEqualTo(Duration.ZERO);
    assertThat(RetryPolicy.parseRetryAfter("soon", now)).isNull();
    assertThat(RetryPolicy.parseRetryAfter("-5", now)).isNull();
  }

  @Test
  void redaction_strips_key_and_base64_runs_and_shortens() {
    String b64 = "iVBORw0KGgo" + "A".repeat(300) + "==";
    String out = Redaction.excerpt("bad image data:image/png;base64," + b64 + " key sk-abc  \n tail", "sk-abc");
    assertThat(out).isEqualTo("bad image [base64 " + ("data:image/png;base64," + b64).length() + " chars] key [api-key] tail");
    assertThat(Redaction.excerpt("x".repeat(50) + " " + "word ".repeat(100), null)).hasSize(200).endsWith("…");
    assertThat(Redaction.excerpt("short base64 aGVsbG8=", null)).isEqualTo("short base64 aGVsbG8=");
  }

  @Test
  void line_splitter_handles_every_line_ending_across_chunks() {
    LineSplitter s = new LineSplitter(100);
    List<String> out = new ArrayList<>();
    s.feed("a\r".getBytes(StandardCharsets.UTF_8), out);
    s.feed("\nb\rc\n\nd".getBytes(StandardCharsets.UTF_8), out);
    s.finish(out);
    assertThat(out).containsExactly("a", "b", "c", "", "d");
  }

  @Test
  void line_splitter_rejects_overlong_lines() {
    LineSplitter s = new LineSplitter(10);
    assertThatThrownBy(() -> s.feed("x".repeat(11).getBytes(StandardCharsets.UTF_8), new ArrayList<>()))
        .isInstanceOf(WireFormatException.class);
  }

  @Test
  void sse_parser_joins_multi_line_data_and_skips_comments_and_fields() {
    SseParser p = new SseParser();
    List<SseParser.Event> events = new ArrayList<>();
    for (String line : List.of(": hi", "id: 1", "event: x", "retry: 10", "data: a", "data:b", "", "data: last", "")) {
      p.line(line, events);
    }
    assertThat(events).extracting(SseParser.Event::data).containsExactly("a\nb", "last");
    assertThat(events).extracting(SseParser.Event::type).containsExactly("x", "message");
    assertThat(events).extracting(SseParser.Event::lastEventId).containsExactly("1", "1");
    assertThat(p.retryMillis()).isEqualTo(10);
  }

  @Test
  void sse_parser_ignores_unknown_fields_and_lines_without_a_colon() {
    SseParser p = new SseParser();
    List<SseParser.Event> events = new ArrayList<>();
    for (String line : List.of("\uFEFFfoo: bar", "<html>", "data", "data", "", "data:  two spaces", "")) {
      p.line(line, events);
    }
    // "data" without a colon is a data field with an empty value: two of them make "\n".
    assertThat(events).extracting(SseParser.Event::data).containsExactly("\n", " two spaces");
    assertThat(p.firstIgnoredLine()).isEqualTo("foo: bar");
  }

  @Test
  void sse_parser_applies_retry_only_for_digits_and_id_only_without_nul() {
    SseParser p = new SseParser();
    List<SseParser.Event> events = new ArrayList<>();
    for (String line : List.of("retry: 1500", "retry: 2s", "retry", "id: a", "id: b\0c", "event: e", "", "data: x", "")) {
      p.line(line, events);
    }
    assertThat(p.retryMillis()).isEqualTo(1500);
    // An event without data dispatches nothing and resets the event type.
    assertThat(events).containsExactly(new SseParser.Event("message", "x", "a"));
  }

  @Test
  void sse_parser_discards_an_event_left_without_its_blank_line() {
    SseParser p = new SseParser();
    List<SseParser.Event> events = new ArrayList<>();
    p.line("data: done", events);
    p.line("", events);
    p.line("data: cut", events);
    p.finish();
    assertThat(events).extracting(SseParser.Event::data).containsExactly("done");
  }

  @Test
  void error_messages_are_extracted_from_every_common_shape() throws Exception {
    assertThat(Json.errorMessage(Json.MAPPER.readTree("{\"error\":{\"message\":\"m1\",\"type\":\"t\"}}"))).isEqualTo("m1");
    assertThat(Json.errorMessage(Json.MAPPER.readTree("{\"error\":\"m2\"}"))).isEqualTo("m2");
    assertThat(Json.errorMessage(Json.MAPPER.readTree("{\"object\":\"error\",\"message\":\"m3\"}"))).isEqualTo("m3");
    assertThat(Json.errorMessage(Json.MAPPER.readTree("{\"detail\":\"Not Found\"}"))).isEqualTo("Not Found");
    assertThat(Json.errorMessage(Json.MAPPER.readTree("{\"foo\":1}"))).isNull();
  }
}
