package dev.pvit.bench.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Only {@code pvit-core} may use {@code dev.pvit..internal..} packages: every other module of the
 * reactor (found by scanning the root directory, so modules added later are covered without editing
 * this test) must stick to the public API. A module may use its own internal packages.
 *
 * <p>It checks the compiled main classes of every module that has them ({@code MODULE/target/classes}):
 * in a reactor build, modules declared after {@code pvit-bench} that are not compiled yet are checked
 * from the second build on.
 */
class ModuleBoundariesTest {
  private static final String CORE = "pvit-core";
  @Test
  void no_module_but_core_uses_an_internal_package_of_another_module() throws IOException {
    List<Path> modules = compiledModules();
    assertThat(modules).as("compiled modules besides pvit-core").isNotEmpty()
        .anySatisfy(m -> assertThat(m.getFileName()).hasToString("pvit-bench"));
    for (Path module : modules) {
      JavaClasses classes = new ClassFileImporter().importPath(module.resolve("target/classes"));
      Set<String> ownPackages = classes.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
      ArchRule rule = noClasses()
          .should().dependOnClassesThat(internalOutside(ownPackages))
          .as(module.getFileName() + " uses only the public API of other modules");
      EvaluationResult result = rule.evaluate(classes);
      assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }
  }

  @Test
  void the_rule_catches_a_class_that_imports_core_internals() {
    JavaClasses offender = new ClassFileImporter().importClasses(UsesCoreInternals.class);
    ArchRule rule = noClasses().should().dependOnClassesThat(internalOutside(Set.of()));
    assertThat(rule.evaluate(offender).hasViolation()).isTrue();
  }

  /** A deliberate offender for the negative test (test code, never part of the bench jar). */
  static final class UsesCoreInternals {
    @SuppressWarnings("unused")
    private dev.pvit.face.internal.Rect rect;
  }

  private static DescribedPredicate<JavaClass> internalOutside(Set<String> ownPackages) {
    return DescribedPredicate.describe(
        "reside in another module's dev.pvit..internal.. package",
        c -> isInternal(c.getPackageName()) && !ownPackages.contains(c.getPackageName()));
  }

  private static boolean isInternal(String pkg) {
    return pkg.startsWith("dev.pvit.") && (pkg.endsWith(".internal") || pkg.contains(".internal."));
  }

  private static List<Path> compiledModules() throws IOException {
    Path root = Path.of(System.getProperty("pvit.root.dir", "..")).toAbsolutePath().normalize();
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
          .filter(d -> !d.getFileName().toString().equals(CORE))
          .filter(d -> Files.isDirectory(d.resolve("target/classes/dev/pvit")))
          .sorted()
          .toList();
    }
  }
}
