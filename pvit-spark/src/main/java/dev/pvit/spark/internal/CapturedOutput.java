package dev.pvit.spark.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.pipeline.BufferedSinkOutput;
import java.net.URI;
import java.nio.file.Path;

/**
 * The sink output of one input inside a Spark task: lines and counters are kept until the partition
 * commits; files (and the encoding of JSON and images, by {@code SinkOutput}'s defaults, as locally)
 * go straight to the output folder, atomically. File names derive from input keys, so a retried
 * attempt rewrites the same names with the same bytes. Names starting with {@code _} are reserved
 * for the runner's commit markers.
 */
final class CapturedOutput extends BufferedSinkOutput {
  private final HadoopFiles out;
  private final String writer;

  CapturedOutput(HadoopFiles out, String key, String writer) {
    super(key);
    this.out = out;
    this.writer = writer;
  }

  @Override
  public Path writeFile(String file, byte[] bytes) {
    checkNotNull(bytes, "bytes");
    String written = out.write(relative(file), bytes, writer);
    // SinkOutput speaks java.nio paths; on a non-local file system this is the path part of the URI.
    return Path.of(URI.create(written).getPath());
  }

  @Override
  protected String relative(String file) {
    checkNotNull(file, "file");
    String norm = Path.of(file).normalize().toString().replace('\\', '/');
    checkArgument(!Path.of(file).isAbsolute() && !norm.startsWith("..") && !norm.isEmpty() && !norm.startsWith("_"),
        "Output path '%s' leaves the output folder or is reserved; use a relative path inside it.", file);
    return norm;
  }
}
