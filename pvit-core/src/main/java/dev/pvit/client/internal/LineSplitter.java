package dev.pvit.client.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Splits a byte stream into UTF-8 lines, whatever the chunk boundaries. Accepts {@code \n}, {@code
 * \r\n} and {@code \r} endings (as SSE requires). Splitting on bytes before decoding is safe because
 * line-break bytes never occur inside a multi-byte UTF-8 sequence.
 */
public final class LineSplitter {
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private final int maxLineBytes;
  private boolean afterCr;

  /**
   * Creates a splitter.
   *
   * @param maxLineBytes longest accepted line
   */
  public LineSplitter(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Consumes a chunk, appending every completed line to {@code out}.
   *
   * @param chunk the bytes
   * @param out receives completed lines, without their line ending
   * @throws WireFormatException if a line exceeds the limit
   */
  public void feed(byte[] chunk, List<String> out) {
    for (byte b : chunk) {
      if (b == '\n') {
        if (afterCr) {
          afterCr = false;
          continue;
        }
        emit(out);
      } else if (b == '\r') {
        afterCr = true;
        emit(out);
      } else {
        afterCr = false;
        if (line.size() >= maxLineBytes) {
          throw new WireFormatException(
              "a line longer than " + maxLineBytes + " bytes", excerptOf(decode()));
        }
        line.write(b);
      }
    }
  }

  /**
   * Ends the stream: a trailing line without line ending is appended to {@code out}.
   *
   * @param out receives the last line, if any
   */
  public void finish(List<String> out) {
    if (line.size() > 0) {
      emit(out);
    }
  }

  private void emit(List<String> out) {
    out.add(decode());
    line.reset();
  }

  private static String excerptOf(String s) {
    return s.substring(0, Math.min(s.length(), 300));
  }

  private String decode() {
    return line.toString(StandardCharsets.UTF_8);
  }
}
