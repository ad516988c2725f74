package dev.pvit.bench;

import dev.pvit.bench.pbench.AnswerFileScorer;
import dev.pvit.bench.pbench.Report;
import dev.pvit.bench.pbench.ReportWriter;
import dev.pvit.bench.pbench.Scores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pvit-bench pbench score}: scores a P-Bench answers file written by the PVIT release's
 * {@code model_vqa_personalize.py} (or by {@code pbench --records … --answers-out}) and writes the
 * same reports as {@code pbench}.
 *
 * <pre>{@code
 * java -jar pvit-bench/target/pvit-bench.jar pbench score answers.jsonl --out target/pbench/answers-report.json
 * }</pre>
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Scores a P-Bench answers file ({prompt, text, answer_id, model_id, gt_answer, mode, metadata} per line,",
      "as the PVIT release's model_vqa_personalize.py writes it; JSON Lines or one JSON array): the option",
      "chosen for answerable questions, the refusal and its family (absent vs. unknown) for unanswerable ones,",
      "per mode. Writes report.json, report.md and report.html like pbench; the last line has pbench's format."
    })
public final class PbenchScoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ANSWERS", description = "The answers file.")
  Path answers;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "report.json",
      description = "JSON report; report.md and report.html are written next to it; an existing folder gets report.json "
          + "inside it (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("report.json");

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      AnswerFileScorer.Result result = AnswerFileScorer.score(answers);
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put("answers", answers.toString());
      settings.put("models", String.join(", ", result.models()));
      settings.put("questions", result.judgements().size());
      List<String> notes = new ArrayList<>();
      notes.add("Scored from the answer text only (dev.pvit.bench.pbench.AnswerFileScorer): options from the prompt, the "
          + "expected option from gt_answer; a question whose correct option is a refusal needs that option or a "
          + "refusal of the same family (absent vs. unknown name, by RefusalClassifier); any other choice, a refusal "
          + "where an option was due, or no readable choice is wrong. Model text has no typed abstentions.");
      Report report = new Report("P-Bench answers: " + answers.getFileName(), settings,
          Scores.of(result.judgements(), result::modeOf), result.judgements(), notes);
      List<Path> files = ReportWriter.writeAll(report, ReportWriter.target(out));
      PrintWriter o = spec.commandLine().getOut();
      o.print(PbenchCommand.summaryTable(report));
      o.println("reports: " + files.get(0) + ", " + files.get(1) + ", " + files.get(2));
      o.println(report.summaryLine());
      o.flush();
      return 0;
    } catch (BenchInputException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 3;
    } catch (java.io.UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
  }
}
