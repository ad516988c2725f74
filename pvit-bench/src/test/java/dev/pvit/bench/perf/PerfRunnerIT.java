package dev.pvit.bench.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.VerboseMode;

/** The JMH runner finds and runs the generated benchmarks (prompt rendering only, to stay short). */
class PerfRunnerIT {
  @Test
  void runs_the_prompt_benchmarks_in_process() throws Exception {
    List<PerfRow> rows = PerfRunner.run(true, "Prompt", VerboseMode.SILENT);
    assertThat(rows).extracting(PerfRow::benchmark).containsExactly("buildPrompt", "renderLlava", "renderOpenAiInline");
    assertThat(rows).allMatch(r -> r.millis() > 0 && r.group().equals("Prompt"));
  }
}
