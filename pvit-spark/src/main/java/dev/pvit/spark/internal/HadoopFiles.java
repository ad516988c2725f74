package dev.pvit.spark.internal;

import dev.pvit.pipeline.PipelineException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * A folder on any Hadoop file system (local, HDFS, S3 with the user's connector): listing photos the
 * way the local {@code Source.folder} does, reading them, and writing files so that readers never
 * see half a file (temporary sibling, then rename).
 */
public final class HadoopFiles {
  /** The image extensions {@code Source.folder} reads; other files are ignored, as locally. */
  private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff");
  private static final String TMP = ".tmp-";

  private final FileSystem fs;
  private final Path root;

  private HadoopFiles(FileSystem fs, Path root) {
    this.fs = fs;
    this.root = root;
  }

  /**
   * Opens a folder.
   *
   * @param uri a Hadoop URI or a local path
   * @param conf the Hadoop configuration
   * @return the folder
   * @throws UncheckedIOException if its file system cannot be reached
   */
  public static HadoopFiles open(String uri, Configuration conf) {
    try {
      Path p = new Path(uri);
      FileSystem fs = p.getFileSystem(conf);
      // Hadoop's checksummed local file system would leave a .crc beside every output file.
      fs.setWriteChecksum(false);
      return new HadoopFiles(fs, fs.makeQualified(p));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach the file system of '" + uri + "': " + e.getMessage(), e);
    }
  }

  /**
   * The folder's qualified URI.
   *
   * @return the URI
   */
  public URI uri() {
    return root.toUri();
  }

  /**
   * The photos under the folder, recursively, sorted by key as {@code Source.folder} sorts them.
   *
   * @return the photos
   * @throws PipelineException if the folder does not exist or cannot be listed
   */
  public List<InputItem> listImages() {
    String prefix = root.toUri().getPath();
    prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    List<InputItem> items = new ArrayList<>();
    try {
      if (!fs.getFileStatus(root).isDirectory()) {
        throw new PipelineException("Input '" + root + "' is not a folder.");
      }
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        LocatedFileStatus s = it.next();
        String path = s.getPath().toUri().getPath();
        if (s.isFile() && isImage(path) && path.startsWith(prefix)) {
          items.add(new InputItem(path.substring(prefix.length()), s.getPath().toString(),
              s.getLen() + ":" + s.getModificationTime()));
        }
      }
    } catch (FileNotFoundException e) {
      throw new PipelineException("Input folder '" + root + "' does not exist or is not a folder.", e);
    } catch (IOException e) {
      throw new PipelineException("Cannot list input folder '" + root + "': " + e.getMessage(), e);
    }
    items.sort(Comparator.comparing(InputItem::key));
    return items;
  }

  private static boolean isImage(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    return dot > slash + 1 && IMAGE_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /**
   * Opens a file for reading.
   *
   * @param path a qualified path
   * @param conf the configuration
   * @return the stream
   * @throws IOException if it cannot be opened
   */
  public static InputStream read(String path, Configuration conf) throws IOException {
    Path p = new Path(path);
    return p.getFileSystem(conf).open(p);
  }

  /**
   * Whether a file exists under the folder.
   *
   * @param relative the relative path
   * @return true if it exists
   */
  public boolean exists(String relative) {
    try {
      return fs.exists(new Path(root, relative));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check '" + relative + "' in '" + root + "': " + e.getMessage(), e);
    }
  }

  /**
   * Reads a small UTF-8 file under the folder.
   *
   * @param relative the relative path
   * @return its text, or empty if it does not exist
   */
  public Optional<String> readString(String relative) {
    Path p = new Path(root, relative);
    try (InputStream in = fs.open(p)) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read '" + p + "': " + e.getMessage(), e);
    }
  }

  /**
   * Deletes the temporary files that {@link #write} leaves when its writer dies between creating
   * and renaming (an executor killed mid-write). Call it only when no writer can still be running:
   * after the job's last partition committed.
   *
   * @return how many were deleted
   * @throws UncheckedIOException if the folder cannot be listed or a file cannot be deleted
   */
  public int deleteAbandonedTemporaries() {
    int deleted = 0;
    try {
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      List<Path> abandoned = new ArrayList<>();
      while (it.hasNext()) {
        LocatedFileStatus s = it.next();
        String name = s.getPath().getName();
        if (s.isFile() && name.startsWith(".") && name.contains(TMP)) {
          abandoned.add(s.getPath());
        }
      }
      for (Path p : abandoned) {
        // Already gone is fine: a late writer of the same attempt may have renamed it.
        if (fs.delete(p, false)) {
          deleted++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clean temporary files under '" + root + "': " + e.getMessage(), e);
    }
    return deleted;
  }

  /**
   * Writes a file under the folder atomically where the file system renames atomically (HDFS,
   * local): the bytes go to a temporary sibling named after {@code writer}, which then replaces
   * the target. Two writers of the same name write the same bytes, so the last rename wins
   * harmlessly.
   *
   * @param relative the relative path
   * @param bytes the content
   * @param writer distinguishes concurrent writers (e.g. a task attempt id)
   * @return the qualified path written
   * @throws UncheckedIOException if the write fails
   */
  public String write(String relative, byte[] bytes, String writer) {
    Path target = new Path(root, relative);
    Path tmp = new Path(target.getParent(), "." + target.getName() + TMP + writer);
    try {
      try (FSDataOutputStream out = fs.create(tmp, true)) {
        out.write(bytes);
        out.hsync();
      }
      // HDFS refuses to rename onto an existing file; an earlier attempt's copy holds the same bytes.
      fs.delete(target, false);
      if (!fs.rename(tmp, target)) {
        throw new IOException("rename of " + tmp + " failed");
      }
      return target.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write '" + target + "': " + e.getMessage(), e);
    }
  }

  /**
   * Writes a UTF-8 text file atomically.
   *
   * @param relative the relative path
   * @param text the text
   * @param writer distinguishes concurrent writers
   * @return the qualified path written
   */
  public String write(String relative, String text, String writer) {
    return write(relative, text.getBytes(StandardCharsets.UTF_8), writer);
  }
}
