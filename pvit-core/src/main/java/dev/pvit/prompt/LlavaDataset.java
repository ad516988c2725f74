package dev.pvit.prompt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes PVIT/LLaVA dataset files record by record, exactly as the PVIT release lays them
 * out: one JSON array per file ({@code PVIT-3M.json}, read with Python's {@code json.load}) or JSON
 * Lines. Reading detects the container from the first non-whitespace byte (<code>[</code> or <code>{</code>)
 * and streams with Jackson's streaming parser, one record in memory at a time, so a multi-GB file
 * reads in constant memory. Records are kept as JSON trees: every field, known or not, and its
 * order survive a read and a write.
 *
 * <p>Round trip: each record is written byte for byte as it was read in either of two styles:
 * {@link Style#COMPACT} (no spaces, UTF-8 as is: Jackson's and {@code json.dumps(r,
 * separators=(',', ':'), ensure_ascii=False)}'s form) or {@link Style#PYTHON} (Python's {@code
 * json.dumps(r)} default: {@code ", "} and {@code ": "}, non-ASCII as lower-case {@code \\uXXXX}).
 * Containers: a compact array is {@code [}, one record per line with {@code ,} at line ends, {@code ]};
 * a Python-style array is exactly {@code json.dumps(list)}; JSONL is one compact record per line.
 * Floats written in exponent form ({@code 1e-05}) are the one thing not preserved as written.
 *
 * <pre>{@code
 * try (LlavaDataset.Writer out = LlavaDataset.writer(Path.of("out.json"), LlavaDataset.Container.JSON_ARRAY)) {
 *   LlavaDataset.read(Path.of("PVIT-3M.json"), (index, record) -> out.write(record));
 * }
 * }</pre>
 */
public final class LlavaDataset {
  /** How records are held in a file. */
  public enum Container {
    /** One JSON array (what the release's {@code json.load} reads). */
    JSON_ARRAY,
    /** One JSON object per line. */
    JSONL
  }

  /** How each record is spelled. */
  public enum Style {
    /** No spaces, non-ASCII as UTF-8. */
    COMPACT,
    /** Python's {@code json.dumps} default. */
    PYTHON
  }

  /** Receives records in file order. */
  @FunctionalInterface
  public interface RecordConsumer {
    /**
     * One record.
     *
     * @param index position in the file, from 0
     * @param record the record
     */
    void accept(long index, ObjectNode record);
  }

  /**
   * Where a record stands in a dataset file, for messages that point a user at it.
   *
   * @param file the file
   * @param index the record's position, from 0
   * @param line the line the record starts on, from 1
   */
  public record RecordLocation(Path file, long index, long line) {
    /** Checks the values. */
    public RecordLocation {
      checkNotNull(file, "file");
    }

    /**
     * The wording of this class's own errors.
     *
     * @return e.g. {@code Record 3 (line 12) of 'data.json'}
     */
    @Override
    public String toString() {
      return "Record " + index + " (line " + line + ") of '" + file + "'";
    }
  }

  /** Receives records in file order with where each stands, to name it in the consumer's own errors. */
  @FunctionalInterface
  public interface LocatedRecordConsumer {
    /**
     * One record.
     *
     * @param at its position and line
     * @param record the record
     */
    void accept(RecordLocation at, ObjectNode record);
  }

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER =
      new ObjectMapper(FACTORY)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  private LlavaDataset() {}

  /**
   * The container of a file, from its first non-whitespace byte.
   *
   * @param file the file
   * @return the container
   * @throws InvalidPromptException if the file is empty or starts with something else
   */
  public static Container detect(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      int b;
      long offset = 0;
      do {
        b = in.read();
        offset++;
      } while (b == ' ' || b == '\n' || b == '\r' || b == '\t' || (offset <= 3 && (b == 0xEF || b == 0xBB || b == 0xBF)));
      if (b == '[') {
        return Container.JSON_ARRAY;
      }
      if (b == '{') {
        return Container.JSONL;
      }
      throw new InvalidPromptException(
          "'" + file + "' is neither a JSON array nor JSON Lines: it "
              + (b < 0 ? "is empty" : "starts with '" + (char) b + "'") + "; a dataset file starts with '[' or '{'.");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read '" + file + "': " + e.getMessage(), e);
    }
  }

  /**
   * Streams the records of a JSON array or JSONL file.
   *
   * @param file the file
   * @param consumer receives each record
   * @return the number of records
   * @throws InvalidPromptException naming the record index and line of malformed input
   */
  public static long read(Path file, RecordConsumer consumer) {
    checkNotNull(consumer, "consumer");
    return readLocated(file, (at, record) -> consumer.accept(at.index(), record));
  }

  /**
   * Streams the records of a JSON array or JSONL file, telling the consumer where each stands (its
   * index and line), so that a check of a record's content can point into the file the way this
   * class's own errors do.
   *
   * <pre>{@code
   * LlavaDataset.readLocated(file, (at, record) -> {
   *   if (!record.has("id")) {
   *     throw new InvalidPromptException(at + " has no \"id\".");
   *   }
   * });
   * }</pre>
   *
   * @param file the file
   * @param consumer receives each record and its location
   * @return the number of records
   * @throws InvalidPromptException naming the record index and line of malformed input, or if the
   *     file is empty or starts with neither '[' nor '{'
   * @throws UncheckedIOException if the file cannot be read
   */
  public static long readLocated(Path file, LocatedRecordConsumer consumer) {
    checkNotNull(consumer, "consumer");
    Container container = detect(file);
    long index = 0;
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = MAPPER.createParser(in)) {
      JsonToken t = p.nextToken();
      boolean array = container == Container.JSON_ARRAY;
      if (array) {
        t = p.nextToken();
      }
      while (t != null && t != JsonToken.END_ARRAY) {
        RecordLocation at = new RecordLocation(file, index, p.currentLocation().getLineNr());
        if (t != JsonToken.START_OBJECT) {
          throw new InvalidPromptException(at + " must be a JSON object, not " + t + ".");
        }
        ObjectNode record = MAPPER.readTree(p);
        consumer.accept(at, record);
        index++;
        t = p.nextToken();
      }
      if (array && (t == null || p.nextToken() != null)) {
        throw new InvalidPromptException(
            "'" + file + "' " + (t == null ? "ends before the array is closed" : "has data after the array")
                + " (after record " + (index - 1) + "); the file is truncated or not one JSON array.");
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new InvalidPromptException(
          "Record " + index + " of '" + file + "' is not valid JSON"
              + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
              + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read '" + file + "': " + e.getMessage(), e);
    }
    return index;
  }

  /**
   * A record as text in a style, without a line break.
   *
   * @param record the record
   * @param style the spelling
   * @return the JSON text
   */
  public static String toJson(JsonNode record, Style style) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = generator(FACTORY.createGenerator(w), style)) {
      MAPPER.writeTree(g, record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /**
   * Opens a writer with the compact style.
   *
   * @param file the target (replaced atomically on {@link Writer#close()})
   * @param container array or JSONL
   * @return the writer
   */
  public static Writer writer(Path file, Container container) {
    return writer(file, container, Style.COMPACT);
  }

  /**
   * Opens a writer. Records go to a temporary file next to the target, which replaces the target
   * when the writer closes, so a reader never sees half a file.
   *
   * @param file the target
   * @param container array or JSONL
   * @param style the spelling of records (JSONL is always compact)
   * @return the writer
   */
  public static Writer writer(Path file, Container container, Style style) {
    return new Writer(file, container, container == Container.JSONL ? Style.COMPACT : style);
  }

  /**
   * Rewrites a JSONL file as a JSON array, atomically (temporary file, fsync, rename). Used to
   * finalise a resumable run whose journal is JSONL.
   *
   * @param jsonl the source
   * @param array the target
   * @return the number of records
   */
  public static long jsonlToArray(Path jsonl, Path array) {
    Writer w = writer(array, Container.JSON_ARRAY);
    long n;
    try {
      n = read(jsonl, (i, r) -> w.write(r));
    } catch (RuntimeException e) {
      w.abort();
      throw e;
    }
    w.close();
    return n;
  }

  /**
   * A record's {@code image} field as a list, as the release's loader takes it: a string, a list of
   * strings, or absent (a text-only record).
   *
   * @param record the record
   * @return the image paths in placeholder order
   * @throws InvalidPromptException if {@code image} is something else
   */
  public static List<String> imageRefs(JsonNode record) {
    JsonNode img = record.get("image");
    List<String> refs = new ArrayList<>();
    if (img == null || img.isNull()) {
      return refs;
    }
    if (img.isTextual()) {
      refs.add(img.asText());
      return refs;
    }
    if (!img.isArray()) {
      throw new InvalidPromptException("'image' must be a path or a list of paths, not " + img.getNodeType() + ".");
    }
    for (JsonNode r : img) {
      if (!r.isTextual()) {
        throw new InvalidPromptException("Every entry of 'image' must be a string path, not " + r + ".");
      }
      refs.add(r.asText());
    }
    return refs;
  }

  private static JsonGenerator generator(JsonGenerator g, Style style) {
    g.setCharacterEscapes(style == Style.PYTHON ? PythonEscapes.ASCII : PythonEscapes.UTF8);
    if (style == Style.PYTHON) {
      g.setPrettyPrinter(new PythonSpacing());
    }
    return g;
  }

  /** Escapes as Python does: control characters (and, for ASCII output, all non-ASCII) as lower-case {@code \\uXXXX}. */
  private static final class PythonEscapes extends CharacterEscapes {
    static final PythonEscapes ASCII = new PythonEscapes(true);
    static final PythonEscapes UTF8 = new PythonEscapes(false);
    private static final long serialVersionUID = 1L;

    private final int[] codes;
    private final boolean ascii;

    private PythonEscapes(boolean ascii) {
      this.ascii = ascii;
      this.codes = CharacterEscapes.standardAsciiEscapesForJSON();
      for (int c = 0; c < 0x20; c++) {
        if (c != '\n' && c != '\r' && c != '\t' && c != '\b' && c != '\f') {
          codes[c] = ESCAPE_CUSTOM;
        }
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return codes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch < 0x20 || (ascii && ch > 0x7E && ch != 0x7F)) {
        return new SerializedString(String.format("\\u%04x", ch));
      }
      return null;
    }
  }

  /** Python's {@code json.dumps} spacing: {@code ", "} between items, {@code ": "} after keys, nothing else. */
  private static final class PythonSpacing implements PrettyPrinter {
    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {}

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
      g.writeRaw('{');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
      g.writeRaw('}');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
      g.writeRaw('[');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      g.writeRaw(']');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {}

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {}
  }

  /** Writes records to a temporary file and moves it over the target on close. */
  public static final class Writer implements AutoCloseable {
    private final Path target;
    private final Path tmp;
    private final Container container;
    private final Style style;
    private final OutputStream out;
    private long count;
    private boolean closed;

    private Writer(Path target, Container container, Style style) {
      this.target = target.toAbsolutePath();
      this.tmp = this.target.resolveSibling(this.target.getFileName() + ".tmp");
      this.container = container;
      this.style = style;
      try {
        Files.createDirectories(this.target.getParent());
        this.out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
        if (container == Container.JSON_ARRAY) {
          out.write('[');
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write '" + tmp + "': " + e.getMessage(), e);
      }
    }

    /**
     * Appends one record.
     *
     * @param record the record
     */
    public void write(JsonNode record) {
      checkNotNull(record, "record");
      try {
        if (container == Container.JSON_ARRAY) {
          String sep = style == Style.PYTHON ? (count > 0 ? ", " : "") : (count > 0 ? ",\n" : "\n");
          out.write(sep.getBytes(StandardCharsets.UTF_8));
        }
        out.write(toJson(record, style).getBytes(StandardCharsets.UTF_8));
        if (container == Container.JSONL) {
          out.write('\n');
        }
        count++;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write '" + tmp + "': " + e.getMessage(), e);
      }
    }

    /**
     * Records written so far.
     *
     * @return the count
     */
    public long count() {
      return count;
    }

    /** Discards what was written: the target stays as it was. */
    public void abort() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        out.close();
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot delete '" + tmp + "': " + e.getMessage(), e);
      }
    }

    /** Closes the container, syncs and moves the file into place. */
    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        if (container == Container.JSON_ARRAY) {
          out.write((style == Style.PYTHON ? "]" : count > 0 ? "\n]\n" : "]\n").getBytes(StandardCharsets.UTF_8));
        }
        out.close();
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
          ch.force(true);
        }
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write '" + target + "': " + e.getMessage(), e);
      }
    }
  }
}
