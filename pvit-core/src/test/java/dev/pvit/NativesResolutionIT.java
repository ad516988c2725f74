package dev.pvit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What an application that depends on nothing but {@code pvit-core} resolves on each platform:
 * a throw-away consumer project runs {@code mvn dependency:tree} in a child Maven whose JVM reports
 * another {@code os.name}/{@code os.arch}, so the OS-activated profiles of pvit-core's pom are
 * evaluated exactly as on that machine. pvit-core's and the parent's poms are placed in a temporary
 * local repository (nothing is installed into the shared one); everything else is read from the
 * shared local repository as a file repository, so no natives jar is downloaded (the tree needs
 * poms only).
 */
class NativesResolutionIT {
  private static final String VERSION = "0.1.0-SNAPSHOT";
  @TempDir static Path work;
  private static Path consumer;
  private static Path settings;
  private static Path localRepo;

  @BeforeAll
  static void consumer_project() throws IOException {
    String root = System.getProperty("pvit.root.dir");
    String shared = System.getProperty("pvit.local.repo");
    assumeTrue(root != null && shared != null, "run by Maven (pvit.root.dir, pvit.local.repo)");
    assumeTrue(mavenOnPath(), "mvn on the PATH");
    localRepo = work.resolve("repo");
    install(Path.of(root, "pom.xml"), "pvit-parent");
    install(Path.of(root, "pvit-core", "pom.xml"), "pvit-core");
    settings = work.resolve("settings.xml");
    String sharedUrl = Path.of(shared).toUri().toString();
    Files.writeString(settings, """
        <settings>
          <profiles><profile><id>shared</id>
            <repositories><repository><id>shared</id><url>%1$s</url></repository></repositories>
            <pluginRepositories><pluginRepository><id>shared</id><url>%1$s</url></pluginRepository></pluginRepositories>
          </profile></profiles>
          <activeProfiles><activeProfile>shared</activeProfile></activeProfiles>
        </settings>
        """.formatted(sharedUrl));
    consumer = Files.createDirectories(work.resolve("app"));
    Files.writeString(consumer.resolve("pom.xml"), """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>example</groupId><artifactId>app</artifactId><version>1</version>
          <dependencies>
            <dependency><groupId>dev.pvit</groupId><artifactId>pvit-core</artifactId><version>%s</version></dependency>
          </dependencies>
        </project>
        """.formatted(VERSION));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({"Linux, amd64, linux-x86_64", "Linux, aarch64, linux-aarch64", "MacOS, aarch64, osx-aarch64"})
  void an_app_depending_only_on_pvit_core_gets_the_natives_of_its_platform(
      String osName, String osArch, String classifier) throws Exception {
    // Names without spaces: the mvn script splits MAVEN_OPTS on whitespace. Maven's OS activation
    // matches the mac family by substring, so "MacOS" stands for "Mac OS X".
    List<String> natives = nativesOf(consumer, "-Dos.name=" + osName + " -Dos.arch=" + osArch);
    assertThat(natives).singleElement().asString()
        .contains("ai.djl.pytorch:pytorch-native-cpu:jar:" + classifier + ":2.7.1:runtime");
  }

  /**
   * Windows cannot be simulated like the others (Maven's console library calls Windows APIs when
   * {@code os.name} says Windows), so pvit-core's own dependency tree is resolved with the Windows
   * profile forced instead of the local one.
   */
  @Test
  void the_windows_profile_selects_the_windows_natives() throws Exception {
    List<String> natives = nativesOf(Path.of(System.getProperty("pvit.root.dir"), "pvit-core"), "",
        "-P", "natives-windows-x86_64,!natives-linux-x86_64,!natives-linux-aarch64,!natives-osx-aarch64");
    assertThat(natives).singleElement().asString()
        .contains("ai.djl.pytorch:pytorch-native-cpu:jar:win-x86_64:2.7.1:runtime");
  }

  /** The documented way to choose other natives (another platform, or a CUDA build). */
  @Test
  void an_app_replaces_the_natives_with_an_exclusion_and_its_own_dependency() throws Exception {
    Path app = Files.createDirectories(work.resolve("app-aarch64"));
    Files.writeString(app.resolve("pom.xml"), """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>example</groupId><artifactId>app-aarch64</artifactId><version>1</version>
          <dependencies>
            <dependency>
              <groupId>dev.pvit</groupId><artifactId>pvit-core</artifactId><version>%s</version>
              <exclusions>
                <exclusion><groupId>ai.djl.pytorch</groupId><artifactId>pytorch-native-cpu</artifactId></exclusion>
              </exclusions>
            </dependency>
            <dependency>
              <groupId>ai.djl.pytorch</groupId><artifactId>pytorch-native-cpu</artifactId>
              <version>2.7.1</version><classifier>linux-aarch64</classifier><scope>runtime</scope>
            </dependency>
          </dependencies>
        </project>
        """.formatted(VERSION));
    assertThat(nativesOf(app, "")).singleElement().asString()
        .contains("ai.djl.pytorch:pytorch-native-cpu:jar:linux-aarch64:2.7.1:runtime");
  }

  private static List<String> nativesOf(Path project, String mavenOpts, String... args) throws Exception {
    Path tree = Files.createTempFile(work, "tree", ".txt");
    Path log = Files.createTempFile(work, "mvn", ".log");
    List<String> command = new ArrayList<>(List.of(
        "mvn", "-B", "-q", "-s", settings.toString(), "-Dmaven.repo.local=" + localRepo,
        "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:tree", "-Dverbose",
        "-DoutputFile=" + tree));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("MAVEN_OPTS", mavenOpts);
    Process p = pb.start();
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("mvn finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    return Files.readAllLines(tree, StandardCharsets.UTF_8).stream()
        .filter(l -> l.contains("ai.djl.pytorch:pytorch-native-")).toList();
  }

  private static void install(Path pom, String artifactId) throws IOException {
    Path dir = Files.createDirectories(localRepo.resolve("dev/pvit/" + artifactId + "/" + VERSION));
    Files.copy(pom, dir.resolve(artifactId + "-" + VERSION + ".pom"));
  }

  private static boolean mavenOnPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "mvn"))) {
        return true;
      }
    }
    return false;
  }
}
