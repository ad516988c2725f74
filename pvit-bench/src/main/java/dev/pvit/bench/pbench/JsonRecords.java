package dev.pvit.bench.pbench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.bench.BenchInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams the records of a JSON file that is either one JSON array of objects (what the PVIT
 * release's scripts read with {@code json.load}) or JSON Lines (one object per line), detected from
 * the first non-blank character. Records are parsed one at a time with Jackson's streaming parser,
 * so a multi-gigabyte array is never held in memory whole.
 *
 * <pre>{@code
 * long n = JsonRecords.forEach(Path.of("p-bench.json"), (index, where, node) -> handle(node));
 * }</pre>
 */
public final class JsonRecords {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonRecords() {}

  /** Receives one record. */
  @FunctionalInterface
  public interface Handler {
    /**
     * Handles a record.
     *
     * @param index the record's position, from 0
     * @param where a description for error messages, e.g. {@code 'qa.json' record 3 (line 12)}
     * @param record the record
     */
    void accept(int index, String where, JsonNode record);
  }

  /**
   * Calls the handler for every record, in file order.
   *
   * @param file a JSON array of objects or a JSON Lines file
   * @param handler receives each record
   * @return how many records there were
   * @throws BenchInputException naming the record (and line) of malformed JSON or of a record
   *     that is not an object, or if the file cannot be read
   */
  public static int forEach(Path file, Handler handler) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
        JsonParser p = JSON.getFactory().createParser(in)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return 0;
      }
      boolean array = first == JsonToken.START_ARRAY;
      int index = 0;
      JsonToken t = array ? p.nextToken() : first;
      while (t != null && t != JsonToken.END_ARRAY) {
        String where = "'" + file + "' record " + (index + 1) + " (line " + p.currentLocation().getLineNr() + ")";
        JsonNode node;
        try {
          node = JSON.readTree(p);
        } catch (JsonProcessingException e) {
          throw new BenchInputException(where + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!node.isObject()) {
          throw new BenchInputException(where + " must be a JSON object, not " + node.getNodeType() + ".");
        }
        handler.accept(index++, where, node);
        t = p.nextToken();
      }
      if (array && p.nextToken() != null) {
        throw new BenchInputException("'" + file + "' has more JSON after its array; give one array or JSON Lines.");
      }
      return index;
    } catch (JsonProcessingException e) {
      throw new BenchInputException("'" + file + "' is not valid JSON or JSON Lines near line "
          + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new BenchInputException("Cannot read '" + file + "': " + e.getMessage(), e);
    }
  }
}
