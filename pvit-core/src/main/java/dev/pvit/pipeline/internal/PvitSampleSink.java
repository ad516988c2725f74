package dev.pvit.pipeline.internal;

import com.google.common.hash.Hashing;
import dev.pvit.image.ImageFormat;
import dev.pvit.pipeline.Sink;
import dev.pvit.pipeline.SinkOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes phase-3 samples as a PVIT-3M dataset: {@code data.jsonl} plus image files under
 * {@code images/}, paths relative to the output folder. Files are named from the input key, so a
 * re-run writes the same names: {@code images/<key>/scene.<ext>} (the input's own bytes, once per
 * input) and
 * {@code images/<key>/<sample>_ref<k>.jpg}. Counts per category, kind, people count and name go to
 * {@code stats.json}.
 */
public final class PvitSampleSink implements Sink<GeneratedSample> {
  /** The dataset file. */
  public static final String DATA = "data.jsonl";

  @Override
  public void write(GeneratedSample s, SinkOutput out) {
    String dir = "images/" + folderName(out.inputKey());
    String scene = dir + "/scene." + extension(s.scene().format());
    if (out.index() == 0) {
      out.writeFile(scene, s.scene().bytes());
    }
    List<String> refs = new ArrayList<>();
    List<String> intros = new ArrayList<>();
    for (int k = 0; k < s.references().size(); k++) {
      GeneratedSample.Reference r = s.references().get(k);
      String path = dir + "/" + out.index() + "_ref" + k + ".jpg";
      out.writeImage(path, r.image());
      refs.add(path);
      intros.add(r.introduction());
      out.count("names", r.name());
    }
    PvitRecord record = PvitRecord.of(refs, intros, scene, s.cnt(), s.question(), s.answer());
    out.appendLine(DATA, record.toJsonLine());
    out.count("category", s.category());
    out.count("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
    out.count("people", Integer.toString(s.cnt()));
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
