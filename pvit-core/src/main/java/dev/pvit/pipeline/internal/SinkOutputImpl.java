package dev.pvit.pipeline.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.pipeline.BufferedSinkOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Collects one input's lines and counters until commit; writes files atomically at once. */
final class SinkOutputImpl extends BufferedSinkOutput {
  private final Path dir;
  private final boolean fsync;

  SinkOutputImpl(Path dir, String key, boolean fsync) {
    super(key);
    this.dir = dir.toAbsolutePath().normalize();
    this.fsync = fsync;
  }

  @Override
  public Path writeFile(String file, byte[] bytes) {
    checkNotNull(bytes, "bytes");
    Path target = dir.resolve(relative(file));
    try {
      AtomicFiles.write(target, bytes, fsync);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write '" + target + "': " + e.getMessage(), e);
    }
    return target;
  }

  @Override
  protected String relative(String file) {
    checkNotNull(file, "file");
    Path p = dir.resolve(file).normalize();
    checkArgument(p.startsWith(dir) && !p.equals(dir),
        "Output path '%s' leaves the output folder; use a relative path inside it.", file);
    String rel = dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    checkArgument(!Journal.RESERVED.contains(rel) && !rel.endsWith(AtomicFiles.TMP_SUFFIX),
        "Output path '%s' is reserved for the pipeline's own bookkeeping; choose another name.", file);
    return rel;
  }
}
