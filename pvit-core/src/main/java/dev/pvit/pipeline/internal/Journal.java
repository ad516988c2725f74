package dev.pvit.pipeline.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pvit.pipeline.PipelineException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable state of an output folder: append-only line files, and {@code checkpoint.jsonl}
 * recording, per finished input, the committed end offset of every line file.
 *
 * <p>Commit protocol: (1) a file first written in this batch is declared by a checkpoint line
 * {@code {"declare": name}} (forced) before any of its data; (2) data lines are appended at the
 * committed offsets and forced; (3) one entry per input, carrying the new end offsets, is appended
 * to the checkpoint and forced. A crash at any point leaves a prefix of complete checkpoint lines
 * plus possibly a partial line and uncommitted data. Recovery drops the partial checkpoint line and
 * truncates every declared file to the offset of the last complete entry (zero if none), so the
 * folder is exactly the state after some whole number of inputs, in source order.
 */
public final class Journal implements AutoCloseable {
  /** Checkpoint file name. */
  public static final String CHECKPOINT = "checkpoint.jsonl";
  /** Rejected inputs. */
  public static final String REJECTS = "rejects.jsonl";
  /** Statistics written at the end of a run. */
  public static final String STATS = "stats.json";
  /** Seed and fingerprint of the run that owns the folder. */
  public static final String RUN = "run.json";
  /** Lock file preventing concurrent runs on one folder. */
  public static final String LOCK = ".lock";
  /** Names a sink may not write. */
  public static final Set<String> RESERVED = Set.of(CHECKPOINT, REJECTS, STATS, RUN, LOCK);

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger log = LoggerFactory.getLogger(Journal.class);

  private final Path dir;
  private final boolean fsync;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final FileChannel checkpoint;
  private final Map<String, FileChannel> channels = new HashMap<>();
  private final TreeMap<String, Long> offsets = new TreeMap<>();
  private final Map<String, String> done = new HashMap<>();
  private final Stats stats = new Stats();

  private Journal(Path dir, boolean fsync, FileChannel lockChannel, FileLock lock) throws IOException {
    this.dir = dir;
    this.fsync = fsync;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.checkpoint = recover();
  }

  /**
   * Opens (and if needed recovers) an output folder.
   *
   * @param dir the folder, created if missing
   * @param seed the run seed, checked against {@code run.json}
   * @param fingerprint the configuration identity, checked against {@code run.json}
   * @param fsync whether commits are forced to disk
   * @return the journal, holding the folder's lock until closed
   * @throws PipelineException if the folder is locked, belongs to another configuration or is
   *     inconsistent
   */
  public static Journal open(Path dir, long seed, String fingerprint, boolean fsync) {
    FileChannel lockChannel = null;
    try {
      Files.createDirectories(dir);
      lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new PipelineException(
            "Output folder '" + dir + "' is in use by another run; wait for it or choose another folder.");
      }
      checkRun(dir, seed, fingerprint, fsync);
      return new Journal(dir, fsync, lockChannel, lock);
    } catch (IOException e) {
      closeQuietly(lockChannel);
      throw new PipelineException("Cannot open output folder '" + dir + "': " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(lockChannel);
      throw e;
    }
  }

  private static void checkRun(Path dir, long seed, String fingerprint, boolean fsync) throws IOException {
    Path run = dir.resolve(RUN);
    if (Files.exists(run)) {
      JsonNode node = JSON.readTree(run.toFile());
      long oldSeed = node.path("seed").asLong();
      String oldFingerprint = node.path("fingerprint").asText("");
      if (oldSeed != seed || !oldFingerprint.equals(fingerprint)) {
        throw new PipelineException(
            "Output folder '" + dir + "' was started with seed " + oldSeed + " and configuration '"
                + oldFingerprint + "', not seed " + seed + " and '" + fingerprint
                + "'; resume with the same settings or use a new output folder.");
      }
      return;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", 1);
    m.put("seed", seed);
    m.put("fingerprint", fingerprint);
    AtomicFiles.write(run, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m), fsync);
  }

  private FileChannel recover() throws IOException {
    Path cp = dir.resolve(CHECKPOINT);
    Map<String, Long> last = Map.of();
    List<String> declared = new ArrayList<>();
    long validEnd = 0;
    int lineNo = 0;
    if (Files.exists(cp)) {
      try (InputStream in = new BufferedInputStream(Files.newInputStream(cp), 1 << 16)) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long pos = 0;
        int b;
        // A complete but unparsable line is tolerated only as the very last line: a torn write
        // after a power loss can leave zeros followed by a newline.
        PipelineException corrupt = null;
        while ((b = in.read()) >= 0) {
          pos++;
          if (b != '\n') {
            line.write(b);
            continue;
          }
          if (corrupt != null) {
            throw corrupt;
          }
          lineNo++;
          JsonNode node;
          try {
            node = JSON.readTree(line.toByteArray());
            if (node == null || !node.isObject()) {
              throw new JsonParseFailure("not a JSON object");
            }
          } catch (JsonProcessingException | JsonParseFailure e) {
            corrupt = new PipelineException("Line " + lineNo + " of '" + cp + "' is corrupt (" + e.getMessage()
                + "); the folder was modified outside the pipeline; use a new output folder.", e);
            line.reset();
            continue;
          }
          line.reset();
          validEnd = pos;
          if (node.has("declare")) {
            declared.add(node.get("declare").asText());
            continue;
          }
          Map<String, Long> entryOffsets = new HashMap<>();
          node.path("offsets").fields().forEachRemaining(e -> entryOffsets.put(e.getKey(), e.getValue().asLong()));
          last = entryOffsets;
          done.put(node.path("key").asText(), node.path("version").asText(""));
          Map<String, Map<String, Long>> counts = new HashMap<>();
          node.path("counts").fields().forEachRemaining(g -> {
            Map<String, Long> m = new HashMap<>();
            g.getValue().fields().forEachRemaining(c -> m.put(c.getKey(), c.getValue().asLong()));
            counts.put(g.getKey(), m);
          });
          stats.add(node.path("ok").asBoolean(), node.path("outputs").asLong(), counts);
        }
        if (corrupt != null) {
          if (line.size() > 0) {
            throw corrupt;
          }
          log.info("Dropping a torn last checkpoint line left by an interrupted run in {}", dir);
        }
        if (line.size() > 0) {
          log.info("Dropping an unfinished checkpoint line ({} bytes) left by an interrupted run in {}",
              line.size(), dir);
        }
      }
    }
    FileChannel ch = FileChannel.open(cp, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    ch.truncate(validEnd);
    ch.position(validEnd);
    for (String file : declared) {
      long target = last.getOrDefault(file, 0L);
      Path p = dir.resolve(file);
      long size = Files.exists(p) ? Files.size(p) : 0;
      if (size < target) {
        ch.close();
        throw new PipelineException("Output file '" + p + "' has " + size + " bytes but the checkpoint says "
            + target + " were committed; it was modified outside the pipeline; use a new output folder.");
      }
      if (size > target) {
        log.info("Truncating {} from {} to {} bytes: output of inputs that were not checkpointed", p, size, target);
      }
      FileChannel data = openAppend(p);
      data.truncate(target);
      offsets.put(file, target);
    }
    deleteTemporaryFiles();
    if (!done.isEmpty()) {
      log.info("Resuming in {}: {} inputs already finished", dir, done.size());
    }
    return ch;
  }

  /** A checkpoint line that is valid JSON but not an object. */
  private static final class JsonParseFailure extends Exception {
    private static final long serialVersionUID = 1L;

    JsonParseFailure(String message) {
      super(message);
    }
  }

  private void deleteTemporaryFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.filter(p -> p.getFileName().toString().endsWith(AtomicFiles.TMP_SUFFIX))::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }

  private FileChannel openAppend(Path p) throws IOException {
    String name = dir.relativize(p).toString();
    FileChannel ch = channels.get(name);
    if (ch == null) {
      Files.createDirectories(p.toAbsolutePath().getParent());
      ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      channels.put(name, ch);
    }
    return ch;
  }

  /**
   * The version recorded for a finished input.
   *
   * @param key the input key
   * @return its version, or null if the input is not finished
   */
  public @Nullable String doneVersion(String key) {
    return done.get(key);
  }

  /**
   * Totals over all committed inputs.
   *
   * @return the statistics
   */
  public Stats stats() {
    return stats;
  }

  /**
   * Commits finished inputs, in the given order, following the protocol in the class comment.
   *
   * @param batch finished inputs in source order
   * @throws UncheckedIOException if the disk fails; the folder stays recoverable
   */
  public void commit(List<Commit> batch) {
    try {
      ByteArrayOutputStream declarations = new ByteArrayOutputStream();
      List<String> newFiles = new ArrayList<>();
      for (Commit c : batch) {
        for (String file : c.lines().keySet()) {
          if (!offsets.containsKey(file) && !newFiles.contains(file)) {
            newFiles.add(file);
            declarations.write(JSON.writeValueAsBytes(Map.of("declare", file)));
            declarations.write('\n');
          }
        }
      }
      if (!newFiles.isEmpty()) {
        writeFully(checkpoint, declarations.toByteArray());
        if (fsync) {
          checkpoint.force(false);
        }
      }
      TreeMap<String, Long> next = new TreeMap<>(offsets);
      newFiles.forEach(f -> next.put(f, 0L));
      Map<String, ByteArrayOutputStream> data = new LinkedHashMap<>();
      ByteArrayOutputStream entries = new ByteArrayOutputStream();
      for (Commit c : batch) {
        for (Map.Entry<String, List<String>> e : c.lines().entrySet()) {
          ByteArrayOutputStream buf = data.computeIfAbsent(e.getKey(), k -> new ByteArrayOutputStream());
          for (String line : e.getValue()) {
            byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
            buf.write(bytes);
            next.merge(e.getKey(), (long) bytes.length, Long::sum);
          }
        }
        ObjectNode entry = JSON.createObjectNode();
        entry.put("key", c.key());
        entry.put("version", c.version());
        entry.put("ok", c.ok());
        entry.put("outputs", c.outputs());
        entry.set("offsets", JSON.valueToTree(next));
        if (!c.counts().isEmpty()) {
          entry.set("counts", JSON.valueToTree(c.counts()));
        }
        entries.write(JSON.writeValueAsBytes(entry));
        entries.write('\n');
      }
      for (Map.Entry<String, ByteArrayOutputStream> e : data.entrySet()) {
        FileChannel ch = openAppend(dir.resolve(e.getKey()));
        ch.position(offsets.getOrDefault(e.getKey(), 0L));
        writeFully(ch, e.getValue().toByteArray());
        if (fsync) {
          ch.force(false);
        }
      }
      writeFully(checkpoint, entries.toByteArray());
      if (fsync) {
        checkpoint.force(false);
      }
      offsets.clear();
      offsets.putAll(next);
      for (Commit c : batch) {
        done.put(c.key(), c.version());
        stats.add(c.ok(), c.outputs(), c.counts());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write to output folder '" + dir + "': " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code stats.json} atomically.
   *
   * @return its path
   */
  public Path writeStats() {
    Path p = dir.resolve(STATS);
    try {
      AtomicFiles.write(p, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(stats.toMap()), fsync);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write '" + p + "': " + e.getMessage(), e);
    }
    return p;
  }

  private static void writeFully(FileChannel ch, byte[] bytes) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
  }

  private static void closeQuietly(@Nullable AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception e) {
        log.debug("Ignoring failure to close {}", c, e);
      }
    }
  }

  @Override
  public void close() {
    channels.values().forEach(Journal::closeQuietly);
    closeQuietly(checkpoint);
    try {
      lock.release();
    } catch (IOException e) {
      log.debug("Ignoring failure to release the lock of {}", dir, e);
    }
    closeQuietly(lockChannel);
  }
}
