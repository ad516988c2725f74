package dev.pvit.chat.internal;

import dev.pvit.chat.Position;
import dev.pvit.face.RecognizedFace;
import dev.pvit.face.SceneRecognition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tells a face-blind vision-language model who is where, in words and pixel boxes (see
 * docs on grounding: plain words work with every model; boxes disambiguate crowded photos).
 */
public final class Grounding {
  /** The system prompt used in grounded mode. */
  public static final String SYSTEM_PROMPT =
      "You answer questions about a photo. The application has already recognised the people in it "
          + "with a face-recognition system; trust those results, refer to people by the names given, "
          + "and never guess the identity of a person marked as unrecognised.";

  private Grounding() {}

  /**
   * A sentence listing every face left to right with its name (or "an unrecognised person"), its
   * coarse position and its box.
   *
   * @param scene the recognised scene
   * @return the grounding text
   */
  public static String describe(SceneRecognition scene) {
    if (scene.faces().isEmpty()) {
      return "Face recognition found no faces in the last image.";
    }
    List<String> parts = new ArrayList<>();
    for (RecognizedFace f : scene.faces()) {
      parts.add(String.format(Locale.ROOT, "%s (%s, face box x1=%d y1=%d x2=%d y2=%d)",
          f.name().orElse("an unrecognised person"),
          Position.of(f.box().centerX(), scene.width()).label(),
          Math.round(f.box().x()), Math.round(f.box().y()),
          Math.round(f.box().right()), Math.round(f.box().bottom())));
    }
    return String.format(Locale.ROOT,
        "Face recognition found %d %s in the last image (%d×%d pixels), from left to right: %s.",
        scene.faces().size(), scene.faces().size() == 1 ? "face" : "faces",
        scene.width(), scene.height(), String.join("; ", parts));
  }
}
