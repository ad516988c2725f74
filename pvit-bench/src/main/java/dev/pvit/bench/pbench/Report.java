package dev.pvit.bench.pbench;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a benchmark run produced: settings, scores, every judged question and notes.
 *
 * @param title a short title, e.g. {@code P-Bench-style accuracy: embedded backend}
 * @param settings run settings in display order (backend, model, seed, data folder, …), as typed
 *     values: {@link String}, {@link Number} or {@link Boolean} (written to JSON as such)
 * @param scores the numbers
 * @param judgements every question with the given and expected answer
 * @param notes caveats worth reading next to the numbers (enrollment problems, reading rules)
 * @param distances the recognition section (distance histograms, FAR/FRR at the operating point),
 *     for runs that recognise faces locally on a labelled face set
 */
public record Report(String title, Map<String, Object> settings, Scores scores, List<Judgement> judgements,
    List<String> notes, Optional<DistanceReport> distances) {
  /** Copies the parts. */
  public Report {
    checkNotNull(title, "title");
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    settings.forEach((k, v) -> {
      if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
        throw new IllegalArgumentException("setting '" + k + "' must be a String, Number or Boolean, not " + v.getClass());
      }
    });
    checkNotNull(scores, "scores");
    judgements = List.copyOf(judgements);
    notes = List.copyOf(notes);
    checkNotNull(distances, "distances");
  }

  /**
   * A report without a recognition section.
   *
   * @param title a short title
   * @param settings run settings as typed values
   * @param scores the numbers
   * @param judgements every question
   * @param notes caveats
   */
  public Report(String title, Map<String, Object> settings, Scores scores, List<Judgement> judgements, List<String> notes) {
    this(title, settings, scores, judgements, notes, Optional.empty());
  }

  /**
   * The summary line printed last by {@code pbench}.
   *
   * <p>Answerable and unanswerable are accuracies; wrong and abstained are shares of all questions.
   *
   * @return {@code pbench: answerable=0.xxxx unanswerable=0.xxxx wrong=0.xxxx abstained=0.xxxx
   *     questions=n}
   */
  public String summaryLine() {
    return String.format(Locale.ROOT, "pbench: answerable=%.4f unanswerable=%.4f wrong=%.4f abstained=%.4f questions=%d",
        scores.answerable().accuracy(), scores.unanswerable().accuracy(), scores.all().wrongRate(),
        scores.all().abstainedRate(), judgements.size());
  }
}
