package dev.pvit.examples.pipeline;

import dev.pvit.image.ImageInput;
import dev.pvit.pipeline.Pipeline;
import dev.pvit.pipeline.SinkOutput;
import dev.pvit.pipeline.Source;
import dev.pvit.pipeline.Stage;
import dev.pvit.pipeline.curation.Augmentation;
import dev.pvit.pipeline.dataset.NamePool;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

/** Photos in; per photo, two augmented variants, each labelled with a seeded random name. */
public final class PipelineExample {
  /** Usage: {@code PipelineExample <photo folder> <output folder>}; re-running resumes. @param args folders */
  public static void main(String[] args) {
    // The custom stage: pure, randomness only from ctx.random(), so any worker count gives the same output.
    Stage<ImageInput, Map.Entry<String, BufferedImage>> variants = (photo, ctx) -> {
      try {
        BufferedImage image = ImageIO.read(photo.openStream());
        return NamePool.builtIn().sample(2, ctx.random()).stream()
            .map(name -> Map.entry(name, Augmentation.defaults().apply(image, ctx.random()))).toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    System.out.println(Pipeline.builder().source(Source.folder(Path.of(args[0]))).then(variants)
        .sink((Map.Entry<String, BufferedImage> v, SinkOutput out) -> {
          String file = "variants/" + out.inputKey() + "_" + out.index() + ".jpg";
          out.writeImage(file, v.getValue());
          out.appendJson("variants.jsonl", Map.of("image", file, "name", v.getKey()));
        })
        .output(Path.of(args[1])).workers(2).seed(42).build().run());
  }
}
