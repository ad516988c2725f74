package dev.pvit.prompt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import dev.pvit.image.ImageInput;
import dev.pvit.image.InvalidImageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * Turns an image reference from a dataset record (a relative path) into an {@link ImageInput} named
 * by that reference, so a parsed record re-renders with the same paths.
 *
 * <pre>{@code
 * LlavaConversationParser parser = LlavaConversationParser.builder()
 *     .imageResolver(ImageResolver.directory(Path.of("/data/pvit")))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface ImageResolver {
  /**
   * Resolves one reference.
   *
   * @param reference the string from the record's {@code image} list
   * @return the image, whose {@link ImageInput#name()} is the reference
   * @throws InvalidImageException if the image cannot be read
   */
  ImageInput resolve(String reference);

  /**
   * Reads references as paths relative to a directory. References that leave the directory (absolute
   * paths, {@code ../}) are rejected, so a dataset file cannot make the reader open arbitrary files.
   *
   * @param root the dataset's image root
   * @return the resolver
   */
  static ImageResolver directory(Path root) {
    checkNotNull(root, "root");
    Path base = root.toAbsolutePath().normalize();
    return ref -> {
      Path file;
      try {
        file = base.resolve(ref).normalize();
      } catch (InvalidPathException e) {
        throw new InvalidImageException("Image reference '" + ref + "' is not a valid path: " + e.getReason(), e);
      }
      if (!file.startsWith(base)) {
        throw new InvalidImageException(
            "Image reference '" + ref + "' points outside " + root + "; dataset paths must stay inside the image root.");
      }
      try {
        return ImageInput.of(Files.readAllBytes(file), ref);
      } catch (NoSuchFileException e) {
        throw new InvalidImageException("Image '" + ref + "' does not exist under " + root + ".", e);
      } catch (IOException e) {
        throw new InvalidImageException("Image '" + ref + "' cannot be read: " + e.getMessage(), e);
      }
    };
  }

  /**
   * Stands in a 1×1 PNG for every reference, so records can be validated and re-rendered without
   * the image files.
   *
   * @return the resolver
   */
  static ImageResolver placeholders() {
    byte[] png =
        Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");
    return ref -> ImageInput.of(png, ref);
  }

  /**
   * Looks references up in a map.
   *
   * @param images images by reference
   * @return the resolver
   */
  static ImageResolver of(Map<String, ImageInput> images) {
    Map<String, ImageInput> copy = ImmutableMap.copyOf(images);
    return ref -> {
      ImageInput img = copy.get(ref);
      if (img == null) {
        throw new InvalidImageException("No image is known for the reference '" + ref + "'.");
      }
      return img;
    };
  }
}
