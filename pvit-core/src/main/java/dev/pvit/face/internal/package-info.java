/** Face engine internals: pre/post-processing around the nets, alignment and the pipeline. */
@NullMarked
package dev.pvit.face.internal;

import org.jspecify.annotations.NullMarked;
