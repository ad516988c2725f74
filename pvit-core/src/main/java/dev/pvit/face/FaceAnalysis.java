package dev.pvit.face;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The faces found in one image.
 *
 * <pre>{@code
 * FaceAnalysis a = engine.analyze(ImageInput.of(Path.of("group.jpg")));
 * System.out.println(a.faces().size() + " faces in " + a.width() + "x" + a.height());
 * }</pre>
 *
 * @param width image width in pixels, after EXIF orientation
 * @param height image height in pixels, after EXIF orientation
 * @param faces the faces in detector order (highest score first)
 */
public record FaceAnalysis(int width, int height, List<DetectedFace> faces) {
  /** Copies the face list. */
  public FaceAnalysis {
    faces = List.copyOf(faces);
  }

  /**
   * The face with the largest box, if any.
   *
   * @return the largest face
   */
  public Optional<DetectedFace> largestFace() {
    return faces.stream().max(Comparator.comparingDouble(f -> f.box().area()));
  }
}
