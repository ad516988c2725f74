package dev.pvit.client.internal;

import java.util.List;

/**
 * Server-sent events parser over lines: collects {@code data:} lines into events (joined by
 * {@code \n}, dispatched at a blank line), skips comments ({@code :...}) and the {@code event},
 * {@code id} and {@code retry} fields. Any other line is not SSE and is rejected, so that a server
 * speaking another format fails loudly instead of yielding an empty reply.
 */
public final class SseParser {
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;

  /**
   * Consumes one line.
   *
   * @param line a line without its ending
   * @param events receives the data of each completed event
   * @throws WireFormatException if the line is not valid SSE
   */
  public void line(String line, List<String> events) {
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
      case "data":
        if (hasData) {
          data.append('\n');
        }
        data.append(value);
        hasData = true;
        break;
      case "event":
      case "id":
      case "retry":
        break;
      default:
        throw new WireFormatException("a server-sent-events line ('data: ...')", line);
    }
  }

  /**
   * Ends the stream, dispatching an event left without its blank line.
   *
   * @param events receives the last event's data, if any
   */
  public void finish(List<String> events) {
    dispatch(events);
  }

  private void dispatch(List<String> events) {
    if (hasData) {
      events.add(data.toString());
      data.setLength(0);
      hasData = false;
    }
  }
}
