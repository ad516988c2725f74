/** Implementation of the pipeline runner: worker pool, ordered commit, journal and atomic files. */
@NullMarked
package dev.pvit.pipeline.internal;

import org.jspecify.annotations.NullMarked;
