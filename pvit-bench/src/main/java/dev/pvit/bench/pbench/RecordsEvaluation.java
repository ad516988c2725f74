package dev.pvit.bench.pbench;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pvit.PvitException;
import dev.pvit.bench.BenchInputException;
import dev.pvit.chat.Answer;
import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import dev.pvit.prompt.ImageResolver;
import dev.pvit.prompt.LlavaConversationParser;
import dev.pvit.prompt.LlavaRecord;
import dev.pvit.prompt.PromptPerson;
import dev.pvit.prompt.RefusalClassifier;
import dev.pvit.prompt.RefusalKind;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates multiple-choice records in the released P-Bench shape ({@code {"image": [refs…,
 * scene], "text": "<image>\nThis is Kristina.\n<image>\nQuestion…\nA. …\nB. …", "value": "B",
 * "mode": …}}, as one JSON array like the release's {@code json.load} reads, or one per line)
 * against any backend: the people introduced in each record are registered, the question (with its
 * options) is asked about the scene, and the chosen letter is read from the answer. The file is
 * streamed record by record. {@link #writeAnswers} writes the answers in the release script's
 * answers-file shape.
 *
 * <pre>{@code
 * RecordsEvaluation e = RecordsEvaluation.load(Path.of("p-bench-qa.jsonl"), Path.of("images"));
 * List<Judgement> js = e.run(people -> answererFor(people), j -> {});
 * }</pre>
 *
 * @param items the loaded records
 */
public record RecordsEvaluation(List<Item> items) {
  private static final Logger LOG = LoggerFactory.getLogger(RecordsEvaluation.class);
  private static final Pattern OPTION_LINE = Pattern.compile("(?m)^\\s*\\(?([A-H])[.):]\\s*(.+?)\\s*$");
  private static final Pattern OPTION_INLINE = Pattern.compile("\\(?([A-H])[.)]\\s+(.+?)(?=\\s+\\(?[A-H][.)]\\s|$)");

  /** Copies the list. */
  public RecordsEvaluation {
    items = List.copyOf(items);
  }

  /**
   * One record, ready to ask.
   *
   * @param question the question with options, expected letter, group and people count
   * @param people the people the record introduces
   * @param scene the scene photo
   * @param mode the record's {@code mode} field, or {@code (none)}
   * @param prompt the record's {@code text} as it was (with its {@code <image>} placeholders)
   * @param value the record's {@code value} as it was
   * @param modeValue the record's {@code mode} as it was (missing if it had none)
   */
  public record Item(Question question, List<Person> people, ImageInput scene, String mode, String prompt,
      JsonNode value, JsonNode modeValue) {
    /** Checks and copies the parts. */
    public Item {
      checkNotNull(question, "question");
      people = List.copyOf(people);
      checkNotNull(scene, "scene");
      checkNotNull(mode, "mode");
      checkNotNull(prompt, "prompt");
      checkNotNull(value, "value");
      checkNotNull(modeValue, "modeValue");
    }
  }

  /**
   * Reads a file of choice records (one JSON array, or JSON Lines; detected); images are resolved
   * under a folder.
   *
   * @param records the records file
   * @param images the folder the records' image paths are relative to
   * @return the evaluation
   * @throws BenchInputException naming the record and line of a malformed record or a missing image
   */
  public static RecordsEvaluation load(Path records, Path images) {
    LlavaConversationParser parser = LlavaConversationParser.builder()
        .imageResolver(ImageResolver.directory(images)).build();
    RefusalClassifier classifier = RefusalClassifier.create();
    List<Item> items = new ArrayList<>();
    JsonRecords.forEach(records, (at, node) -> {
      try {
        LlavaRecord r = parser.parse(node);
        items.add(item(node, r, items.size() + 1, classifier, at.toString()));
      } catch (BenchInputException e) {
        throw e;
      } catch (PvitException e) {
        throw new BenchInputException(at + ": " + e.getMessage(), e);
      }
    });
    if (items.isEmpty()) {
      throw new BenchInputException("'" + records + "' holds no records.");
    }
    return new RecordsEvaluation(items);
  }

  private static Item item(JsonNode node, LlavaRecord r, int n, RefusalClassifier classifier, String where) {
    String text = r.prompt().question();
    List<String> options = options(text);
    if (options.size() < 2) {
      throw new BenchInputException(where + " has no lettered options (\"A. …\", \"B. …\") in its question.");
    }
    String value = r.answer().orElseThrow(() -> new BenchInputException(where + " has no \"value\" (expected answer)."))
        .strip();
    String expected = expectedLetter(value, options)
        .orElseThrow(() -> new BenchInputException(where + ": the value '" + value + "' is neither an option letter nor an option's text."));
    List<Person> people = r.prompt().people().stream().map(PromptPerson::person).toList();
    if (r.prompt().scenes().isEmpty()) {
      throw new BenchInputException(where + " has no scene image after the introductions.");
    }
    ImageInput scene = r.prompt().scenes().get(r.prompt().scenes().size() - 1);
    int registered = node.path("cnt").isInt() ? node.path("cnt").asInt() : people.size();
    String correctOption = options.get(expected.charAt(0) - 'A');
    boolean refusal = classifier.classify(correctOption) != RefusalKind.NOT_A_REFUSAL;
    Question q = new Question(String.format(Locale.ROOT, "r%04d", n),
        refusal ? Category.CHOICE_REFUSAL : Category.CHOICE, scene.name(), text, expected, options,
        people.isEmpty() ? Optional.empty() : Optional.of(people.get(0).name()), registered, List.of(),
        Optional.empty());
    String mode = node.path("mode").isMissingNode() || node.path("mode").isNull() ? "(none)" : node.path("mode").asText();
    return new Item(q, people, scene, mode, node.path("text").asText(""), node.path("value"), node.path("mode"));
  }

  /**
   * The lettered options of a question, one per line ("A. x") or inline ("A) x B) y").
   *
   * @param text the question text
   * @return the options in letter order (empty if the letters are not A, B, C… in order)
   */
  static List<String> options(String text) {
    for (Pattern p : List.of(OPTION_LINE, OPTION_INLINE)) {
      List<String> out = new ArrayList<>();
      Matcher m = p.matcher(text);
      while (m.find()) {
        if (m.group(1).charAt(0) - 'A' != out.size()) {
          break;
        }
        out.add(m.group(2).strip());
      }
      if (out.size() >= 2) {
        return out;
      }
    }
    return List.of();
  }

  static Optional<String> expectedLetter(String value, List<String> options) {
    String v = value.replaceAll("^\\(?([A-H])[.):]?$", "$1");
    if (v.length() == 1 && v.charAt(0) - 'A' >= 0 && v.charAt(0) - 'A' < options.size()) {
      return Optional.of(v);
    }
    for (int i = 0; i < options.size(); i++) {
      if (Person.matchKey(options.get(i)).equals(Person.matchKey(value))) {
        return Optional.of(Question.letter(i));
      }
    }
    return Optional.empty();
  }

  /**
   * Asks every record, each with its own people registered.
   *
   * @param answerers makes a backend with the given people registered
   * @param progress called after every judged record
   * @return the judgements, in record order
   */
  public List<Judgement> run(Function<List<Person>, Answerer> answerers, Consumer<Judgement> progress) {
    Judge judge = new Judge(NameFinder.of(items.stream()
        .flatMap(i -> i.people().stream().map(Person::name)).distinct().toList()));
    List<Judgement> out = new ArrayList<>();
    for (Item item : items) {
      long start = System.nanoTime();
      Judgement j;
      try {
        Answer a = answerers.apply(item.people()).scene(item.scene()).ask(item.question().text());
        j = judge.judge(item.question(), a, (System.nanoTime() - start) / 1_000_000);
      } catch (PvitException e) {
        LOG.warn("Record {} failed: {}", item.question().id(), e.getMessage());
        j = judge.failed(item.question(), e.getMessage(), (System.nanoTime() - start) / 1_000_000);
      }
      out.add(j);
      progress.accept(j);
    }
    return out;
  }

  /**
   * The {@code mode} of a judged record, for grouping.
   *
   * @param j a judgement of one of this evaluation's records
   * @return the mode
   */
  public String modeOf(Judgement j) {
    return items.stream().filter(i -> i.question().id().equals(j.question().id())).findFirst()
        .map(Item::mode).orElse("(none)");
  }

  /**
   * Writes the answers of a run as the release's {@code model_vqa_personalize.py} would: one line
   * per record, in record order, {@code {prompt, text, answer_id, model_id, gt_answer, mode,
   * metadata}}. A record whose request failed gets an empty {@code text}.
   *
   * @param judgements this evaluation's judgements, in record order
   * @param modelId the {@code model_id} to write
   * @param file the answers file to write (JSON Lines)
   * @throws BenchInputException if the file cannot be written
   */
  public void writeAnswers(List<Judgement> judgements, String modelId, Path file) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        for (int i = 0; i < items.size() && i < judgements.size(); i++) {
          Item item = items.get(i);
          Judgement j = judgements.get(i);
          String text = j.answerKind().equals("ERROR") ? "" : j.answer();
          w.write(ReleaseAnswer.of(item.prompt(), text, modelId, item.value(), item.modeValue()).toJsonLine());
          w.write('\n');
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new BenchInputException("Cannot write the answers file '" + file + "': " + e.getMessage(), e);
    }
  }
}
