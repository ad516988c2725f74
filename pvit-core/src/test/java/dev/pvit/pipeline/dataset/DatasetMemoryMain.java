package dev.pvit.pipeline.dataset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Child JVM of {@link DatasetMemoryIT}: writes a synthetic JSON array of the given size (records of
 * about 128 KiB: a 2-person PVIT-3M record plus a long unknown field), then validates it and
 * converts it to ms-swift JSONL, printing the heap in use after a GC at every tenth of each pass.
 */
public final class DatasetMemoryMain {
  private DatasetMemoryMain() {}

  /**
   * Runs the passes.
   *
   * @param args the folder, the size in MiB
   * @throws IOException if the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    long mib = Long.parseLong(args[1]);
    Path file = dir.resolve("big.json");
    String pad = "x".repeat(128 * 1024);
    long records = 0;
    long t0 = System.nanoTime();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("[\n");
      long bytes = 2;
      while (bytes < mib * 1024 * 1024) {
        String r = "{\"id\":" + records + ",\"image\":[\"face/" + records + "_0.jpg\",\"face/" + records
            + "_1.jpg\",\"coco/" + records + ".jpg\"],\"cnt\":3,\"conversations\":[{\"from\":\"human\",\"value\":"
            + "\"<image>\\nThis is a photo of Abby.\\n<image>\\nHere is Mary Ann in a photo.\\n<image>\\n"
            + "What is Abby holding?\"},{\"from\":\"gpt\",\"value\":\""
            + (records % 2 == 0 ? "Abby is holding a cup." : "Sorry, Abby is not in the image.")
            + "\"}],\"notes\":\"" + pad + "\"}";
        w.write(records == 0 ? r : ",\n" + r);
        bytes += r.length() + 2;
        records++;
      }
      w.write("\n]\n");
    }
    System.out.printf(Locale.ROOT, "wrote %d MiB, %d records in %.1f s%n", Files.size(file) >> 20, records,
        (System.nanoTime() - t0) / 1e9);
    long total = records;
    List<Long> heap = new ArrayList<>();
    long[] seen = {0};
    long t1 = System.nanoTime();
    DatasetValidator.Summary s = DatasetValidator.builder().build().validate(file, r -> {
      if (!r.errors().isEmpty() || r.names().size() != 2) {
        throw new IllegalStateException("record " + r.index() + ": " + r.errors() + " " + r.names());
      }
      sample(++seen[0], total, heap);
    });
    System.out.printf(Locale.ROOT, "validated %d records (%d absent refusals) in %.1f s%n", s.records(), s.absent(),
        (System.nanoTime() - t1) / 1e9);
    long t2 = System.nanoTime();
    DatasetConverter.Result c = DatasetConverter.builder().target(DatasetConverter.Target.MS_SWIFT).build()
        .convert(file, dir.resolve("swift.jsonl"));
    sample(total, total, heap);
    System.out.printf(Locale.ROOT, "converted %d records in %.1f s%n", c.records(), (System.nanoTime() - t2) / 1e9);
    StringBuilder sb = new StringBuilder();
    for (long h : heap) {
      sb.append(sb.length() == 0 ? "" : ",").append(h >> 20);
    }
    System.out.println("heap-after-gc-mib=" + sb);
    Files.delete(file);
  }

  private static void sample(long i, long total, List<Long> heap) {
    if (i % Math.max(1, total / 10) == 0 || i == total) {
      System.gc();
      heap.add(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
  }
}
