package dev.pvit.bench.pbench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pvit.bench.BenchInputException;
import dev.pvit.person.Person;
import dev.pvit.prompt.RefusalClassifier;
import dev.pvit.prompt.RefusalKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scores a P-Bench answers file: lines of {@code {prompt, text, answer_id, model_id, gt_answer, mode,
 * metadata}} as the PVIT release's {@code model_vqa_personalize.py} writes them (or {@code pbench
 * --answers-out}), as JSON Lines or one JSON array. The release has no scorer of its own; this is it.
 *
 * <ul>
 *   <li>The options are read from the prompt ("A. …" lines or inline "A) … B) …"), the expected
 *       option from {@code gt_answer} (a letter or an option's text).
 *   <li>A question whose correct option is a refusal ({@link RefusalClassifier}) is unanswerable:
 *       the answer must choose that option, or refuse in its own words with the same family
 *       (absent vs. unknown name). Otherwise it is answerable: the answer must choose the right
 *       option (a letter, "the answer is B", or the only option it mentions); a refusal there is
 *       wrong.
 *   <li>A prompt without options is scored by the refusal family when {@code gt_answer} is a
 *       refusal, else by whether the answer contains {@code gt_answer} as words.
 *   <li>There are no typed abstentions in model text: every answer is correct or wrong.
 * </ul>
 *
 * <pre>{@code
 * AnswerFileScorer.Result r = AnswerFileScorer.score(Path.of("answers.jsonl"));
 * Scores s = Scores.of(r.judgements(), r::modeOf);
 * }</pre>
 */
public final class AnswerFileScorer {
  private static final Pattern IMAGE = Pattern.compile("<image>");

  private final RefusalClassifier classifier = RefusalClassifier.create();

  private AnswerFileScorer() {}

  /**
   * What scoring a file produced.
   *
   * @param judgements one per line, in file order (question ids {@code a0001}, …)
   * @param modes question id → the line's {@code mode}
   * @param models the distinct {@code model_id}s in the file
   */
  public record Result(List<Judgement> judgements, Map<String, String> modes, Set<String> models) {
    /** Copies the parts. */
    public Result {
      judgements = List.copyOf(judgements);
      modes = Map.copyOf(modes);
      models = Set.copyOf(new LinkedHashSet<>(models));
    }

    /**
     * The {@code mode} of a scored line, for grouping.
     *
     * @param j one of this result's judgements
     * @return the mode, {@code (none)} if the line had none
     */
    public String modeOf(Judgement j) {
      return modes.getOrDefault(j.question().id(), "(none)");
    }
  }

  /**
   * Scores every line of an answers file.
   *
   * @param answers the file (JSON Lines or a JSON array)
   * @return the judgements and groups
   * @throws BenchInputException naming the line of a malformed answer, or for an empty file
   */
  public static Result score(Path answers) {
    AnswerFileScorer scorer = new AnswerFileScorer();
    List<Judgement> out = new ArrayList<>();
    Map<String, String> modes = new LinkedHashMap<>();
    Set<String> models = new LinkedHashSet<>();
    JsonRecords.forEach(answers, (at, node) -> {
      for (String field : List.of("prompt", "text", "gt_answer")) {
        if (!node.hasNonNull(field)) {
          throw new BenchInputException(at + " has no \"" + field + "\"; an answers line needs prompt, text and "
              + "gt_answer (as model_vqa_personalize.py writes them).");
        }
      }
      ReleaseAnswer a = ReleaseAnswer.from(node);
      String id = String.format(Locale.ROOT, "a%04d", at.index() + 1);
      out.add(scorer.judge(id, a, at.toString()));
      modes.put(id, a.mode().isMissingNode() || a.mode().isNull() ? "(none)" : a.mode().asText());
      if (!a.modelId().isEmpty()) {
        models.add(a.modelId());
      }
    });
    if (out.isEmpty()) {
      throw new BenchInputException("'" + answers + "' holds no answers.");
    }
    return new Result(out, modes, models);
  }

  Judgement judge(String id, ReleaseAnswer a, String where) {
    String gt = a.gtAnswer().isTextual() ? a.gtAnswer().textValue().strip() : a.gtAnswer().toString();
    List<String> options = RecordsEvaluation.options(a.prompt());
    int registered = Math.max(0, (int) IMAGE.matcher(a.prompt()).results().count() - 1);
    if (options.isEmpty()) {
      return open(id, a, gt, registered);
    }
    String expected = RecordsEvaluation.expectedLetter(gt, options).orElseThrow(() -> new BenchInputException(
        where + ": gt_answer '" + gt + "' is neither an option letter nor an option's text of the prompt."));
    String correctOption = options.get(expected.charAt(0) - 'A');
    RefusalKind family = classifier.classify(correctOption);
    Category category = family == RefusalKind.NOT_A_REFUSAL ? Category.CHOICE : Category.CHOICE_REFUSAL;
    Question q = new Question(id, category, "line " + id.substring(1), a.prompt(), expected, options, Optional.empty(),
        registered, List.of(), Optional.empty());
    Optional<String> letter = AnswerReader.choice(a.text(), options);
    RefusalKind said = classifier.classify(a.text());
    String given;
    boolean right;
    if (letter.isPresent()) {
      given = letter.get();
      right = letter.get().equals(expected);
    } else if (said != RefusalKind.NOT_A_REFUSAL) {
      given = "refused: " + said.name().toLowerCase(Locale.ROOT);
      right = category == Category.CHOICE_REFUSAL && said == family;
    } else {
      given = "no choice";
      right = false;
    }
    return judgement(q, a, given, right);
  }

  private Judgement open(String id, ReleaseAnswer a, String gt, int registered) {
    RefusalKind family = classifier.classify(gt);
    RefusalKind said = classifier.classify(a.text());
    Category category = family == RefusalKind.NOT_A_REFUSAL ? Category.CHOICE : Category.CHOICE_REFUSAL;
    Question q = new Question(id, category, "line " + id.substring(1), a.prompt(), gt, List.of(), Optional.empty(),
        registered, List.of(), Optional.empty());
    if (family != RefusalKind.NOT_A_REFUSAL) {
      String given = said == RefusalKind.NOT_A_REFUSAL ? "answered" : "refused: " + said.name().toLowerCase(Locale.ROOT);
      return judgement(q, a, given, said == family);
    }
    if (said != RefusalKind.NOT_A_REFUSAL) {
      return judgement(q, a, "refused: " + said.name().toLowerCase(Locale.ROOT), false);
    }
    String key = Person.matchKey(gt);
    boolean contains = !key.isEmpty()
        && Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(key) + "(?![\\p{L}\\p{N}])").matcher(Person.matchKey(a.text())).find();
    return judgement(q, a, contains ? "contains the answer" : "misses the answer", contains);
  }

  private static Judgement judgement(Question q, ReleaseAnswer a, String given, boolean right) {
    return new Judgement(q, a.text(), "MODEL_TEXT", given, right ? Outcome.CORRECT : Outcome.WRONG, false, 0);
  }
}
