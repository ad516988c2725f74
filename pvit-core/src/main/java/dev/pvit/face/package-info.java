/**
 * The embedded face engine: detection, landmarks, alignment and 128-d descriptors computed
 * offline with the face-api.js networks on DJL/PyTorch.
 */
@NullMarked
package dev.pvit.face;

import org.jspecify.annotations.NullMarked;
