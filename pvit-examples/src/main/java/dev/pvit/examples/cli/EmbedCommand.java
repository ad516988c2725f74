package dev.pvit.examples.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.pvit.PvitException;
import dev.pvit.face.DetectedFace;
import dev.pvit.face.FaceAnalysis;
import dev.pvit.face.FaceEngine;
import dev.pvit.image.ImageInput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pvit embed}: prints face boxes and descriptors as JSON lines, one line per image, with the
 * reference (face-api.js compatible) pipeline.
 *
 * <pre>{@code
 * ./pvit embed --detector-size 608 photos/ extra.jpg
 * {"image": "a.jpg", "width": 640, "height": 480, "faces": [{"box": [x, y, w, h], "score": 0.93, "descriptor": [...]}]}
 * }</pre>
 */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    description = {
      "Detect faces and print their boxes and 128-d descriptors as JSON lines (one per image), finding faces as",
      "enrollment does (--reference: the face-api.js reference pipeline).",
      "Folders are searched recursively for .jpg/.jpeg/.png/.gif/.bmp/.tif/.tiff/.webp files; their images are named",
      "relative to the folder given, files are named as given. An unreadable image prints {\"image\": ..., \"error\": ...}",
      "and the run continues; the exit code is then 3."
    })
public final class EmbedCommand implements Callable<Integer> {
  static final List<String> IMAGE_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp");

  @Spec CommandSpec spec;

  @Option(names = "--detector-size", paramLabel = "PIXELS", defaultValue = "608",
      description = "Detector input size, a multiple of 32 (default: ${DEFAULT-VALUE}; 416 is faster).")
  int detectorSize;

  @Option(names = "--reference",
      description = "Run the exact face-api.js reference pipeline at --detector-size (the boxes and descriptors of "
          + "the JavaScript package) instead of the multi-scale detection that enrollment and recognition use.")
  boolean reference;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Image files or folders.")
  List<String> paths;

  record Item(Path file, String label) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    FaceEngine.Builder builder = FaceEngine.builder().detectorSize(detectorSize);
    FaceEngine engine;
    try {
      engine = builder.build();
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return PvitCli.EXIT_USAGE;
    }
    boolean failed = false;
    try (engine) {
      for (String given : paths) {
        List<Item> items;
        try {
          items = expand(given);
        } catch (IOException | java.nio.file.InvalidPathException e) {
          out.println(errorLine(given, "cannot list '" + given + "': " + e.getMessage()));
          failed = true;
          continue;
        }
        for (Item item : items) {
          try {
            ImageInput image = ImageInput.of(item.file());
            FaceAnalysis a = reference ? engine.analyze(image) : engine.findFaces(image);
            out.println(line(item.label(), a));
          } catch (PvitException e) {
            out.println(errorLine(item.label(), e.getMessage()));
            failed = true;
          }
          out.flush();
        }
      }
    }
    out.flush();
    if (failed) {
      err.println("error: some images could not be read; see the \"error\" lines");
      err.flush();
      return PvitCli.EXIT_INVALID_INPUT;
    }
    return 0;
  }

  static List<Item> expand(String given) throws IOException {
    Path p = Path.of(given);
    if (!Files.isDirectory(p)) {
      return List.of(new Item(p, given));
    }
    List<Item> items = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(p)) {
      walk.filter(Files::isRegularFile)
          .filter(f -> isImageName(f.getFileName().toString()))
          .sorted()
          .forEach(f -> items.add(new Item(f, p.relativize(f).toString())));
    }
    return items;
  }

  static boolean isImageName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !lower.startsWith(".") && IMAGE_EXTENSIONS.stream().anyMatch(lower::endsWith);
  }

  static String line(String image, FaceAnalysis a) {
    StringBuilder sb = new StringBuilder(256 + a.faces().size() * 1600);
    sb.append("{\"image\": ").append(quote(image))
        .append(", \"width\": ").append(a.width())
        .append(", \"height\": ").append(a.height())
        .append(", \"faces\": [");
    for (int i = 0; i < a.faces().size(); i++) {
      DetectedFace f = a.faces().get(i);
      if (i > 0) {
        sb.append(", ");
      }
      sb.append("{\"box\": [").append(f.box().x()).append(", ").append(f.box().y()).append(", ")
          .append(f.box().width()).append(", ").append(f.box().height()).append("], \"score\": ")
          .append(f.score()).append(", \"descriptor\": [");
      float[] d = f.descriptor().toArray();
      for (int k = 0; k < d.length; k++) {
        if (k > 0) {
          sb.append(", ");
        }
        sb.append(d[k]);
      }
      sb.append("]}");
    }
    return sb.append("]}").toString();
  }

  static String errorLine(String image, String message) {
    return "{\"image\": " + quote(image) + ", \"error\": " + quote(message) + "}";
  }

  static String quote(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }
}
