/**
 * Implementation of the face engine: model weights, networks, pre/post-processing, alignment and
 * the pipeline. Not public API.
 */
@NullMarked
package dev.pvit.face.internal;

import org.jspecify.annotations.NullMarked;
