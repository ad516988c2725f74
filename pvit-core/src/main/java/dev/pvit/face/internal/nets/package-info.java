/**
 * The face-api.js networks re-implemented as DJL blocks on the PyTorch engine, reading the
 * original TF.js weights. Not public API.
 */
@NullMarked
package dev.pvit.face.internal.nets;

import org.jspecify.annotations.NullMarked;
