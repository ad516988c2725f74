package dev.pvit.face.internal;

/**
 * A detector result in image pixels.
 *
 * @param box the box (may extend past the image border)
 * @param score detector score, 0..1
 */
public record Detection(Rect box, double score) {}
