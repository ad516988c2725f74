package dev.pvit.bench.pbench;

import dev.pvit.bench.BenchInputException;
import dev.pvit.prompt.InvalidPromptException;
import dev.pvit.prompt.LlavaDataset;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The records of a benchmark input file (P-Bench records, an answers file): one JSON array of
 * objects (what the PVIT release's scripts read with {@code json.load}) or JSON Lines, streamed one
 * record at a time by {@link LlavaDataset#readLocated}, so a multi-gigabyte array is never held in
 * memory whole.
 *
 * <p>What this adds is the benchmark's error contract: where {@code LlavaDataset} throws {@link
 * InvalidPromptException} (malformed JSON, a record that is not an object, an empty file) or {@link
 * UncheckedIOException} (an unreadable file), this throws {@link BenchInputException}, the one type
 * {@code pbench} reports as a bad input (exit code 3), with the same message naming the record and
 * line. The handler names records the same way in its own errors, with {@link
 * LlavaDataset.RecordLocation}'s wording.
 *
 * <pre>{@code
 * long n = JsonRecords.forEach(Path.of("p-bench.json"), (at, record) -> {
 *   if (!record.has("text")) {
 *     throw new BenchInputException(at + " has no \"text\".");
 *   }
 * });
 * }</pre>
 */
public final class JsonRecords {
  private JsonRecords() {}

  /**
   * Calls the handler for every record, in file order.
   *
   * @param file a JSON array of objects or a JSON Lines file
   * @param handler receives each record and where it stands; its exceptions pass through unchanged,
   *     except the two types above, which become {@link BenchInputException}s too
   * @return how many records there were
   * @throws BenchInputException if the file cannot be read, is empty, or holds malformed JSON or a
   *     record that is not an object (naming the record and line)
   */
  public static long forEach(Path file, LlavaDataset.LocatedRecordConsumer handler) {
    try {
      return LlavaDataset.readLocated(file, handler);
    } catch (InvalidPromptException | UncheckedIOException e) {
      throw new BenchInputException(e.getMessage(), e);
    }
  }
}
