package dev.pvit.pipeline;

import java.time.Duration;

/**
 * A snapshot of a running pipeline, passed to a {@link Pipeline.Builder#progress progress
 * listener} after each commit.
 *
 * @param seen inputs read from the source so far
 * @param skipped inputs already finished by an earlier run
 * @param processed inputs finished in this run (including rejected ones)
 * @param rejected inputs rejected in this run
 * @param outputs items written in this run
 * @param elapsed time since the run started
 */
public record Progress(
    long seen, long skipped, long processed, long rejected, long outputs, Duration elapsed) {}
