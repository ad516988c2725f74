package dev.pvit.pipeline;

import dev.pvit.RetriableException;
import dev.pvit.image.InvalidImageException;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small deterministic pipeline over generated inputs, used by the determinism, resume and kill
 * tests: some inputs fail to load, some fail in a stage, stages fan out and draw randomness, and
 * the sink writes images and JSON lines.
 */
final class SyntheticPipeline {
  private SyntheticPipeline() {}

  static Pipeline.Builder builder(Path out, int items, int workers, long delayMillis) {
    return builder(out, items, workers, delayMillis, "");
  }

  /** As {@link #builder}, but the item with key {@code failKey} always fails with a retriable error. */
  static Pipeline.Builder builder(Path out, int items, int workers, long delayMillis, String failKey) {
    List<SourceItem<Integer>> inputs = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      int n = i;
      inputs.add(SourceItem.lazy(String.format("item-%04d", n), "v1", () -> {
        if (n % 37 == 5) {
          throw new InvalidImageException("Synthetic input " + n + " is unreadable.");
        }
        return n;
      }));
    }
    return Pipeline.builder()
        .source(Source.of(inputs))
        .then(() -> new Render(delayMillis, failKey))
        .then(new Caption())
        .sink(SyntheticPipeline::write)
        .output(out)
        .workers(workers)
        .seed(1234)
        .fingerprint("synthetic-v1")
        // Unit tests skip fsync for speed; a process crash (kill -9) is safe without it, and the
        // kill test turns it back on to exercise the default path.
        .fsync(false);
  }

  record Tile(int n, int shade, BufferedImage image) {}

  record Line(String key, int n, int shade, String caption) {}

  /** Per-worker stage with an artificial, item-dependent delay so that workers finish out of order. */
  static final class Render implements Stage<Integer, Tile> {
    private final long delayMillis;
    private final String failKey;

    Render(long delayMillis, String failKey) {
      this.delayMillis = delayMillis;
      this.failKey = failKey;
    }

    @Override
    public List<Tile> process(Integer n, ItemContext context) {
      if (context.key().equals(failKey)) {
        throw new RetriableException("Synthetic server for " + failKey + " is overloaded.");
      }
      Random r = context.random();
      double jitter = r.nextDouble();
      if (delayMillis > 0) {
        try {
          Thread.sleep((long) (delayMillis * (0.5 + jitter)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
      int shade = r.nextInt(256);
      BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < 8; y++) {
        for (int x = 0; x < 8; x++) {
          img.setRGB(x, y, (shade << 16) | (r.nextInt(256) << 8) | ((x * y * 4) & 0xff));
        }
      }
      return List.of(new Tile(n, shade, img));
    }
  }

  /** Shared stateless stage that fans out and sometimes fails. */
  static final class Caption implements Stage<Tile, Map.Entry<Tile, Line>> {
    @Override
    public List<Map.Entry<Tile, Line>> process(Tile t, ItemContext context) {
      if (t.n() % 53 == 7) {
        throw new IllegalArgumentException("Tile " + t.n() + " has no caption.");
      }
      int copies = context.random().nextInt(3);
      List<Map.Entry<Tile, Line>> out = new ArrayList<>();
      for (int i = 0; i < copies; i++) {
        out.add(Map.entry(t, new Line(context.key(), t.n(), t.shade(),
            "tile " + t.n() + " copy " + i + " é" + context.random().nextInt(1000))));
      }
      return out;
    }
  }

  static void write(Map.Entry<Tile, Line> e, SinkOutput out) {
    String image = "images/" + out.inputKey() + "_" + out.index() + ".png";
    out.writeImage(image, e.getKey().image());
    Map<String, Object> rec = new LinkedHashMap<>();
    rec.put("image", image);
    rec.put("line", e.getValue());
    out.appendJson("records.jsonl", rec);
    out.count("shade", e.getValue().shade() < 128 ? "dark" : "light");
    out.count("copies", Integer.toString(out.index() + 1));
  }
}
