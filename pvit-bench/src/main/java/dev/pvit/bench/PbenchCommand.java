package dev.pvit.bench;

import dev.pvit.PvitException;
import dev.pvit.bench.pbench.Answerer;
import dev.pvit.bench.pbench.BenchRunner;
import dev.pvit.bench.pbench.ChatAnswerer;
import dev.pvit.bench.pbench.DistanceReport;
import dev.pvit.bench.pbench.FaceSet;
import dev.pvit.bench.pbench.Judge;
import dev.pvit.bench.pbench.Judgement;
import dev.pvit.bench.pbench.NamePool;
import dev.pvit.bench.pbench.NameFinder;
import dev.pvit.bench.pbench.Outcomes;
import dev.pvit.bench.pbench.Question;
import dev.pvit.bench.pbench.QuestionGenerator;
import dev.pvit.bench.pbench.RecordsEvaluation;
import dev.pvit.bench.pbench.Report;
import dev.pvit.bench.pbench.ReportWriter;
import dev.pvit.bench.pbench.SceneDistances;
import dev.pvit.bench.pbench.Scores;
import dev.pvit.bench.pbench.Tally;
import dev.pvit.chat.Backend;
import dev.pvit.chat.PersonalizedChat;
import dev.pvit.client.OllamaChatModel;
import dev.pvit.client.OpenAiCompatibleChatModel;
import dev.pvit.client.VisionChatModel;
import dev.pvit.face.EnrollmentException;
import dev.pvit.face.FaceDescriptor;
import dev.pvit.face.FaceEngine;
import dev.pvit.face.FaceGallery;
import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pvit-bench pbench}: P-Bench-style accuracy of a backend on a labelled face set, or on
 * multiple-choice records in the released P-Bench shape.
 *
 * <pre>{@code
 * java -jar pvit-bench/target/pvit-bench.jar pbench --data ../shared/data/faces --out target/pbench/report.json
 * java -jar pvit-bench/target/pvit-bench.jar pbench --data ../shared/data/faces --backend grounded \
 *     --base-url http://localhost:8000/v1 --model Qwen/Qwen2.5-VL-3B-Instruct
 * java -jar pvit-bench/target/pvit-bench.jar pbench --records p-bench-qa.json --images p-bench-images \
 *     --answers-out answers.jsonl
 * java -jar pvit-bench/target/pvit-bench.jar pbench score answers.jsonl --out answers-report.json
 * }</pre>
 */
@Command(
    name = "pbench",
    mixinStandardHelpOptions = true,
    subcommands = PbenchScoreCommand.class,
    description = {
      "P-Bench-style accuracy: registers every identity of a labelled face set under a seeded made-up name,",
      "asks generated questions (presence, negated presence, conjunctions and disjunctions, who is here,",
      "identification, relative position, count, absent-person and unknown-name refusals; descriptions with",
      "a vision model), scores each answer correct, wrong or abstained and writes report.json/.md/.html.",
      "The last line printed is",
      "'pbench: answerable=<0.xxxx> unanswerable=<0.xxxx> wrong=<0.xxxx> abstained=<0.xxxx> questions=<n>'."
    })
public final class PbenchCommand implements Callable<Integer> {
  /** Backends the benchmark can drive. */
  enum BackendOption {
    embedded, in_context, grounded;

    Backend backend() {
      return switch (this) {
        case embedded -> Backend.EMBEDDED;
        case in_context -> Backend.IN_CONTEXT;
        case grounded -> Backend.GROUNDED;
      };
    }
  }

  /** Model server protocols. */
  enum ClientOption {
    openai, ollama
  }

  /** Strangers kept back from the name pool for unknown-name questions. */
  private static final int STRANGERS = 8;

  @Spec CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Labelled face set laid out like shared/data/faces (people/<id>/*.jpg, scenes/*.jpg, scenes.json).")
  @Nullable Path data;

  @Option(names = "--records", paramLabel = "FILE",
      description = "Evaluate P-Bench-shaped multiple-choice records (one JSON array or JSON Lines) instead of --data.")
  @Nullable Path records;

  @Option(names = "--answers-out", paramLabel = "FILE",
      description = "With --records: also write the answers as the release's model_vqa_personalize.py does "
          + "(one {prompt, text, answer_id, model_id, gt_answer, mode, metadata} line per record).")
  @Nullable Path answersOut;

  @Option(names = "--images", paramLabel = "DIR", description = "Folder the records' image paths are relative to.")
  @Nullable Path images;

  @Option(names = "--backend", defaultValue = "embedded", converter = BackendConverter.class,
      description = "embedded, in-context or grounded (default: ${DEFAULT-VALUE}).")
  BackendOption backend = BackendOption.embedded;

  @Option(names = "--client", defaultValue = "openai",
      description = "Model server protocol for in-context/grounded: openai or ollama (default: ${DEFAULT-VALUE}).")
  ClientOption client = ClientOption.openai;

  @Option(names = "--base-url", description = "Model server URL, e.g. http://localhost:8000/v1.")
  @Nullable String baseUrl;

  @Option(names = "--model", description = "Model name as the server knows it.")
  @Nullable String model;

  @Option(names = "--api-key-env", paramLabel = "VAR", description = "Environment variable holding the API key (openai).")
  @Nullable String apiKeyEnv;

  @Option(names = "--seed", defaultValue = "42", description = "Seed for names, phrasings and distractors (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = "--threshold", description = "A fixed face distance threshold (default: calibrated at a false-accept rate of 1e-3).")
  @Nullable Double threshold;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "report.json",
      description = "JSON report; report.md and report.html are written next to it; an existing folder gets report.json "
          + "inside it (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("report.json");

  private final UnaryOperator<String> env;

  /** Creates the command reading API keys from the process environment. */
  public PbenchCommand() {
    this(System::getenv);
  }

  PbenchCommand(UnaryOperator<String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if ((data == null) == (records == null)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Give either --data DIR or --records FILE --images DIR.");
    }
    if (answersOut != null && records == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--answers-out needs --records FILE.");
    }
    if (records != null && images == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--records needs --images DIR.");
    }
    if (backend != BackendOption.embedded && (baseUrl == null || model == null)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--backend " + backend.name().replace('_', '-') + " needs --base-url and --model.");
    }
    try {
      Path json = ReportWriter.target(out);
      Report report = records != null ? runRecords() : runFaceSet();
      List<Path> files = ReportWriter.writeAll(report, json);
      PrintWriter o = spec.commandLine().getOut();
      o.print(summaryTable(report));
      o.println("reports: " + files.get(0) + ", " + files.get(1) + ", " + files.get(2));
      o.println(report.summaryLine());
      o.flush();
      return 0;
    } catch (BenchInputException | EnrollmentException | dev.pvit.image.InvalidImageException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 3;
    } catch (PvitException | java.io.UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  private Report runFaceSet() {
    FaceSet set = FaceSet.load(data);
    List<String> ids = set.identities().stream().map(FaceSet.Identity::id).toList();
    NamePool.Assignment names = NamePool.DEFAULT.assign(ids, seed, STRANGERS);
    List<String> notes = new ArrayList<>();
    try (FaceEngine engine = FaceEngine.builder().build();
        VisionChatModelHolder m = new VisionChatModelHolder(model())) {
      FaceGallery gallery = gallery(engine);
      PersonalizedChat chat = chat(engine, gallery, m.model());
      Map<String, String> registeredNames = new LinkedHashMap<>();
      int registered = 0;
      int photos = 0;
      int usable = 0;
      for (FaceSet.Identity identity : set.identities()) {
        List<ImageInput> refs = identity.references().stream().map(r -> ImageInput.of(set.resolve(r))).toList();
        int used = enroll(chat, names.nameOf(identity.id()), refs, identity.id(), notes);
        if (used > 0) {
          registeredNames.put(identity.id(), names.nameOf(identity.id()));
        }
        registered += used > 0 ? 1 : 0;
        photos += refs.size();
        usable += used;
      }
      Answerer answerer = new ChatAnswerer(chat, backend.backend());
      List<Question> questions = QuestionGenerator.builder().seed(seed).descriptions(answerer.hasVisionModel())
          .build().generate(set, names);
      Instant start = Instant.now();
      List<String> allNames = new ArrayList<>(names.names().values());
      allNames.addAll(names.strangers());
      List<Judgement> judgements = BenchRunner.run(questions, f -> ImageInput.of(set.resolve(f)), answerer,
          new Judge(NameFinder.of(allNames)), progress(questions.size()));
      Map<String, Object> settings = settings(start, judgements.size());
      settings.put("data", set.root().toString());
      settings.put("identities", ids.size());
      settings.put("identitiesRegistered", registered);
      settings.put("referencePhotos", photos);
      settings.put("referencePhotosUsed", usable);
      settings.put("scenes", set.scenes().size());
      settings.put("scenesWithNobodyRegistered", set.scenes().stream().filter(FaceSet.Scene::hasNobodyRegistered).count());
      notes.add("Names: " + names.names().values() + "; strangers for unknown-name questions: " + names.strangers() + ".");
      notes.add(READING_RULES);
      if (!answerer.hasVisionModel()) {
        notes.add("Description questions are asked only of backends with a vision-language model; the embedded backend has none.");
      }
      // In-context answers come from the model alone; the distances would describe a recognizer it does not use.
      Optional<DistanceReport> distances = backend == BackendOption.in_context ? Optional.empty()
          : Optional.of(distances(set, registeredNames, gallery, engine));
      return new Report("P-Bench-style accuracy: " + backendLabel() + " backend", settings,
          Scores.of(judgements, null), judgements, notes, distances);
    }
  }

  private Report runRecords() {
    RecordsEvaluation eval = RecordsEvaluation.load(records, images);
    List<String> notes = new ArrayList<>();
    try (FaceEngine engine = FaceEngine.builder().build();
        VisionChatModelHolder m = new VisionChatModelHolder(model())) {
      Instant start = Instant.now();
      List<Judgement> judgements = eval.run(people -> {
        PersonalizedChat chat = chat(engine, gallery(engine), m.model());
        for (Person p : people) {
          enroll(chat, p.name(), p.references(), p.name(), notes);
        }
        return new ChatAnswerer(chat, backend.backend());
      }, progress(eval.items().size()));
      if (answersOut != null) {
        eval.writeAnswers(judgements, model != null && backend != BackendOption.embedded ? model : "pvit-embedded",
            answersOut);
      }
      Map<String, Object> settings = settings(start, judgements.size());
      settings.put("records", records.toString());
      settings.put("images", images.toString());
      notes.add(READING_RULES);
      return new Report("P-Bench records: " + backendLabel() + " backend", settings,
          Scores.of(judgements, eval::modeOf), judgements, notes);
    }
  }

  private static final String READING_RULES = "Answers are read as follows (dev.pvit.bench.pbench.Judge): refusals "
      + "from the answer kind (embedded, grounded) or the refusal classifier (in-context), of the expected family; "
      + "yes/no from the yes or no the text opens with; counts and the names the text states as here or not here "
      + "from the text (a statement the labels contradict makes any answer wrong); identification from the text and, "
      + "for backends with local recognition, the recognised people, which must agree; descriptions by keyword. "
      + "Wrong = a confident answer the photo contradicts; abstained = a typed abstention (NEEDS_VISION_MODEL) "
      + "that states nothing false.";

  /**
   * The recognition section: the gallery's calibration distances and the scenes' faces labelled by
   * the face set (detected with {@link FaceEngine#findFaces}, the detection {@code recognize} uses;
   * no recognition decision picks or labels a face).
   */
  private static DistanceReport distances(FaceSet set, Map<String, String> registeredNames, FaceGallery gallery,
      FaceEngine engine) {
    Map<String, List<FaceDescriptor>> references = new LinkedHashMap<>();
    registeredNames.values().forEach(n -> references.put(n, gallery.descriptors(n)));
    SceneDistances scenes = SceneDistances.of(set, registeredNames, references,
        scene -> engine.findFaces(ImageInput.of(set.resolve(scene.file()))).faces());
    return new DistanceReport(gallery.calibration(), scenes);
  }

  private FaceGallery gallery(FaceEngine engine) {
    FaceGallery.Builder b = FaceGallery.builder().engine(engine);
    if (threshold != null) {
      b.threshold(threshold);
    }
    return b.build();
  }

  private PersonalizedChat chat(FaceEngine engine, FaceGallery gallery, @Nullable VisionChatModel m) {
    PersonalizedChat.Builder b = PersonalizedChat.builder().engine(engine).gallery(gallery).seed(seed);
    if (m != null) {
      if (backend == BackendOption.in_context) {
        b.inContext(m);
      } else {
        b.grounded(m);
      }
    }
    return b.build();
  }

  /**
   * Registers a person; if some reference photos are unusable, registers the rest and notes it
   * (a benchmark should measure recognition, not stop at one bad photo). Questions about a person
   * who cannot be registered at all are still asked and scored: that is what a user would get.
   *
   * @return the number of reference photos used, 0 if the person could not be registered
   */
  static int enroll(PersonalizedChat chat, String name, List<ImageInput> refs, String label, List<String> notes) {
    try {
      chat.addPerson(new Person(name, List.of(), List.of(), refs));
      return refs.size();
    } catch (EnrollmentException e) {
      List<String> bad = e.failures().stream().map(EnrollmentException.PhotoFailure::image).toList();
      List<ImageInput> usable = refs.stream().filter(r -> !bad.contains(r.name())).toList();
      if (usable.isEmpty() || usable.size() == refs.size()) {
        notes.add("Could not register " + label + " (" + name + "); questions about them are still asked: "
            + e.getMessage().replace('\n', ' '));
        return 0;
      }
      chat.addPerson(new Person(name, List.of(), List.of(), usable));
      notes.add("Registered " + label + " (" + name + ") from " + usable.size() + " of " + refs.size()
          + " reference photos; unusable: " + e.failures().stream()
              .map(f -> f.image() + " (" + f.reason() + ")").toList() + ".");
      return usable.size();
    }
  }

  private @Nullable VisionChatModel model() {
    if (backend == BackendOption.embedded) {
      return null;
    }
    return switch (client) {
      case openai -> {
        OpenAiCompatibleChatModel.Builder b = OpenAiCompatibleChatModel.builder().baseUrl(baseUrl).model(model)
            .temperature(0).totalTimeout(Duration.ofMinutes(3));
        if (apiKeyEnv != null) {
          b.apiKey(env.apply(apiKeyEnv));
        }
        yield b.build();
      }
      case ollama -> OllamaChatModel.builder().baseUrl(baseUrl).model(model).build();
    };
  }

  /** Closes the model (if any) after the engine's users are done. */
  private record VisionChatModelHolder(@Nullable VisionChatModel model) implements AutoCloseable {
    @Override
    public void close() {
      if (model != null) {
        model.close();
      }
    }
  }

  /** Run settings as typed values (numbers stay numbers in report.json). */
  private Map<String, Object> settings(Instant start, int questions) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("backend", backendLabel());
    if (model != null && backend != BackendOption.embedded) {
      s.put("model", model);
      s.put("baseUrl", baseUrl);
      s.put("client", client.name());
    }
    s.put("seed", seed);
    if (threshold != null) {
      s.put("threshold", threshold);
    } else {
      s.put("threshold", "calibrated");
      s.put("falseAcceptRate", FaceGallery.DEFAULT_FALSE_ACCEPT_RATE);
    }
    s.put("questions", questions);
    s.put("started", start.toString());
    s.put("durationSeconds", Duration.between(start, Instant.now()).toMillis() / 1000.0);
    s.put("java", System.getProperty("java.version"));
    s.put("cores", Runtime.getRuntime().availableProcessors());
    return s;
  }

  private String backendLabel() {
    return backend.name().replace('_', '-');
  }

  private Consumer<Judgement> progress(int total) {
    PrintWriter err = spec.commandLine().getErr();
    AtomicInteger done = new AtomicInteger();
    return j -> {
      int n = done.incrementAndGet();
      if (n % 25 == 0 || n == total) {
        err.printf(Locale.ROOT, "pbench: %d/%d questions%n", n, total);
        err.flush();
      }
    };
  }

  static String summaryTable(Report r) {
    Scores s = r.scores();
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%-34s %8s %6s %9s %6s %9s%n", "category", "correct", "wrong", "abstained",
        "total", "accuracy"));
    s.categories().forEach((k, v) -> b.append(line(k, v)));
    b.append(line("answerable", s.answerable()));
    b.append(line("unanswerable", s.unanswerable()));
    b.append(line("all questions", s.all()));
    s.byRegisteredPeople().forEach((k, v) -> b.append(line("registered people " + k, v)));
    s.groups().forEach((k, v) -> b.append(line("group " + k, v)));
    if (s.description().total() > 0) {
      b.append(line("description (keyword)", s.description()));
    }
    Tally fa = s.falseAcceptScenes();
    b.append(String.format(Locale.ROOT, "false accepts on scenes with nobody registered: %d/%d%n", fa.correct(), fa.total()));
    r.distances().ifPresent(d -> b.append(d.summaryLine()).append(System.lineSeparator()));
    return b.toString();
  }

  private static String line(String label, Outcomes o) {
    return String.format(Locale.ROOT, "%-34s %8d %6d %9d %6d %9s%n", label, o.correct(), o.wrong(), o.abstained(),
        o.total(), o.format(o.accuracy()));
  }

  /** Accepts {@code in-context} as well as the enum's {@code in_context}. */
  static final class BackendConverter implements CommandLine.ITypeConverter<BackendOption> {
    @Override
    public BackendOption convert(String value) {
      try {
        return BackendOption.valueOf(value.strip().toLowerCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a backend; use embedded, in-context or grounded.");
      }
    }
  }
}
