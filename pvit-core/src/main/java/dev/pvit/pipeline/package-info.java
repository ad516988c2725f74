/**
 * Composable, resumable data pipelines: a {@link dev.pvit.pipeline.Source} of keyed inputs, a chain
 * of pure {@link dev.pvit.pipeline.Stage}s and a {@link dev.pvit.pipeline.Sink}, run by
 * {@link dev.pvit.pipeline.Pipeline} in parallel with bounded memory, deterministic output order and
 * crash-safe checkpoints.
 *
 * <h2>Execution</h2>
 * The calling thread reads the source and hands inputs to a fixed pool of workers, never more than
 * {@code window} at a time; each worker owns its stage instances (created by a
 * {@link dev.pvit.pipeline.StageFactory}, opened before any work starts). Results are written by
 * the calling thread strictly in source order, so the files do not depend on the number of
 * workers. Stages draw randomness only from {@link dev.pvit.pipeline.ItemContext#random()}, seeded
 * from (run seed, stage position, item key), which makes a run reproducible for a seed.
 *
 * <h2>Output folder</h2>
 * <ul>
 *   <li>sink files: line files ({@code SinkOutput.appendLine/appendJson}) and whole files
 *       ({@code writeFile/writeImage});
 *   <li>{@code checkpoint.jsonl}: one line per finished input (key, version, ok, output count,
 *       counters, and the committed end offset of every line file), plus one {@code declare} line
 *       per line file, written before that file's first byte;
 *   <li>{@code rejects.jsonl}: one line per rejected input (key, stage, error type, reason);
 *   <li>{@code stats.json}: totals over all runs (inputs, ok, rejected, outputs, and the sinks'
 *       counters by group, plus rejects by error type), written atomically at the end of a run;
 *   <li>{@code run.json}: seed and configuration fingerprint; resuming with others is refused;
 *   <li>{@code .lock}: held while a run is active, so two runs never share a folder.
 * </ul>
 *
 * <h2>Atomicity and resume</h2>
 * Line files are append-only. For each batch of finished inputs the runner appends their lines,
 * forces the files, then appends their checkpoint lines and forces the checkpoint; an input is done
 * exactly when its checkpoint line is complete. Whole files are written to a temporary sibling,
 * forced and atomically renamed, so they are never seen half-written; their names derive from
 * input keys, so a re-run rewrites the same names with the same bytes. After a crash or
 * {@code kill -9}, the next run drops an unfinished last checkpoint line, truncates every line file
 * to the offset recorded by the last complete entry (removing output of unfinished inputs),
 * deletes leftover temporary files, skips finished inputs by key and carries on: no duplicates, no
 * gaps, and the result is byte-for-byte the output of an uninterrupted run.
 *
 * <h2>Failures</h2>
 * An input whose loading, stage or sink throws is recorded in {@code rejects.jsonl} and the run goes
 * on. A {@link dev.pvit.RetriableException} is retried with backoff, and if it persists the run
 * stops with a {@link dev.pvit.pipeline.PipelineException} (finished inputs stay committed), as do
 * disk errors and stage-opening failures.
 *
 * <h2>Beyond one machine</h2>
 * Stages are plain functions of one item (plus {@code open/close} for per-worker resources) and
 * share no mutable state, so the same classes can later be wrapped as the element functions of a
 * distributed engine; an Apache Beam {@code DoFn} maps one to one ({@code open} to
 * {@code @Setup}, {@code process} to {@code @ProcessElement} with the element's key for
 * {@code ItemContext}, {@code close} to {@code @Teardown}). This package deliberately contains no
 * scheduler beyond the local worker pool.
 */
@NullMarked
package dev.pvit.pipeline;

import org.jspecify.annotations.NullMarked;
