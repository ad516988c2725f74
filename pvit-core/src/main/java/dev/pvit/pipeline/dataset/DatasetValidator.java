package dev.pvit.pipeline.dataset;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pvit.PvitException;
import dev.pvit.prompt.LlavaConversationParser;
import dev.pvit.prompt.LlavaDataset;
import dev.pvit.prompt.PromptPerson;
import dev.pvit.prompt.RefusalClassifier;
import dev.pvit.prompt.RefusalKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Checks a PVIT/LLaVA dataset file record by record, streaming (a multi-GB JSON array is read in
 * constant memory): the names each record introduces (parsed from its introductions), its image
 * count against its {@code <image>} placeholders, the refusal family of every assistant turn,
 * missing image files (with {@link Builder#images(Path)}) and any error, with the record's index.
 *
 * <pre>{@code
 * DatasetValidator.Summary s = DatasetValidator.builder().images(Path.of("dataset")).build()
 *     .validate(Path.of("dataset/data.json"), report -> System.out.println(report));
 * }</pre>
 */
public final class DatasetValidator {
  /**
   * One record's findings.
   *
   * @param index position in the file, from 0
   * @param names the people introduced, in order (empty if the record could not be parsed)
   * @param images entries of {@code image}
   * @param placeholders {@code <image>} placeholders in all turns
   * @param refusals per assistant turn: the refusal family, or null for an ordinary answer
   * @param missingImages image paths not found under the images folder
   * @param errors problems, each a sentence
   */
  public record RecordReport(
      long index,
      List<String> names,
      int images,
      int placeholders,
      List<@Nullable RefusalKind> refusals,
      List<String> missingImages,
      List<String> errors) {

    /** Copies the lists. */
    public RecordReport {
      names = List.copyOf(names);
      refusals = Collections.unmodifiableList(new ArrayList<>(refusals));
      missingImages = List.copyOf(missingImages);
      errors = List.copyOf(errors);
    }
  }

  /**
   * Totals over a file.
   *
   * @param records records read
   * @param people records by number of people introduced
   * @param assistantTurns assistant turns classified
   * @param absent assistant turns that refuse because the person is absent
   * @param unknown assistant turns that refuse because the name is unknown
   * @param recordsWithProblems records with at least one error or missing image
   * @param firstProblems the first problems, "record N: ..." (at most 20)
   */
  public record Summary(
      long records,
      Map<Integer, Long> people,
      long assistantTurns,
      long absent,
      long unknown,
      long recordsWithProblems,
      List<String> firstProblems) {

    /** Copies the collections. */
    public Summary {
      people = Collections.unmodifiableMap(new TreeMap<>(people));
      firstProblems = List.copyOf(firstProblems);
    }

    /**
     * Share of assistant turns that are refusals.
     *
     * @return 0..1
     */
    public double refusalShare() {
      return assistantTurns == 0 ? 0 : (double) (absent + unknown) / assistantTurns;
    }
  }

  private static final int MAX_PROBLEMS = 20;

  private final @Nullable Path images;
  private final LlavaConversationParser parser = LlavaConversationParser.create();
  private final RefusalClassifier classifier = RefusalClassifier.create();

  private DatasetValidator(Builder b) {
    this.images = b.images;
  }

  /**
   * A builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Validates a file.
   *
   * @param file a JSON array or JSONL
   * @param reports receives every record's report, in order
   * @return the totals
   * @throws dev.pvit.prompt.InvalidPromptException if the file is not JSON (naming the record)
   */
  public Summary validate(Path file, Consumer<RecordReport> reports) {
    checkNotNull(reports, "reports");
    Map<Integer, Long> people = new TreeMap<>();
    long[] totals = new long[4];
    List<String> problems = new ArrayList<>();
    long n =
        LlavaDataset.read(
            file,
            (i, record) -> {
              RecordReport r = check(i, record);
              people.merge(r.names().size(), 1L, Long::sum);
              for (RefusalKind k : r.refusals()) {
                totals[0]++;
                if (k == RefusalKind.ABSENT) {
                  totals[1]++;
                } else if (k == RefusalKind.UNKNOWN) {
                  totals[2]++;
                }
              }
              if (!r.errors().isEmpty() || !r.missingImages().isEmpty()) {
                totals[3]++;
                if (problems.size() < MAX_PROBLEMS) {
                  String first = !r.errors().isEmpty() ? r.errors().get(0) : "missing image " + r.missingImages().get(0);
                  problems.add("record " + i + ": " + first);
                }
              }
              reports.accept(r);
            });
    return new Summary(n, people, totals[0], totals[1], totals[2], totals[3], problems);
  }

  /**
   * Checks one record.
   *
   * @param index its position
   * @param record the record
   * @return the report
   */
  public RecordReport check(long index, ObjectNode record) {
    List<String> errors = new ArrayList<>();
    List<String> refs = List.of();
    List<String[]> turns = List.of();
    try {
      refs = LlavaDataset.imageRefs(record);
      turns = DatasetConverter.turns(record);
    } catch (PvitException e) {
      errors.add(e.getMessage());
    }
    int placeholders = 0;
    List<@Nullable RefusalKind> refusals = new ArrayList<>();
    for (String[] t : turns) {
      placeholders += DatasetConverter.count(t[1]);
      if (t[0].equals("assistant")) {
        RefusalKind k = classifier.classify(t[1]);
        refusals.add(k == RefusalKind.NOT_A_REFUSAL ? null : k);
      }
    }
    if (errors.isEmpty() && placeholders != refs.size()) {
      errors.add(placeholders + " '<image>' placeholder(s) but " + refs.size() + " image(s)");
    }
    List<String> names = new ArrayList<>();
    if (errors.isEmpty() && !refs.isEmpty()) {
      try {
        for (PromptPerson p : parser.parse(record).prompt().people()) {
          names.add(p.name());
        }
      } catch (PvitException e) {
        errors.add(e.getMessage());
      }
    }
    List<String> missing = new ArrayList<>();
    if (images != null) {
      for (String ref : refs) {
        Path p = images.resolve(ref).normalize();
        if (!p.startsWith(images) || !Files.isRegularFile(p)) {
          missing.add(ref);
        }
      }
    }
    return new RecordReport(index, names, refs.size(), placeholders, refusals, missing, errors);
  }

  /** Builder for {@link DatasetValidator}. */
  public static final class Builder {
    private @Nullable Path images;

    private Builder() {}

    /**
     * The folder image paths are relative to; set it to report missing images.
     *
     * @param dir the folder
     * @return this builder
     */
    public Builder images(Path dir) {
      this.images = checkNotNull(dir, "dir").toAbsolutePath().normalize();
      return this;
    }

    /**
     * Builds the validator.
     *
     * @return the validator
     */
    public DatasetValidator build() {
      return new DatasetValidator(this);
    }
  }
}
