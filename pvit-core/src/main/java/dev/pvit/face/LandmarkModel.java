package dev.pvit.face;

/**
 * Which 68-point landmark network aligns faces before they are described.
 *
 * <pre>{@code
 * FaceEngine engine = FaceEngine.builder().landmarkModel(LandmarkModel.TINY).build();
 * }</pre>
 */
public enum LandmarkModel {
  /** The full face-api.js landmark net (4 dense blocks, about 350 KB): the most accurate; default. */
  FULL,
  /** The tiny landmark net (3 dense blocks, about 75 KB): faster, slightly less precise points. */
  TINY
}
