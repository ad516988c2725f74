package dev.pvit.client.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Server-sent events parser over lines, following the WHATWG "event stream interpretation" rules
 * (HTML Living Standard, section 9.2.6), so any spec-conforming server parses the same way:
 *
 * <ul>
 *   <li>a U+FEFF byte-order mark at the start of the stream is dropped;
 *   <li>a blank line dispatches the pending event, if it has a {@code data} field;
 *   <li>a line starting with {@code :} is a comment and is ignored;
 *   <li>{@code name:value} is a field (one leading space of the value is dropped); a line without a
 *       colon is a field name with an empty value;
 *   <li>{@code data} appends its value to the event's data (several lines joined by {@code \n});
 *       {@code event} sets the event type (default {@code message}); {@code id} sets the last event
 *       id unless the value contains U+0000; {@code retry} sets the reconnection time only when the
 *       value is all ASCII digits; every other field is ignored;
 *   <li>an event left without its blank line at the end of the stream is discarded.
 * </ul>
 *
 * <p>Line endings ({@code \r\n}, {@code \n}, {@code \r}) are the {@link LineSplitter}'s job. Lines
 * that are not SSE at all (an HTML error page, say) are ignored as the spec requires; the first of
 * them is kept ({@link #firstIgnoredLine()}) so a stream that never yields an event can say why.
 */
public final class SseParser {
  /** The event type when the stream names none. */
  public static final String DEFAULT_TYPE = "message";

  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private String type = "";
  private String lastEventId = "";
  private long retryMillis = -1;
  private boolean started;
  private String firstIgnored;

  /**
   * One dispatched event.
   *
   * @param type the event type ({@value #DEFAULT_TYPE} unless an {@code event} field set another)
   * @param data the data lines joined by {@code \n}
   * @param lastEventId the last event id seen so far in the stream ({@code ""} if none)
   */
  public record Event(String type, String data, String lastEventId) {}

  /**
   * Consumes one line.
   *
   * @param line a line without its ending
   * @param events receives each completed event
   */
  public void line(String line, List<Event> events) {
    if (!started) {
      started = true;
      if (line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
    }
    if (line.isEmpty()) {
      dispatch(events);
      return;
    }
    if (line.charAt(0) == ':') {
      return;
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "data" -> {
        if (hasData) {
          data.append('\n');
        }
        data.append(value);
        hasData = true;
      }
      case "event" -> type = value;
      case "id" -> {
        if (value.indexOf('\0') < 0) {
          lastEventId = value;
        }
      }
      case "retry" -> {
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9') && value.length() < 19) {
          retryMillis = Long.parseLong(value);
        }
      }
      default -> {
        if (firstIgnored == null) {
          firstIgnored = line;
        }
      }
    }
  }

  /**
   * Ends the stream. Per the spec an event still waiting for its blank line is discarded.
   */
  public void finish() {
    data.setLength(0);
    hasData = false;
    type = "";
  }

  /**
   * The reconnection time the server asked for with a {@code retry} field.
   *
   * @return milliseconds, or -1 if the stream set none
   */
  public long retryMillis() {
    return retryMillis;
  }

  /**
   * The first line that was neither a comment nor a known field, for error messages.
   *
   * @return the line, or null if every line was SSE
   */
  public @Nullable String firstIgnoredLine() {
    return firstIgnored;
  }

  private void dispatch(List<Event> events) {
    if (hasData) {
      events.add(new Event(type.isEmpty() ? DEFAULT_TYPE : type, data.toString(), lastEventId));
    }
    data.setLength(0);
    hasData = false;
    type = "";
  }
}
