package dev.pvit.pipeline.internal;

import dev.pvit.image.ImageInput;
import dev.pvit.pipeline.PipelineException;
import dev.pvit.pipeline.Source;
import dev.pvit.pipeline.SourceItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Image files under a folder, sorted by relative path. */
public final class FolderSource implements Source<ImageInput> {
  private static final Set<String> EXTENSIONS =
      Set.of("jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp");

  private final Path dir;

  /**
   * Creates the source.
   *
   * @param dir the folder
   */
  public FolderSource(Path dir) {
    this.dir = dir;
  }

  @Override
  public Stream<SourceItem<ImageInput>> items() {
    if (!Files.isDirectory(dir)) {
      throw new PipelineException("Input folder '" + dir + "' does not exist or is not a folder.");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> Files.isRegularFile(p) && isImage(p)).collect(Collectors.toList());
    } catch (IOException e) {
      throw new PipelineException("Cannot list input folder '" + dir + "': " + e.getMessage(), e);
    }
    return files.stream()
        .map(p -> new Entry(relative(p), p))
        .sorted((a, b) -> a.key.compareTo(b.key))
        .map(e -> SourceItem.lazy(e.key, version(e.path), () -> ImageInput.of(e.path)));
  }

  private String relative(Path p) {
    return dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
  }

  private static boolean isImage(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static String version(Path p) {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      return a.size() + ":" + a.lastModifiedTime().toMillis();
    } catch (IOException e) {
      // Vanished or unreadable since the listing: loading it will fail and reject it.
      return "unreadable";
    }
  }

  private record Entry(String key, Path path) {}
}
