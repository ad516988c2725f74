package dev.pvit.pipeline.internal;

import dev.pvit.pipeline.curation.Detection;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The faces in an image: the one thing phase-1 curation needs from a face engine. Deliberately
 * minimal so that the embedded {@code FaceEngine} (or any detector) binds to it with a few lines.
 * One instance serves one worker; {@link #close()} releases native resources.
 */
@FunctionalInterface
public interface FaceSource extends AutoCloseable {

  /**
   * Detects faces.
   *
   * @param image the decoded image
   * @return the faces, boxes in image pixels
   */
  List<Detection> faces(BufferedImage image);

  @Override
  default void close() {}
}
