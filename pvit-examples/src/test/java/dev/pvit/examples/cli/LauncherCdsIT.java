package dev.pvit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers' class-data sharing (scripts/cds.sh), through the real scripts/launch.sh: copied
 * with cds.sh into a temporary root whose one module holds a tiny application jar (with a library in
 * lib/ named by its manifest), so every case starts real JVMs in a second or so. The application
 * reports whether a PVIT archive is mapped into it ({@code /proc/self/maps}), so "used" is observed,
 * not inferred from file names.
 */
class LauncherCdsIT {
  private static final String APP = """
      package app;
      public class Main {
        public static void main(String[] args) throws Exception {
          String maps = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/maps"));
          System.out.println(dep.Greeting.text(args[1]) + " archive=" + maps.contains("/cds/app-"));
          switch (args.length > 2 ? args[2] : "") {
            case "fail" -> System.exit(3);
            case "stdin" -> System.out.println("read " + new String(System.in.readAllBytes()).strip());
            case "sleep" -> Thread.sleep(60_000);
            default -> { }
          }
        }
      }
      """;
  private static final String DEP = """
      package dep;
      public class Greeting {
        public static String text(String who) {
          return "hello " + who;
        }
      }
      """;

  @TempDir Path root;
  private Path cache;
  private Path jar;

  @BeforeEach
  void set_up() throws IOException {
    assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs Linux /proc to see the mapped archive");
    Path repo = Path.of("").toAbsolutePath().getParent();
    Path scripts = Files.createDirectories(root.resolve("scripts"));
    for (String script : List.of("launch.sh", "cds.sh")) {
      Files.copy(repo.resolve("scripts").resolve(script), scripts.resolve(script));
    }
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    Path target = Files.createDirectories(root.resolve("app/target"));
    Path classes = Files.createDirectories(root.resolve("classes"));
    Path src = Files.createDirectories(root.resolve("src"));
    Files.writeString(src.resolve("Main.java"), APP);
    Files.writeString(src.resolve("Greeting.java"), DEP);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, "-d", classes.toString(), src.resolve("Main.java").toString(),
        src.resolve("Greeting.java").toString())).isZero();
    Files.createDirectories(target.resolve("lib"));
    writeJar(target.resolve("lib/dep.jar"), classes, "dep/Greeting.class", null);
    jar = target.resolve("app.jar");
    writeJar(jar, classes, "app/Main.class", "app.Main");
    // Newer than every other file, so launch.sh does not try to build it with Maven.
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
    cache = root.resolve("cache");
  }

  @Test
  void a_successful_run_writes_the_archive_and_the_next_run_maps_it() throws Exception {
    Run first = launch(Map.of(), "greet", "world");
    assertThat(first.code()).isZero();
    assertThat(first.out()).isEqualTo("hello world archive=false\n");
    assertThat(first.err()).isEmpty();
    List<Path> archives = archives();
    assertThat(archives).hasSize(1);
    String name = archives.get(0).getFileName().toString();
    assertThat(name).startsWith("app-greet-").endsWith("-" + Files.size(archives.get(0)) + ".jsa");
    assertThat(temporaryFiles()).isEmpty();

    Run second = launch(Map.of(), "greet", "again");
    assertThat(second.out()).isEqualTo("hello again archive=true\n");
    assertThat(second.err()).isEmpty();
    assertThat(archives()).isEqualTo(archives);
  }

  @Test
  void a_main_class_with_a_wildcard_class_path_gets_its_archive_too() throws Exception {
    Map<String, String> env = Map.of("PVIT_MAIN_CLASS", "app.Main", "PVIT_EXTRA_CLASSPATH", root.resolve("classes") + "/*");
    assertThat(launch(env, "greet", "a").out()).isEqualTo("hello a archive=false\n");
    assertThat(archives()).hasSize(1);
    Run second = launch(env, "greet", "b");
    assertThat(second.out()).isEqualTo("hello b archive=true\n");
    assertThat(second.err()).isEmpty();
  }

  @Test
  void a_failing_run_writes_no_archive_and_keeps_its_exit_code() throws Exception {
    Run run = launch(Map.of(), "greet", "x", "fail");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).isEqualTo("hello x archive=false\n");
    assertThat(archives()).isEmpty();
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void the_archive_writing_run_still_reads_standard_input() throws Exception {
    Run run = launch(Map.of(), "greet", "x", "stdin");
    assertThat(run.out()).isEqualTo("hello x archive=false\nread some input\n");
    assertThat(archives()).hasSize(1);
  }

  @Test
  void cds_off_neither_writes_nor_maps_an_archive() throws Exception {
    assertThat(launch(Map.of(), "greet", "a").code()).isZero();
    Run off = launch(Map.of("PVIT_CDS", "0"), "greet", "b");
    assertThat(off.out()).isEqualTo("hello b archive=false\n");
    Files.delete(archives().get(0));
    launch(Map.of("PVIT_CDS", "0"), "greet", "c");
    assertThat(archives()).isEmpty();
  }

  @Test
  void an_unusable_cache_folder_runs_without_cds_quietly() throws Exception {
    Path file = Files.writeString(root.resolve("not-a-folder"), "x");
    Run run = launch(Map.of("PVIT_CACHE_DIR", file.resolve("pvit").toString()), "greet", "x");
    assertThat(run.code()).isZero();
    assertThat(run.out()).isEqualTo("hello x archive=false\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void a_jvm_without_a_base_archive_runs_without_cds() throws Exception {
    // The JVM refuses to start with ArchiveClassesAtExit when its base archive is not mapped.
    Run run = launch(Map.of("JAVA_TOOL_OPTIONS", "-Xshare:off"), "greet", "x");
    assertThat(run.code()).isZero();
    assertThat(run.out()).isEqualTo("hello x archive=false\n");
    assertThat(run.err()).doesNotContain("rror");
    assertThat(archives()).isEmpty();
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void a_corrupt_archive_of_the_right_size_is_ignored_quietly() throws Exception {
    launch(Map.of(), "greet", "a");
    Path archive = archives().get(0);
    byte[] garbage = new byte[(int) Files.size(archive)];
    java.util.Arrays.fill(garbage, (byte) 0x5a);
    archive.toFile().setWritable(true);
    Files.write(archive, garbage);
    Run run = launch(Map.of(), "greet", "b");
    assertThat(run.code()).isZero();
    assertThat(run.out()).isEqualTo("hello b archive=false\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void a_truncated_archive_is_never_handed_to_the_jvm_and_gets_replaced() throws Exception {
    launch(Map.of(), "greet", "a");
    Path archive = archives().get(0);
    archive.toFile().setWritable(true);
    // HotSpot 17 crashes on a truncated archive: the size in the file name keeps it away.
    try (var ch = Files.newByteChannel(archive, java.nio.file.StandardOpenOption.WRITE)) {
      ch.truncate(Files.size(archive) / 2);
    }
    Run run = launch(Map.of(), "greet", "b");
    assertThat(run.code()).isZero();
    assertThat(run.out()).isEqualTo("hello b archive=false\n");
    assertThat(run.err()).isEmpty();
    assertThat(archives()).hasSize(1);
    Path replaced = archives().get(0);
    assertThat(replaced.getFileName().toString()).endsWith("-" + Files.size(replaced) + ".jsa");
    assertThat(launch(Map.of(), "greet", "c").out()).isEqualTo("hello c archive=true\n");
  }

  @Test
  void a_rebuilt_library_jar_or_other_jvm_options_never_use_the_old_archive() throws Exception {
    launch(Map.of(), "greet", "a");
    List<Path> before = archives();
    Path dep = jar.resolveSibling("lib/dep.jar");
    Files.setLastModifiedTime(dep, FileTime.from(Instant.now().minusSeconds(3600)));
    assertThat(launch(Map.of(), "greet", "b").out()).isEqualTo("hello b archive=false\n");
    List<Path> after = archives();
    assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
    Map<String, String> xmx = Map.of("PVIT_JAVA_OPTS", "-Xmx300m");
    assertThat(launch(xmx, "greet", "c").out()).isEqualTo("hello c archive=false\n");
    // Archives of the same build with other options are kept: alternating options does not thrash.
    assertThat(archives()).hasSize(2).containsAll(after);
    assertThat(launch(xmx, "greet", "d").out()).isEqualTo("hello d archive=true\n");
    assertThat(launch(Map.of(), "greet", "e").out()).isEqualTo("hello e archive=true\n");
  }

  @Test
  void options_and_help_runs_use_no_archive() throws Exception {
    launch(Map.of(), "--greet", "a");
    assertThat(Files.exists(cache)).isFalse();
  }

  @Test
  void a_terminated_run_leaves_no_archive_behind() throws Exception {
    Process p = start(Map.of(), "greet", "x", "sleep");
    String line = new String(p.getInputStream().readNBytes("hello x archive=false\n".length()), StandardCharsets.UTF_8);
    assertThat(line).isEqualTo("hello x archive=false\n");
    p.destroy(); // TERM to the launcher, which passes it on to the JVM
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isNotZero();
    assertThat(archives()).isEmpty();
    assertThat(temporaryFiles()).isEmpty();
  }

  private record Run(int code, String out, String err) {}

  private Run launch(Map<String, String> env, String... args) throws Exception {
    Process p = start(env, args);
    p.getOutputStream().write("some input\n".getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("launcher finished").isTrue();
    return new Run(p.exitValue(), out, err);
  }

  private Process start(Map<String, String> env, String... args) throws IOException {
    List<String> cmd = new java.util.ArrayList<>(List.of("bash", root.resolve("scripts/launch.sh").toString(), "app",
        "app.jar"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("PVIT_JAVA_OPTS");
    pb.environment().remove("PVIT_MAIN_CLASS");
    pb.environment().remove("PVIT_CDS");
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().put("PVIT_CACHE_DIR", cache.toString());
    pb.environment().putAll(env);
    return pb.start();
  }

  private List<Path> archives() throws IOException {
    return list("app-");
  }

  private List<Path> temporaryFiles() throws IOException {
    return list(".");
  }

  private List<Path> list(String prefix) throws IOException {
    Path dir = cache.resolve("cds");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
    }
  }

  private static void writeJar(Path jar, Path classes, String entry, String mainClass) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (mainClass != null) {
      manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
      manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/dep.jar");
    }
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
      j.putNextEntry(new JarEntry(entry));
      j.write(Files.readAllBytes(classes.resolve(entry)));
      j.closeEntry();
    }
  }
}
