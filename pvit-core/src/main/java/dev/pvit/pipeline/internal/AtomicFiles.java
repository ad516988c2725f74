package dev.pvit.pipeline.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/** Whole-file writes that are never seen half-done: temporary sibling, fsync, atomic rename. */
public final class AtomicFiles {
  /** Suffix of temporary files; leftovers from a crash are deleted when a run resumes. */
  public static final String TMP_SUFFIX = ".pvit-tmp";

  private AtomicFiles() {}

  /**
   * Replaces {@code target} with {@code bytes} atomically.
   *
   * @param target the file
   * @param bytes the content
   * @param fsync whether to force the content to disk before the rename
   * @throws IOException if writing or renaming fails
   */
  public static void write(Path target, byte[] bytes, boolean fsync) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = parent.resolve(
        "." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
            + TMP_SUFFIX);
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        if (fsync) {
          ch.force(true);
        }
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("The file system of '" + parent + "' cannot rename atomically; "
            + "use a local folder for the pipeline output.", e);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
