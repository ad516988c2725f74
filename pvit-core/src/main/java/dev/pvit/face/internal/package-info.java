/** Implementation of the face engine: model weights, networks and their glue. Not public API. */
@NullMarked
package dev.pvit.face.internal;

import org.jspecify.annotations.NullMarked;
