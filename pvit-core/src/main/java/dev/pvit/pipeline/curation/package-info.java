/**
 * PVIT phase 1, visual concept curation: {@link dev.pvit.pipeline.curation.CurationStage} (faces
 * from a {@link dev.pvit.pipeline.curation.FaceSource}, by default the embedded face engine; people
 * with exactly one face; PVIT crops; quality flags; at least N people), plus its parts as pure
 * functions and SPIs: boxes and detections, the PVIT face-crop margins, quality filters, a
 * person-detector SPI with a face-derived default (an approximation) and an HTTP adapter, an
 * identity-preserving image-generator SPI, and seeded geometric/photometric augmentations.
 */
@NullMarked
package dev.pvit.pipeline.curation;

import org.jspecify.annotations.NullMarked;
