package dev.pvit.spark.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.RetriableException;
import dev.pvit.face.FaceEngine;
import dev.pvit.image.ImageInput;
import dev.pvit.pipeline.ItemContext;
import dev.pvit.pipeline.Sink;
import dev.pvit.pipeline.Source;
import dev.pvit.pipeline.SourceItem;
import dev.pvit.pipeline.Stage;
import dev.pvit.pipeline.StageContext;
import dev.pvit.pipeline.curation.CurationStage;
import dev.pvit.pipeline.curation.FaceSource;
import dev.pvit.pipeline.dataset.DatasetSink;
import dev.pvit.pipeline.dataset.NamePool;
import dev.pvit.pipeline.dataset.ReferencePool;
import dev.pvit.pipeline.dataset.SampleGenerator;
import dev.pvit.pipeline.dataset.SampleMix;
import dev.pvit.pipeline.text.DescriptionStage;
import dev.pvit.spark.GenerateOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stages of {@code pvit generate} with the embedded engines (curation, structured description,
 * template QA) and its {@link DatasetSink}, applied to one photo at a time inside a Spark task.
 * Stage positions, item keys (a fan-out's {@code j}-th item gets {@code key#j}) and random seeds
 * follow the local runner's rules, which makes every record byte-identical to the local one.
 */
public final class ItemChain implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ItemChain.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Reference pools by run, built once per executor JVM from the same photos the driver chose. */
  private static final Map<String, ReferencePool> POOLS = new ConcurrentHashMap<>();

  private final List<Stage<Object, Object>> stages;
  private final Sink<Object> sink;
  private final long seed;
  private final Configuration conf;

  /** The fate of one photo: its sink output, or the reason it was rejected. */
  record Outcome(@Nullable CapturedOutput output, int records, @Nullable String reject, @Nullable String errorType) {}

  @SuppressWarnings("unchecked")
  private ItemChain(List<Stage<?, ?>> stages, Sink<?> sink, long seed, Configuration conf) {
    this.stages = new ArrayList<>();
    stages.forEach(s -> this.stages.add((Stage<Object, Object>) s));
    this.sink = (Sink<Object>) sink;
    this.seed = seed;
    this.conf = conf;
  }

  /**
   * The photos the reference pool is built from: the {@code images} inputs whose keys hash lowest
   * for the seed, the same rule as {@link ReferencePool#build}, which re-ranks this subset to the
   * same order.
   *
   * @param items all inputs
   * @param seed the seed
   * @param images how many
   * @return the chosen inputs
   */
  public static List<InputItem> poolInputs(List<InputItem> items, long seed, int images) {
    return items.stream()
        .sorted(Comparator.<InputItem>comparingLong(i -> ItemContext.derivedSeed(seed, 0, i.key()))
            .thenComparing(InputItem::key))
        .limit(images)
        .toList();
  }

  /**
   * The curation stage of a run over the shared engine (closing it leaves the engine open).
   *
   * @param options the run's options
   * @param engine the executor's engine
   * @return the stage
   */
  public static CurationStage curation(GenerateOptions options, FaceEngine engine) {
    return CurationStage.builder().faces(FaceSource.embedded(engine)).minPeople(options.minPeople()).build();
  }

  /**
   * Opens the full chain for a task.
   *
   * @param options the run's options
   * @param poolInputs the photos of the reference pool, as chosen by the driver
   * @param runId identifies the run for the pool cache
   * @param conf Hadoop configuration to read photos
   * @param worker this task's partition
   * @param workers the number of partitions
   * @return the opened chain
   */
  public static ItemChain generation(GenerateOptions options, List<InputItem> poolInputs, String runId,
      Configuration conf, int worker, int workers) {
    FaceEngine engine = ExecutorEngine.get(options.torchThreads());
    ReferencePool pool = POOLS.computeIfAbsent(runId, id -> buildPool(options, poolInputs, engine, conf));
    SampleGenerator generator = SampleGenerator.builder()
        .names(options.names() == null ? NamePool.builtIn() : NamePool.of(options.names()))
        .mix(new SampleMix(options.unanswerableShare()))
        .samplesPerScene(options.samplesPerScene())
        .referencePool(pool)
        .build();
    ItemChain chain = new ItemChain(
        List.of(curation(options, engine), DescriptionStage.structured(), generator), new DatasetSink(),
        options.seed(), conf);
    chain.open(worker, workers);
    return chain;
  }

  private static ReferencePool buildPool(GenerateOptions options, List<InputItem> poolInputs, FaceEngine engine,
      Configuration conf) {
    List<SourceItem<ImageInput>> items = poolInputs.stream()
        .map(i -> SourceItem.lazy(i.key(), i.version(), () -> load(i, conf)))
        .toList();
    try (CurationStage curation = curation(options, engine)) {
      return ReferencePool.build(Source.of(items), curation, options.seed(), options.referenceImages());
    }
  }

  private void open(int worker, int workers) {
    for (int i = 0; i < stages.size(); i++) {
      stages.get(i).open(new StageContext(seed, worker, workers, i + 1));
    }
    sink.open();
  }

  /**
   * Reads a photo.
   *
   * @param item the photo
   * @param conf the Hadoop configuration
   * @return its bytes, named by its key
   * @throws dev.pvit.image.InvalidImageException if it cannot be read
   */
  public static ImageInput load(InputItem item, Configuration conf) {
    try (InputStream in = HadoopFiles.read(item.path(), conf)) {
      return ImageInput.of(in, item.key());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read '" + item.path() + "': " + e.getMessage(), e);
    }
  }

  /**
   * Runs one photo through the stages and the sink. A {@link RetriableException} propagates, so
   * Spark retries the task; any other failure rejects the photo only.
   *
   * @param item the photo
   * @param out where the sink writes
   * @return the outcome
   */
  Outcome process(InputItem item, CapturedOutput out) {
    List<Object> values;
    try {
      values = List.of(load(item, conf));
    } catch (RetriableException e) {
      throw e;
    } catch (RuntimeException e) {
      return reject(item, 0, "load", e);
    }
    List<String> keys = List.of(item.key());
    for (int i = 0; i < stages.size(); i++) {
      Stage<Object, Object> stage = stages.get(i);
      List<Object> nextValues = new ArrayList<>();
      List<String> nextKeys = new ArrayList<>();
      for (int k = 0; k < values.size(); k++) {
        List<Object> outs;
        try {
          outs = stage.process(values.get(k), ItemContext.of(seed, i + 1, keys.get(k)));
        } catch (RetriableException e) {
          throw e;
        } catch (RuntimeException e) {
          return reject(item, i + 1, stage.name(), e);
        }
        for (int j = 0; j < outs.size(); j++) {
          nextValues.add(outs.get(j));
          nextKeys.add(outs.size() == 1 ? keys.get(k) : keys.get(k) + "#" + j);
        }
      }
      values = nextValues;
      keys = nextKeys;
    }
    try {
      for (int j = 0; j < values.size(); j++) {
        out.index(j);
        sink.write(values.get(j), out);
      }
    } catch (UncheckedIOException e) {
      throw e;
    } catch (RuntimeException e) {
      return reject(item, stages.size() + 1, "sink", e);
    }
    return new Outcome(out, values.size(), null, null);
  }

  private static Outcome reject(InputItem item, int stage, String stageName, RuntimeException error) {
    String reason = error.getMessage() != null ? error.getMessage() : error.getClass().getName();
    LOG.warn("Rejected input '{}' at {}: {}", item.key(), stageName, reason);
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("key", item.key());
    line.put("stage", stage);
    line.put("stageName", stageName);
    line.put("error", error.getClass().getSimpleName());
    line.put("reason", reason);
    try {
      return new Outcome(null, 0, JSON.writeValueAsString(line), error.getClass().getSimpleName());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    sink.close();
    for (int i = stages.size() - 1; i >= 0; i--) {
      try {
        stages.get(i).close();
      } catch (Exception e) {
        LOG.warn("Closing stage {} failed: {}", stages.get(i).name(), e.toString());
      }
    }
  }
}
