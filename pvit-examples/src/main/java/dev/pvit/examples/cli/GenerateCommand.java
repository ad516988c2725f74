package dev.pvit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.cli.DatasetOptions;
import dev.pvit.client.VisionChatModel;
import dev.pvit.pipeline.Progress;
import dev.pvit.pipeline.RunSummary;
import dev.pvit.pipeline.curation.Augmentation;
import dev.pvit.pipeline.curation.HttpPersonDetector;
import dev.pvit.pipeline.Source;
import dev.pvit.pipeline.dataset.DatasetGenerator;
import dev.pvit.pipeline.dataset.DatasetSink;
import dev.pvit.pipeline.text.PipelinePrompts;
import dev.pvit.prompt.LlavaDataset;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pvit generate}: turns a folder of photos into a PVIT-3M style dataset (all three PVIT
 * phases), resumable on the same output folder. The options that shape the records are the {@link
 * DatasetOptions} mixin it shares with {@code pvit-spark generate}.
 *
 * <pre>{@code
 * ./pvit generate --input photos/ --out dataset/ --workers 2 --seed 7
 * ./pvit generate --input photos/ --out dataset/ --backend openai --base-url http://localhost:8000/v1 \
 *     --model Qwen/Qwen2.5-VL-7B-Instruct
 * }</pre>
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a PVIT-3M style dataset from a folder of photos: curation, descriptions, QA.",
      "Without a model backend, descriptions come from the embedded face engine (short, never invented).",
      "Re-running on the same --out resumes where the last run stopped."
    })
public final class GenerateCommand implements Callable<Integer> {
  /** Which model writes descriptions and QA. */
  enum BackendChoice {
    none,
    openai,
    ollama
  }

  private static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";

  @Spec CommandSpec spec;

  @Mixin ModelServerOptions server;

  @Mixin DatasetOptions dataset;

  @Option(names = "--input", required = true, paramLabel = "DIR", description = "Folder of photos (recursive).")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder; reuse it to resume.")
  Path out;

  @Option(names = "--workers", defaultValue = "1", description = "Worker threads (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--prompts", paramLabel = "DIR",
      description = "Folder with holistic.txt, person.txt, fusion.txt or qa.txt overriding the built-in prompts.")
  Path prompts;

  @Option(names = "--backend", defaultValue = "none",
      description = "Vision-language model for descriptions and QA: none (default), openai or ollama.")
  BackendChoice backend;

  @Option(names = "--person-detector", paramLabel = "URL",
      description = "HTTP person detector (POST image/jpeg, answers [{box:[x,y,w,h],score}]) instead of boxes derived from faces.")
  java.net.URI personDetector;

  @Option(names = "--augment", description = "Augment reference crops (flip, rotation, scale, colour, blur, JPEG).")
  boolean augment;

  @Option(names = "--curation-only", description = "Run phase 1 only and write curated.jsonl.")
  boolean curationOnly;

  @Option(names = "--engine-per-worker", description = "Give each worker its own face engine instead of sharing one.")
  boolean enginePerWorker;

  /** The dataset container written at the end of a run. */
  enum FormatChoice {
    json,
    jsonl
  }

  @Option(names = "--format", defaultValue = "json",
      description = "json (default): data.json, one JSON array as the PVIT release's loader reads it (json.load), "
          + "next to the data.jsonl journal; jsonl: the journal only.")
  FormatChoice format;

  @Option(names = "--no-progress", description = "Do not draw the progress bar.")
  boolean noProgress;

  private final UnaryOperator<String> env;

  /** Creates the command reading API keys from the process environment. */
  public GenerateCommand() {
    this(System::getenv);
  }

  GenerateCommand(UnaryOperator<String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    if (!Files.isDirectory(input)) {
      throw new CommandLine.ParameterException(cl, "--input " + input + " is not a folder");
    }
    if (workers < 1) {
      throw new CommandLine.ParameterException(cl, "--workers must be at least 1");
    }
    // PyTorch's default intra-op thread pool spins on every core; next to pipeline workers (and on a
    // busy machine) that made one worker ~10x slower than with one intra-op thread. Parallelism
    // comes from --workers instead. An explicit -Dai.djl.pytorch.num_threads wins.
    if (System.getProperty(TORCH_THREADS) == null) {
      System.setProperty(TORCH_THREADS, "1");
    }
    DatasetGenerator.Builder builder = DatasetGenerator.builder().input(input).output(out).workers(workers)
        .seed(dataset.seed()).minPeople(dataset.minPeople()).samplesPerScene(dataset.samplesPerScene())
        .unanswerableShare(dataset.unanswerableShare()).curationOnly(curationOnly).enginePerWorker(enginePerWorker)
        .container(format == FormatChoice.json ? LlavaDataset.Container.JSON_ARRAY : LlavaDataset.Container.JSONL);
    if (personDetector != null) {
      try {
        builder.personDetector(HttpPersonDetector.builder().url(personDetector).build());
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cl, "--person-detector: " + e.getMessage());
      }
    }
    if (augment) {
      builder.augmentation(Augmentation.defaults());
    }
    dataset.names().ifPresent(builder::names);
    if (prompts != null) {
      builder.prompts(PipelinePrompts.load(prompts));
    }
    VisionChatModel model = backend == BackendChoice.none ? null
        : server.build(ModelServerOptions.Protocol.valueOf(backend.name()), env, cl, 3);
    if (model != null) {
      builder.visionModel(model, backend + ":" + server.model);
    }
    long total;
    try (Stream<?> items = Source.folder(input).items()) {
      total = items.count();
    }
    PrintStream err = System.err;
    // A bar only on a terminal: redirected to a log, its carriage-return frames are noise.
    boolean showBar = !noProgress && System.console() != null;
    AtomicReference<ProgressBar> bar = new AtomicReference<>();
    if (showBar) {
      builder.progress(p -> {
        ProgressBar b = bar.get();
        if (b != null) {
          update(b, p, total);
        }
      });
    }
    err.println("Loading the face engine\u2026");
    err.flush();
    RunSummary summary;
    try {
      DatasetGenerator generator = builder.build();
      if (showBar) {
        bar.set(new ProgressBarBuilder()
            .setTaskName(curationOnly ? "curate" : "generate")
            .setInitialMax(total)
            .setUnit(" img", 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new ConsoleProgressBarConsumer(err))
            .setUpdateIntervalMillis(500)
            .hideEta()
            .build());
      }
      summary = generator.run();
    } finally {
      ProgressBar b = bar.get();
      if (b != null) {
        b.close();
      }
      if (model != null) {
        model.close();
      }
    }
    printSummary(cl.getOut(), summary);
    return 0;
  }

  /** Speed and ETA over the inputs processed in this run, so resumed inputs do not inflate them. */
  private static void update(ProgressBar bar, Progress p, long total) {
    bar.stepTo(p.skipped() + p.processed());
    double seconds = Math.max(1e-3, p.elapsed().toMillis() / 1000.0);
    double rate = p.processed() / seconds;
    long remaining = Math.max(0, total - p.skipped() - p.processed());
    String eta = rate > 0 ? format(Duration.ofSeconds((long) Math.ceil(remaining / rate))) : "?";
    bar.setExtraMessage(String.format(Locale.ROOT, " %.2f img/s, ETA %s, %d rejects", rate, eta, p.rejected()));
  }

  private static String format(Duration d) {
    return String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }

  private void printSummary(PrintWriter w, RunSummary s) throws IOException {
    double seconds = Math.max(1e-3, s.elapsed().toMillis() / 1000.0);
    w.printf(Locale.ROOT, "%d inputs: %d done earlier, %d processed now (%d rejected) in %.1f s, %.2f images/s%n",
        s.inputs(), s.skipped(), s.processed(), s.rejected(), seconds, s.processed() / seconds);
    JsonNode stats = new ObjectMapper().readTree(s.stats().toFile());
    String file = curationOnly ? DatasetGenerator.CURATED : format == FormatChoice.json ? DatasetSink.ARRAY : DatasetSink.DATA;
    w.printf(Locale.ROOT, "%s: %d records in total (%d this run)%s%n",
        out.resolve(file), stats.path("outputs").asLong(), s.outputs(),
        !curationOnly && format == FormatChoice.json ? "; journal " + out.resolve(DatasetSink.DATA) : "");
    for (String group : curationOnly ? new String[] {"people", "usable"} : new String[] {"category", "kind", "scenes"}) {
      group(stats, group).ifPresent(line -> w.println("  " + group + ": " + line));
    }
    if (!curationOnly) {
      w.println("  names used: " + stats.at("/groups/names").size());
    }
    group(stats, "rejects").ifPresent(line -> w.println("  rejects: " + line + " (see " + out.resolve("rejects.jsonl") + ")"));
    w.println("  stats: " + s.stats());
    w.flush();
  }

  private static Optional<String> group(JsonNode stats, String name) {
    JsonNode g = stats.at("/groups/" + name);
    if (!g.isObject() || g.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, JsonNode> e : g.properties()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue().asLong());
    }
    return Optional.of(sb.toString());
  }
}
