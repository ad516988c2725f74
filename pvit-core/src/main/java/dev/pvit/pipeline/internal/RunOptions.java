package dev.pvit.pipeline.internal;

import dev.pvit.pipeline.Progress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Validated run options.
 *
 * @param output output folder
 * @param workers worker threads
 * @param seed run seed
 * @param window most inputs in flight
 * @param retries retries for retriable failures
 * @param retryBackoff first retry wait
 * @param fingerprint configuration identity stored in run.json
 * @param fsync whether commits are forced to disk
 * @param progress listeners
 */
public record RunOptions(
    Path output,
    int workers,
    long seed,
    int window,
    int retries,
    Duration retryBackoff,
    String fingerprint,
    boolean fsync,
    List<Consumer<Progress>> progress) {}
