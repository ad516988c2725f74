/**
 * PVIT phase 1, visual concept curation, as pure functions and SPIs: boxes and detections, the
 * PVIT face-crop margins, quality filters, a person-detector SPI with a face-derived default, an
 * identity-preserving image-generator SPI, and seeded geometric/photometric augmentations.
 */
@NullMarked
package dev.pvit.pipeline.curation;

import org.jspecify.annotations.NullMarked;
