/**
 * PVIT phase 3, dataset generation: the built-in name pool, the share of unanswerable samples, our
 * question templates, the per-run reference pool for absent-person negatives, the sample generator
 * (templates, plus model-written QA when a model is configured), the PVIT-3M dataset sink, and
 * {@link dev.pvit.pipeline.dataset.DatasetGenerator}, which wires all three phases over a folder.
 */
@NullMarked
package dev.pvit.pipeline.dataset;

import org.jspecify.annotations.NullMarked;
