package dev.pvit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.pipeline.curation.CurationStage;
import dev.pvit.pipeline.dataset.NamePool;
import dev.pvit.pipeline.dataset.SampleGenerator;
import dev.pvit.pipeline.dataset.SampleMix;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

class DatasetOptionsTest {
  @TempDir Path dir;

  @Command(name = "gen")
  static final class Gen {
    @Mixin DatasetOptions dataset;
  }

  private static DatasetOptions parse(String... args) {
    Gen gen = new Gen();
    new CommandLine(gen).parseArgs(args);
    return gen.dataset;
  }

  @Test
  void defaults_are_the_sdk_builders_defaults() {
    DatasetOptions o = parse();
    assertThat(o.seed()).isZero();
    assertThat(o.minPeople()).isEqualTo(CurationStage.DEFAULT_MIN_PEOPLE);
    assertThat(o.samplesPerScene()).isEqualTo(SampleGenerator.DEFAULT_SAMPLES_PER_SCENE);
    assertThat(o.unanswerableShare()).isEqualTo(SampleMix.DEFAULT_UNANSWERABLE_SHARE);
    assertThat(o.names()).isEmpty();
  }

  @Test
  void help_shows_the_defaults() {
    String help = new CommandLine(new Gen()).getUsageMessage();
    assertThat(help).contains("--min-people=<minPeople>", "--seed=<seed>", "--names=FILE", "(default: 2)",
        "(default: 6)", "(default: 0.2)", "(default: 0)");
  }

  @Test
  void parses_every_option() throws Exception {
    Path names = Files.writeString(dir.resolve("names.txt"), "# two names\nAnn\n\nBo\n");
    DatasetOptions o = parse("--seed", "7", "--min-people", "1", "--samples-per-scene", "3",
        "--unanswerable-share", "0", "--names", names.toString());
    assertThat(o.seed()).isEqualTo(7);
    assertThat(o.minPeople()).isEqualTo(1);
    assertThat(o.samplesPerScene()).isEqualTo(3);
    assertThat(o.unanswerableShare()).isZero();
    assertThat(o.names()).map(NamePool::names).contains(java.util.List.of("Ann", "Bo"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "--min-people|0|--min-people must be at least 1, got 0",
    "--samples-per-scene|-2|--samples-per-scene must be at least 1, got -2",
    "--unanswerable-share|1.5|--unanswerable-share must be between 0 and 1, got 1.5",
    "--unanswerable-share|NaN|--unanswerable-share must be between 0 and 1, got NaN"
  })
  void out_of_range_values_are_usage_errors_naming_the_flag_and_the_range(String flag, String value,
      String message) {
    assertThatThrownBy(() -> parse(flag, value)).isInstanceOf(ParameterException.class).hasMessage(message);
  }

  @Test
  void an_unreadable_or_invalid_name_file_is_a_usage_error_naming_the_file() throws Exception {
    Path missing = dir.resolve("missing.txt");
    assertThatThrownBy(() -> parse("--names", missing.toString())).isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("--names " + missing + ": ").hasMessageContaining("Cannot read");
    Path invalid = Files.writeString(dir.resolve("bad.txt"), "Ann\n--- !!\n");
    assertThatThrownBy(() -> parse("--names", invalid.toString())).isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("--names " + invalid + ": ");
    Path empty = Files.writeString(dir.resolve("empty.txt"), "# nothing\n");
    assertThatThrownBy(() -> parse("--names", empty.toString())).isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("--names " + empty + ": ");
  }

  @Test
  void a_reused_command_line_forgets_the_names_of_the_previous_parse() throws Exception {
    Path names = Files.writeString(dir.resolve("names.txt"), "Ann\n");
    Gen gen = new Gen();
    CommandLine cl = new CommandLine(gen);
    cl.parseArgs("--names", names.toString(), "--min-people", "3");
    assertThat(gen.dataset.names()).isPresent();
    cl.parseArgs();
    assertThat(gen.dataset.names()).isEmpty();
    assertThat(gen.dataset.minPeople()).isEqualTo(CurationStage.DEFAULT_MIN_PEOPLE);
  }
}
