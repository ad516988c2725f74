package dev.pvit.pipeline.dataset;

import com.google.common.hash.Hashing;
import dev.pvit.image.ImageFormat;
import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import dev.pvit.pipeline.Sink;
import dev.pvit.pipeline.SinkOutput;
import dev.pvit.pipeline.internal.ImageCodec;
import dev.pvit.prompt.LlavaConversationRenderer;
import dev.pvit.prompt.LlavaDataset;
import dev.pvit.prompt.LlavaRecord;
import dev.pvit.prompt.PersonalizedPrompt;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes phase-3 samples as a PVIT-3M dataset: {@code data.jsonl}, one LLaVA conversation record
 * per sample rendered by {@link LlavaConversationRenderer} (image paths relative to the output
 * folder, references first, scene last; {@code cnt}; one human and one gpt turn), plus the image
 * files. {@code data.jsonl} is the run's journal (lines appear only with their checkpoint, so a
 * killed run resumes exactly); {@link #finish(Path)} turns it into {@value #ARRAY}, the one JSON
 * array the release's loader reads with {@code json.load}, atomically (temporary file, fsync,
 * rename): a crash leaves the previous {@value #ARRAY} or none, never half of one, and the next run
 * rebuilds it. Files are named from the input key, so a re-run writes the same names: {@code
 * images/<key>/scene.<ext>} (the input's own bytes, once per input) and {@code
 * images/<key>/<sample>_ref<k>.jpg}. Counts go to {@code stats.json}: {@code category}, {@code
 * kind}, {@code people} (people in the scene, per sample), {@code scenes} (scenes with samples, by
 * people count) and {@code names} (how often each name was introduced).
 *
 * <pre>{@code
 * Pipeline.builder().source(...).then(...).then(generator).sink(new DatasetSink()).output(out).build().run();
 * }</pre>
 */
public final class DatasetSink implements Sink<GeneratedSample> {
  /** The dataset file. */
  public static final String DATA = "data.jsonl";

  /** The dataset as one JSON array, written when a run finishes. */
  public static final String ARRAY = "data.json";

  private static final LlavaConversationRenderer RENDERER = LlavaConversationRenderer.create();
  private static final ImageInput PROBE = ImageInput.of(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "probe.png");

  @Override
  public void write(GeneratedSample s, SinkOutput out) {
    String dir = "images/" + folderName(out.inputKey());
    String scenePath = dir + "/scene." + extension(s.scene().format());
    if (out.index() == 0) {
      out.writeFile(scenePath, s.scene().bytes());
      out.count("scenes", Integer.toString(s.cnt()));
    }
    List<ImageInput> refs = new ArrayList<>();
    for (int k = 0; k < s.references().size(); k++) {
      GeneratedSample.Reference r = s.references().get(k);
      String path = dir + "/" + out.index() + "_ref" + k + ".jpg";
      byte[] jpeg = ImageCodec.jpeg(r.image(), ImageCodec.JPEG_QUALITY);
      out.writeFile(path, jpeg);
      refs.add(ImageInput.of(jpeg, path));
      out.count("names", r.name());
    }
    out.appendLine(DATA, RENDERER.renderJson(record(s, refs, ImageInput.of(s.scene().bytes(), scenePath))));
    out.count("category", s.category());
    out.count("kind", s.kind().name().toLowerCase(Locale.ROOT));
    out.count("people", Integer.toString(s.cnt()));
  }

  /**
   * Writes {@value #ARRAY} from {@value #DATA} (an empty array if the run produced nothing).
   *
   * @param output the run's output folder
   * @return the number of records
   */
  public static long finish(Path output) {
    Path journal = output.resolve(DATA);
    if (journal.toFile().length() == 0) { // absent or empty: no samples yet
      try (LlavaDataset.Writer w = LlavaDataset.writer(output.resolve(ARRAY), LlavaDataset.Container.JSON_ARRAY)) {
        return w.count();
      }
    }
    return LlavaDataset.jsonlToArray(journal, output.resolve(ARRAY));
  }

  /**
   * The record of a sample, with images named by their dataset paths.
   *
   * @param s the sample
   * @param references one image per reference, named by its path
   * @param scene the scene, named by its path
   * @return the record
   * @throws dev.pvit.prompt.InvalidPromptException if a text holds reserved tokens
   */
  static LlavaRecord record(GeneratedSample s, List<ImageInput> references, ImageInput scene) {
    PersonalizedPrompt.Builder prompt = PersonalizedPrompt.builder().scene(scene).question(s.question());
    for (int k = 0; k < s.references().size(); k++) {
      GeneratedSample.Reference r = s.references().get(k);
      prompt.person(Person.of(r.name(), references.get(k)), r.introduction());
    }
    return LlavaRecord.of(prompt.build()).withAnswer(s.answer()).withPeopleInScene(s.cnt());
  }

  /**
   * Checks that a sample renders (no reserved tokens or control characters in its texts).
   *
   * @param s the sample
   * @throws dev.pvit.prompt.InvalidPromptException if it does not
   */
  static void validate(GeneratedSample s) {
    List<ImageInput> probes = s.references().stream().map(r -> PROBE).toList();
    RENDERER.renderJson(record(s, probes, PROBE));
  }

  private static String extension(ImageFormat format) {
    return switch (format) {
      case JPEG -> "jpg";
      case PNG -> "png";
      case GIF -> "gif";
      case BMP -> "bmp";
      case TIFF -> "tif";
      case WEBP -> "webp";
    };
  }

  /** A readable, collision-free folder name for an input key. */
  static String folderName(String key) {
    String readable = key.replaceAll("[^A-Za-z0-9._-]", "_");
    if (readable.length() > 80) {
      readable = readable.substring(readable.length() - 80);
    }
    String hash = Hashing.murmur3_32_fixed().hashString(key, StandardCharsets.UTF_8).toString();
    return readable + "-" + hash;
  }
}
