package dev.pvit.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block of the README is a complete source file (imports included) that compiles
 * against the SDK, so a reader can paste it as it is.
 */
class ReadmeJavaBlocksTest {
  private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS = Pattern.compile("public\\s+(?:final\\s+)?class\\s+(\\w+)");

  @Test
  void every_java_block_of_the_readme_compiles(@TempDir Path dir) throws IOException {
    String readme = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
    List<String> files = new ArrayList<>();
    Matcher block = BLOCK.matcher(readme);
    while (block.find()) {
      String source = block.group(1);
      Matcher name = CLASS.matcher(source);
      if (!name.find()) {
        // A fragment is fine only when it is cut verbatim from an example this module compiles.
        assertThat(compiledExamples()).as("a README Java block is a whole class or a fragment of an example:%n%s",
            source).anyMatch(example -> normalise(example).contains(normalise(source)));
        continue;
      }
      Path file = Files.createDirectories(dir.resolve("block" + files.size())).resolve(name.group(1) + ".java");
      Files.writeString(file, source);
      files.add(file.toString());
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(2);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    for (String file : files) {
      ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
      List<String> args = List.of("-d", dir.resolve("classes").toString(),
          "-cp", System.getProperty("java.class.path"), "-proc:none", file);
      int code = javac.run(null, null, diagnostics, args.toArray(String[]::new));
      assertThat(code).as("%s:%n%s", file, diagnostics.toString(StandardCharsets.UTF_8)).isZero();
    }
  }

  private static List<String> compiledExamples() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/pvit/examples").toAbsolutePath())) {
      List<String> out = new ArrayList<>();
      for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        out.add(Files.readString(f));
      }
      return out;
    }
  }

  private static String normalise(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
  }
}
