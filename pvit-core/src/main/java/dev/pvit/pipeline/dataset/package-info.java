/**
 * PVIT phase 3, dataset generation, pieces that need no model: the built-in name pool, the share
 * of unanswerable samples and the kinds of sample it chooses between.
 */
@NullMarked
package dev.pvit.pipeline.dataset;

import org.jspecify.annotations.NullMarked;
