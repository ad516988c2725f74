package dev.pvit.face.internal;

import org.jspecify.annotations.Nullable;

/**
 * Everything the pipeline computed for one face.
 *
 * @param detection the detector box and score
 * @param landmarks 68 points, x/y interleaved, image pixels
 * @param descriptor 128 floats
 * @param ageGender age and probability male, or null when attributes are off
 * @param expressions 7 probabilities, or null when attributes are off
 */
public record Face(
    Detection detection, double[] landmarks, float[] descriptor, float @Nullable [] ageGender, float @Nullable [] expressions) {}
