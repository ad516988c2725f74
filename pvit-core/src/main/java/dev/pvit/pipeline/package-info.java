/**
 * Composable, resumable data pipelines: a {@link dev.pvit.pipeline.Source} of keyed inputs, a chain
 * of pure {@link dev.pvit.pipeline.Stage}s and a {@link dev.pvit.pipeline.Sink}, run by
 * {@link dev.pvit.pipeline.Pipeline} in parallel with bounded memory, deterministic output order and
 * crash-safe checkpoints.
 *
 * <p>Stages are plain functions of one item (plus {@code open/close} for per-worker resources) and
 * share no mutable state, so the same stage classes can later be wrapped as the element functions of
 * a distributed engine (an Apache Beam {@code DoFn} maps one to one: {@code open} to {@code @Setup},
 * {@code process} to {@code @ProcessElement}, {@code close} to {@code @Teardown}); this package
 * deliberately contains no scheduler beyond the local worker pool.
 */
@NullMarked
package dev.pvit.pipeline;

import org.jspecify.annotations.NullMarked;
