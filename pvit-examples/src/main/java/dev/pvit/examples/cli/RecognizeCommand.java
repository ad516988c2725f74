package dev.pvit.examples.cli;

import dev.pvit.PvitException;
import dev.pvit.face.Box;
import dev.pvit.face.FaceEngine;
import dev.pvit.face.FaceGallery;
import dev.pvit.face.FaceMatch;
import dev.pvit.face.MatchDecision;
import dev.pvit.face.RecognizedFace;
import dev.pvit.face.SceneRecognition;
import dev.pvit.image.ImageInput;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pvit recognize}: enrolls the people in a folder and prints who is where in a scene, left
 * to right.
 *
 * <pre>{@code
 * ./pvit recognize --people people/ --scene party.jpg
 * party.jpg: 1280x853, 3 faces (left to right)
 *   1. Alice    box [102, 88, 96, 110]  distance 0.410 (threshold 0.556, runner-up +0.262)
 *   2. unknown  box [400, 95, 90, 101]  closest Bob 0.67
 * }</pre>
 */
@Command(
    name = "recognize",
    mixinStandardHelpOptions = true,
    description = {
      "Enroll the people in DIR (one sub-folder per person: DIR/<name>/*.jpg) and print who is where in a scene,",
      "left to right. Reference photos that cannot be used are reported on stderr and left out."
    })
public final class RecognizeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--people", required = true, paramLabel = "DIR", description = "Folder with one sub-folder of photos per person.")
  Path people;

  @Option(names = "--scene", required = true, paramLabel = "IMG", description = "The scene photo.")
  Path scene;

  @Option(names = "--threshold", paramLabel = "DISTANCE",
      description = "A fixed distance below which a face is recognised (default: thresholds calibrated from the "
          + "enrolled people's photos at a false-accept rate of 1e-3).")
  @Nullable Double threshold;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(people)) {
      err.println("error: --people '" + people + "' is not a folder; lay it out as DIR/<name>/*.jpg");
      err.flush();
      return PvitCli.EXIT_INVALID_INPUT;
    }
    if (threshold != null && !(threshold > 0 && threshold <= 2)) {
      err.println("error: --threshold must be in (0, 2], got " + threshold);
      err.flush();
      return PvitCli.EXIT_USAGE;
    }
    try (FaceEngine engine = FaceEngine.builder().build()) {
      FaceGallery.Builder gb = FaceGallery.builder().engine(engine);
      FaceGallery gallery = threshold != null ? gb.threshold(threshold).build() : gb.build();
      AskCommand.report(err, gallery.enrollFolder(people));
      if (gallery.size() == 0) {
        err.println("error: nobody could be enrolled from '" + people + "'");
        err.flush();
        return PvitCli.EXIT_INVALID_INPUT;
      }
      SceneRecognition r = engine.recognize(ImageInput.of(scene), gallery);
      print(out, scene.toString(), r);
      out.flush();
      return 0;
    } catch (PvitException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return PvitCli.EXIT_INVALID_INPUT;
    }
  }

  static void print(PrintWriter out, String label, SceneRecognition r) {
    out.printf(Locale.ROOT, "%s: %dx%d, %d face%s (left to right)%n", label, r.width(), r.height(), r.faces().size(),
        r.faces().size() == 1 ? "" : "s");
    int width = 7;
    for (RecognizedFace f : r.faces()) {
      width = Math.max(width, f.name().map(String::length).orElse(0));
    }
    int i = 1;
    for (RecognizedFace f : r.faces()) {
      Box b = f.box();
      String box = String.format(Locale.ROOT, "[%.0f, %.0f, %.0f, %.0f]", b.x(), b.y(), b.width(), b.height());
      String tail;
      if (f.name().isPresent()) {
        tail = String.format(Locale.ROOT, "distance %.3f (threshold %.3f, runner-up %+.3f%s)", f.distance(),
            f.decision().threshold(), f.decision().margin(),
            f.decision().outcome() == MatchDecision.Outcome.CLEAR_MARGIN ? ", clear margin" : "");
      } else if (!f.candidates().isEmpty()) {
        FaceMatch.Candidate c = f.candidates().get(0);
        tail = String.format(Locale.ROOT, "closest %s %.3f", c.name(), c.distance());
      } else {
        tail = "";
      }
      out.printf(Locale.ROOT, "  %d. %-" + width + "s  box %s  %s%n", i++, f.name().orElse("unknown"), box, tail);
    }
  }
}
