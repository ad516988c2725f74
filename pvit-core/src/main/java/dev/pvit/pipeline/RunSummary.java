package dev.pvit.pipeline;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The result of {@link Pipeline#run()}.
 *
 * @param inputs inputs in the source
 * @param skipped inputs already finished by an earlier run (resumed)
 * @param processed inputs finished in this run, including rejected ones
 * @param rejected inputs rejected in this run
 * @param outputs items written in this run
 * @param elapsed wall-clock time of this run
 * @param stats the {@code stats.json} file covering all runs on this output folder
 */
public record RunSummary(
    long inputs,
    long skipped,
    long processed,
    long rejected,
    long outputs,
    Duration elapsed,
    Path stats) {}
