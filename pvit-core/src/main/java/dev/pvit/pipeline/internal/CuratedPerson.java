package dev.pvit.pipeline.internal;

import dev.pvit.pipeline.curation.Detection;
import java.awt.image.BufferedImage;
import org.jspecify.annotations.Nullable;

/**
 * One person found in a scene.
 *
 * @param face the face detection
 * @param body the person detection
 * @param faceCrop the face with PVIT margins
 * @param bodyCrop the person box
 * @param qualityIssue why the face crop is not good enough as a reference, or null if it is
 */
public record CuratedPerson(
    Detection face, Detection body, BufferedImage faceCrop, BufferedImage bodyCrop, @Nullable String qualityIssue) {

  /**
   * Whether the face crop may serve as a reference image.
   *
   * @return true if it passed the quality filter
   */
  public boolean usableAsReference() {
    return qualityIssue == null;
  }
}
