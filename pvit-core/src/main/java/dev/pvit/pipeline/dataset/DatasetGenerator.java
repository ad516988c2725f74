package dev.pvit.pipeline.dataset;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.hash.Hashing;
import dev.pvit.client.VisionChatModel;
import dev.pvit.face.FaceEngine;
import dev.pvit.image.ImageInput;
import dev.pvit.pipeline.Pipeline;
import dev.pvit.pipeline.Progress;
import dev.pvit.pipeline.RunSummary;
import dev.pvit.prompt.LlavaDataset;
import dev.pvit.pipeline.Sink;
import dev.pvit.pipeline.Source;
import dev.pvit.pipeline.StageFactory;
import dev.pvit.pipeline.curation.Augmentation;
import dev.pvit.pipeline.curation.CuratedScene;
import dev.pvit.pipeline.curation.CurationStage;
import dev.pvit.pipeline.curation.FaceSource;
import dev.pvit.pipeline.curation.ImageGenerator;
import dev.pvit.pipeline.curation.PersonDetector;
import dev.pvit.pipeline.curation.QualityFilter;
import dev.pvit.pipeline.curation.SceneFace;
import dev.pvit.pipeline.text.DescriptionStage;
import dev.pvit.pipeline.text.PipelinePrompts;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The three PVIT phases over a folder of photos, with the embedded engines as defaults: curation
 * (faces from the embedded {@link FaceEngine}, person boxes derived from face boxes, PVIT crops,
 * quality filter, at least two people), description (a vision-language model if configured,
 * otherwise the engine-only structured text) and dataset generation (templates, both refusal
 * families, model-written QA with a model), written as a PVIT-3M dataset ({@code data.json}, one
 * JSON array as the release's loader reads it, by default; {@code data.jsonl}, the resumable
 * journal, always; and {@code images/}) with {@code stats.json} and {@code rejects.jsonl}.
 * Re-running on the same output folder resumes and rewrites {@code data.json} atomically.
 *
 * <pre>{@code
 * RunSummary summary = DatasetGenerator.builder()
 *     .input(Path.of("photos")).output(Path.of("dataset"))
 *     .workers(2).seed(7)
 *     .visionModel(model)          // optional
 *     .build().run();
 * }</pre>
 *
 * <p>Throughput: parallelism comes from {@link Builder#workers(int) workers}. Run the JVM with
 * {@code -Dai.djl.pytorch.num_threads=1} (set before the first engine is built; {@code pvit
 * generate} does it): PyTorch's default intra-op pool spins on every core and made a single worker
 * about ten times slower on a busy 2-core machine. Measured there, with one intra-op thread, on 124
 * photos of about 640 px: phase 1 ran at about 10 images/s with one worker and 11–18 images/s with
 * two, a shared engine as fast as one engine per worker.
 *
 * <p>{@link Builder#curationOnly(boolean)} runs phase 1 alone and writes one line per kept scene
 * to {@value #CURATED} (used to benchmark curation).
 */
public final class DatasetGenerator {
  /** The phase-1 output file of a curation-only run. */
  public static final String CURATED = "curated.jsonl";

  private final Builder b;

  private DatasetGenerator(Builder b) {
    this.b = b;
  }

  /**
   * A builder with PVIT's defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs (or resumes) the generation.
   *
   * @return this run's counts; {@code stats.json} has the totals
   * @throws dev.pvit.pipeline.PipelineException if the run cannot start or has to stop
   * @throws dev.pvit.face.ModelLoadException if the embedded engine cannot load
   */
  public RunSummary run() {
    Path input = checkNotNull(b.input);
    Path output = checkNotNull(b.output);
    FaceEngine owned = b.engine == null ? newEngine() : null;
    FaceEngine shared = b.engine != null ? b.engine : owned;
    try {
      StageFactory<ImageInput, CuratedScene> curation = b.enginePerWorker
          ? () -> curation(owning(newEngine()))
          : () -> curation(FaceSource.embedded(shared));
      Source<ImageInput> source = Source.folder(input);
      Pipeline.Builder pipeline;
      if (b.curationOnly) {
        pipeline = Pipeline.builder().source(source).then(curation).sink(curatedSink());
      } else {
        ReferencePool pool;
        try (CurationStage poolStage = curation(FaceSource.embedded(shared))) {
          pool = ReferencePool.build(source, poolStage, b.seed, b.referenceImages);
        }
        DescriptionStage describe = b.model == null
            ? DescriptionStage.structured() : DescriptionStage.withModel(b.model, b.prompts);
        SampleGenerator.Builder generator = SampleGenerator.builder().names(b.names).mix(b.mix)
            .samplesPerScene(b.samplesPerScene).referencePool(pool);
        if (b.model != null) {
          generator.model(b.model, b.prompts);
        }
        if (b.augmentation != null) {
          generator.augmentation(b.augmentation);
        }
        generator.imageGenerator(b.imageGenerator);
        pipeline = Pipeline.builder().source(source).then(curation).then(describe).then(generator.build())
            .sink(new DatasetSink());
      }
      pipeline.output(output).workers(b.workers).seed(b.seed).fingerprint(fingerprint()).fsync(b.fsync);
      b.progress.forEach(pipeline::progress);
      RunSummary summary = pipeline.build().run();
      if (!b.curationOnly && b.container == LlavaDataset.Container.JSON_ARRAY) {
        DatasetSink.finish(output);
      }
      return summary;
    } finally {
      if (owned != null) {
        owned.close();
      }
    }
  }

  private CurationStage curation(FaceSource faces) {
    return CurationStage.builder().faces(faces).personDetector(b.personDetector).quality(b.quality)
        .minPeople(b.minPeople).build();
  }

  private FaceEngine newEngine() {
    return FaceEngine.builder().attributes(true).build();
  }

  private static FaceSource owning(FaceEngine engine) {
    FaceSource embedded = FaceSource.embedded(engine);
    return new FaceSource() {
      @Override
      public List<SceneFace> faces(ImageInput input, BufferedImage image) {
        return embedded.faces(input, image);
      }

      @Override
      public void close() {
        engine.close();
      }
    };
  }

  private static Sink<CuratedScene> curatedSink() {
    return (scene, out) -> {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("key", out.inputKey());
      line.put("width", scene.image().getWidth());
      line.put("height", scene.image().getHeight());
      line.put("people", scene.peopleCount());
      line.put("kept", scene.people().size());
      line.put("usable", scene.usablePeople().size());
      List<List<Integer>> boxes = new ArrayList<>();
      scene.people().forEach(p -> boxes.add(List.of(p.face().box().x(), p.face().box().y(),
          p.face().box().width(), p.face().box().height())));
      line.put("faces", boxes);
      out.appendJson(CURATED, line);
      out.count("people", Integer.toString(scene.peopleCount()));
      out.count("usable", Integer.toString(scene.usablePeople().size()));
    };
  }

  /** Everything that shapes the output; a resumed run must match it. */
  private String fingerprint() {
    String names = Hashing.murmur3_32_fixed().hashString(String.join("\n", b.names.names()), StandardCharsets.UTF_8)
        .toString();
    String prompts = Hashing.murmur3_32_fixed().hashString(b.prompts.toString(), StandardCharsets.UTF_8).toString();
    return String.format(Locale.ROOT,
        "pvit-generate v1 curationOnly=%s minPeople=%d quality=%s detector=%s samples=%d unanswerable=%.4f names=%s "
            + "referenceImages=%d model=%s prompts=%s augmentation=%s imageGenerator=%s",
        b.curationOnly, b.minPeople, b.quality, b.personDetector == PersonDetector.fromFaces() ? "from-faces" : "custom", b.samplesPerScene,
        b.mix.unanswerableShare(), names, b.referenceImages, b.model == null ? "none" : b.modelLabel,
        b.model == null ? "-" : prompts, b.augmentation == null ? "none" : b.augmentation,
        b.imageGenerator.isConfigured() ? "configured" : "none");
  }

  /** Options; {@link #input(Path)} and {@link #output(Path)} are required. */
  public static final class Builder {
    private @Nullable Path input;
    private @Nullable Path output;
    private int workers = 1;
    private long seed;
    private int minPeople = CurationStage.DEFAULT_MIN_PEOPLE;
    private int samplesPerScene = SampleGenerator.DEFAULT_SAMPLES_PER_SCENE;
    private SampleMix mix = SampleMix.defaults();
    private NamePool names = NamePool.builtIn();
    private @Nullable VisionChatModel model;
    private String modelLabel = "";
    private PipelinePrompts prompts = PipelinePrompts.defaults();
    private @Nullable FaceEngine engine;
    private boolean enginePerWorker;
    private int referenceImages = ReferencePool.DEFAULT_IMAGES;
    private QualityFilter quality = QualityFilter.defaults();
    private PersonDetector personDetector = PersonDetector.fromFaces();
    private boolean curationOnly;
    private boolean fsync = true;
    private @Nullable Augmentation augmentation;
    private ImageGenerator imageGenerator = ImageGenerator.none();
    private final List<Consumer<Progress>> progress = new ArrayList<>();
    private LlavaDataset.Container container = LlavaDataset.Container.JSON_ARRAY;

    private Builder() {}

    /**
     * The dataset container: {@link LlavaDataset.Container#JSON_ARRAY} (default) writes {@value
     * DatasetSink#ARRAY} when the run finishes, next to the {@value DatasetSink#DATA} journal;
     * {@link LlavaDataset.Container#JSONL} keeps only the journal.
     *
     * @param c the container
     * @return this builder
     */
    public Builder container(LlavaDataset.Container c) {
      this.container = checkNotNull(c, "container");
      return this;
    }

    /**
     * The folder of photos (required), read recursively.
     *
     * @param dir the folder
     * @return this builder
     */
    public Builder input(Path dir) {
      this.input = checkNotNull(dir, "dir");
      return this;
    }

    /**
     * The output folder (required); reusing it resumes.
     *
     * @param dir the folder
     * @return this builder
     */
    public Builder output(Path dir) {
      this.output = checkNotNull(dir, "dir");
      return this;
    }

    /**
     * Worker threads (default 1); the output does not depend on it.
     *
     * @param count at least 1
     * @return this builder
     */
    public Builder workers(int count) {
      checkArgument(count >= 1, "workers must be at least 1, got %s", count);
      this.workers = count;
      return this;
    }

    /**
     * The seed (default 0).
     *
     * @param value the seed
     * @return this builder
     */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * Fewest people in a kept scene (default 2).
     *
     * @param count at least 1
     * @return this builder
     */
    public Builder minPeople(int count) {
      checkArgument(count >= 1, "minPeople must be at least 1, got %s", count);
      this.minPeople = count;
      return this;
    }

    /**
     * Template samples per scene (default 6).
     *
     * @param count at least 1
     * @return this builder
     */
    public Builder samplesPerScene(int count) {
      checkArgument(count >= 1, "samplesPerScene must be at least 1, got %s", count);
      this.samplesPerScene = count;
      return this;
    }

    /**
     * The share of unanswerable samples (default 0.2).
     *
     * @param share in [0, 1]
     * @return this builder
     */
    public Builder unanswerableShare(double share) {
      this.mix = new SampleMix(share);
      return this;
    }

    /**
     * The names to draw from (default {@link NamePool#builtIn()}).
     *
     * @param pool the names
     * @return this builder
     */
    public Builder names(NamePool pool) {
      this.names = checkNotNull(pool, "pool");
      return this;
    }

    /**
     * A vision-language model for phase 2 and the model-written QA of phase 3 (default none: the
     * engine-only structured description and template QA).
     *
     * @param chatModel the model; not closed by the generator
     * @param label identifies the model in {@code run.json} (e.g. "openai:Qwen2.5-VL-7B"), so a
     *     folder is never resumed with another model
     * @return this builder
     */
    public Builder visionModel(VisionChatModel chatModel, String label) {
      this.model = checkNotNull(chatModel, "chatModel");
      this.modelLabel = checkNotNull(label, "label");
      return this;
    }

    /**
     * The prompts for the model (default {@link PipelinePrompts#defaults()}).
     *
     * @param pipelinePrompts the prompts
     * @return this builder
     */
    public Builder prompts(PipelinePrompts pipelinePrompts) {
      this.prompts = checkNotNull(pipelinePrompts, "pipelinePrompts");
      return this;
    }

    /**
     * A face engine to use, owned by the caller and shared by all workers (it is thread-safe). By
     * default the generator builds one with {@code attributes(true)} and closes it at the end.
     *
     * @param faceEngine the engine
     * @return this builder
     */
    public Builder engine(FaceEngine faceEngine) {
      this.engine = checkNotNull(faceEngine, "faceEngine");
      return this;
    }

    /**
     * Gives every worker its own face engine instead of sharing one (default false: on a 2-core
     * machine sharing measured as fast and needs less memory).
     *
     * @param perWorker whether each worker builds its own engine
     * @return this builder
     */
    public Builder enginePerWorker(boolean perWorker) {
      this.enginePerWorker = perWorker;
      return this;
    }

    /**
     * How many inputs the reference pool for absent-person negatives is built from (default 8; 0
     * disables absent-person negatives, which then become unknown-name ones).
     *
     * @param count zero or more
     * @return this builder
     */
    public Builder referenceImages(int count) {
      checkArgument(count >= 0, "referenceImages must not be negative, got %s", count);
      this.referenceImages = count;
      return this;
    }

    /**
     * Which faces may serve as references (default {@link QualityFilter#defaults()}).
     *
     * @param filter the filter
     * @return this builder
     */
    public Builder quality(QualityFilter filter) {
      this.quality = checkNotNull(filter, "filter");
      return this;
    }

    /**
     * The person detector, shared by all workers, so it must be thread-safe (default {@link
     * PersonDetector#fromFaces()}, boxes derived from faces).
     *
     * @param detector the detector
     * @return this builder
     */
    public Builder personDetector(PersonDetector detector) {
      this.personDetector = checkNotNull(detector, "detector");
      return this;
    }

    /**
     * Augments every reference crop (default none).
     *
     * @param aug the augmentation, e.g. {@link Augmentation#defaults()}
     * @return this builder
     */
    public Builder augmentation(Augmentation aug) {
      this.augmentation = checkNotNull(aug, "aug");
      return this;
    }

    /**
     * An identity-preserving generation service for face references (default none).
     *
     * @param generator the service
     * @return this builder
     */
    public Builder imageGenerator(ImageGenerator generator) {
      this.imageGenerator = checkNotNull(generator, "generator");
      return this;
    }

    /**
     * Runs phase 1 only, writing {@value DatasetGenerator#CURATED} (default false).
     *
     * @param only whether to stop after curation
     * @return this builder
     */
    public Builder curationOnly(boolean only) {
      this.curationOnly = only;
      return this;
    }

    /**
     * Whether commits are forced to disk (default true).
     *
     * @param value whether to fsync
     * @return this builder
     */
    public Builder fsync(boolean value) {
      this.fsync = value;
      return this;
    }

    /**
     * Adds a progress listener, called on the run's thread after each commit.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder progress(Consumer<Progress> listener) {
      progress.add(checkNotNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the generator.
     *
     * @return the generator
     * @throws IllegalStateException if the input or output folder is missing
     */
    public DatasetGenerator build() {
      if (input == null || output == null) {
        throw new IllegalStateException("Set both input(Path) and output(Path) before build().");
      }
      return new DatasetGenerator(this);
    }
  }
}
