package dev.pvit.pipeline;

import dev.pvit.prompt.LlavaDataset;
import java.nio.file.Path;

/**
 * Entry point of the child JVM in {@link PipelineKillIT}: runs the synthetic pipeline, then turns its
 * JSONL journal into a JSON array the way {@code pvit generate} finishes a run.
 */
public final class KillTestMain {
  private KillTestMain() {}

  /**
   * Runs the synthetic pipeline.
   *
   * @param args output folder, item count, workers, delay in milliseconds
   */
  public static void main(String[] args) {
    SyntheticPipeline.builder(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
            Long.parseLong(args[3]))
        .fsync(true)
        .build()
        .run();
    LlavaDataset.jsonlToArray(Path.of(args[0], "records.jsonl"), Path.of(args[0], "records.json"));
  }
}
