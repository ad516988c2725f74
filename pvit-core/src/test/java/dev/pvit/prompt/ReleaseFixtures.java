package dev.pvit.prompt;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The PVIT release's template files in {@code ../shared/data/pvit-release}; tests skip when absent. */
public final class ReleaseFixtures {
  private ReleaseFixtures() {}

  /**
   * The release folder, or a skipped test.
   *
   * @return the folder
   */
  public static Path dir() {
    Path dir = Path.of(System.getProperty("shared.dir", "../shared"), "data", "pvit-release");
    assumeTrue(Files.isDirectory(dir), "the PVIT release files are not in " + dir);
    return dir;
  }

  /**
   * One of the release's JSON string lists.
   *
   * @param file e.g. {@code neg-image-reply.json}
   * @return the strings
   */
  public static List<String> strings(String file) {
    try {
      return new ObjectMapper().readValue(dir().resolve(file).toFile(), new TypeReference<List<String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
