package dev.pvit.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's Java snippet is the compiled body of {@link QuickStart}, so it cannot rot. */
class ReadmeSnippetTest {
  @Test
  void readme_snippet_matches_the_compiled_quick_start() throws IOException {
    Path module = Path.of("").toAbsolutePath();
    String source = Files.readString(module.resolve(
        "src/main/java/dev/pvit/examples/quickstart/QuickStart.java"));
    String snippet = source.substring(
        source.indexOf("// README-SNIPPET-START") + "// README-SNIPPET-START".length(),
        source.indexOf("// README-SNIPPET-END"));
    String readme = Files.readString(module.getParent().resolve("README.md"));
    assertThat(normalise(readme)).contains(normalise(snippet));
  }

  private static String normalise(String text) {
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    return lines.stream().collect(Collectors.joining("\n"));
  }
}
