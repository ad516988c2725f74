package dev.pvit.pipeline.curation;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.face.DetectedFace;
import dev.pvit.face.FaceAnalysis;
import dev.pvit.face.FaceEngine;
import dev.pvit.image.ImageInput;
import dev.pvit.image.InvalidImageException;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The faces in an image: what phase-1 curation needs from a face detector (service provider
 * interface). The default binds the embedded {@link FaceEngine}; users with another detector
 * implement {@link #faces} in a few lines.
 *
 * <pre>{@code
 * FaceEngine engine = FaceEngine.builder().attributes(true).build();   // thread-safe, share it
 * FaceSource faces = FaceSource.embedded(engine);
 * }</pre>
 */
@FunctionalInterface
public interface FaceSource extends AutoCloseable {

  /**
   * Detects faces.
   *
   * @param input the encoded image, as read
   * @param image the same image decoded upright (EXIF orientation applied)
   * @return the faces, boxes in the upright image's pixels
   */
  List<SceneFace> faces(ImageInput input, BufferedImage image);

  /** Releases resources owned by this source. The default does nothing. */
  @Override
  default void close() {}

  /**
   * Faces, descriptors and (when the engine was built with {@code attributes(true)}) apparent age
   * and expression from the embedded engine. The engine is thread-safe and is not closed by this
   * source, so one engine can serve every worker.
   *
   * @param engine the engine
   * @return the source
   */
  static FaceSource embedded(FaceEngine engine) {
    checkNotNull(engine, "engine");
    return (input, image) -> {
      FaceAnalysis analysis = engine.analyze(input);
      if (analysis.width() != image.getWidth() || analysis.height() != image.getHeight()) {
        throw new InvalidImageException("Image '" + input.name() + "' decoded as " + image.getWidth() + "x"
            + image.getHeight() + " but the face engine saw " + analysis.width() + "x" + analysis.height()
            + "; re-export it without unusual metadata.");
      }
      List<SceneFace> out = new ArrayList<>(analysis.faces().size());
      for (DetectedFace f : analysis.faces()) {
        Box box = Box.fromEdges(
                (int) Math.floor(f.box().x()), (int) Math.floor(f.box().y()),
                (int) Math.ceil(f.box().right()), (int) Math.ceil(f.box().bottom()))
            .clip(image.getWidth(), image.getHeight());
        if (box.isEmpty()) {
          continue;
        }
        double score = Math.max(0, Math.min(1, f.score()));
        out.add(new SceneFace(new Detection(box, score), Optional.of(f.descriptor()), f.attributes()));
      }
      return out;
    };
  }
}
