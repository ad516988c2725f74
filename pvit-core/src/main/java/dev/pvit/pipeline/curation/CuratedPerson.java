package dev.pvit.pipeline.curation;

import static com.google.common.base.Preconditions.checkNotNull;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * One person kept by phase-1 curation: their face (with descriptor and attributes when known), the
 * person box, the face crop with PVIT margins and the body crop.
 *
 * @param face the face
 * @param body the person detection (by default derived from the face box, see {@link
 *     FaceBoxPersonDetector})
 * @param faceCrop the face with PVIT margins
 * @param bodyCrop the person box
 * @param qualityIssue why the face crop is not good enough as a reference, if it is not
 */
public record CuratedPerson(
    SceneFace face, Detection body, BufferedImage faceCrop, BufferedImage bodyCrop, Optional<String> qualityIssue) {

  /** Checks the parts. */
  public CuratedPerson {
    checkNotNull(face, "face");
    checkNotNull(body, "body");
    checkNotNull(faceCrop, "faceCrop");
    checkNotNull(bodyCrop, "bodyCrop");
    checkNotNull(qualityIssue, "qualityIssue");
  }

  /**
   * Whether the face crop may serve as a reference image.
   *
   * @return true if it passed the quality filter
   */
  public boolean usableAsReference() {
    return qualityIssue.isEmpty();
  }
}
