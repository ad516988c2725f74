package dev.pvit.examples.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The README's "LangChain4j" snippets are the compiled bodies of {@link AgentExample}, within the
 * promised length: the backend in at most 10 lines, the tools in at most 15.
 */
class ReadmeLangChain4jTest {
  @ParameterizedTest
  @CsvSource({"BACKEND,10", "TOOLS,15"})
  void readme_snippet_matches_the_compiled_example(String marker, int maxLines) throws IOException {
    Path module = Path.of("").toAbsolutePath();
    String source = Files.readString(module.resolve("src/main/java/dev/pvit/examples/langchain4j/AgentExample.java"));
    String start = "// README-" + marker + "-START";
    String snippet = source.substring(source.indexOf(start) + start.length(),
        source.indexOf("// README-" + marker + "-END"));
    String readme = Files.readString(module.getParent().resolve("README.md"));
    assertThat(normalise(readme)).contains(normalise(snippet));
    assertThat(normalise(snippet).lines().count()).isLessThanOrEqualTo(maxLines);
  }

  private static String normalise(String text) {
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    return lines.stream().collect(Collectors.joining("\n"));
  }
}
