package dev.pvit.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Child JVM of {@link BoundedMemoryIT}: streams many inputs of 1 MiB each through a pipeline in a
 * heap far smaller than their total size. Prints the peak used heap in MiB.
 */
public final class BoundedMemoryMain {
  private BoundedMemoryMain() {}

  /**
   * Runs the pipeline.
   *
   * @param args output folder, number of inputs, workers
   */
  public static void main(String[] args) {
    int items = Integer.parseInt(args[1]);
    Source<byte[]> source = () -> IntStream.range(0, items)
        .mapToObj(i -> SourceItem.lazy(String.format("big-%06d", i), "", () -> new byte[1 << 20]));
    Stage<byte[], Integer> checksum = (bytes, ctx) -> {
      bytes[ctx.random().nextInt(bytes.length)] = 1;
      int sum = 0;
      for (byte b : bytes) {
        sum += b;
      }
      return List.of(sum);
    };
    long[] peak = {0};
    Runtime rt = Runtime.getRuntime();
    RunSummary s = Pipeline.builder().source(source).then(checksum)
        .sink((Integer sum, SinkOutput out) -> out.appendLine("sums.txt", out.inputKey() + " " + sum))
        .progress(p -> peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory()))
        .output(Path.of(args[0])).workers(Integer.parseInt(args[2])).fsync(false).build().run();
    System.out.println("processed=" + s.processed() + " peakHeapMiB=" + (peak[0] >> 20));
  }
}
