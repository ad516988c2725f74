package dev.pvit.client;

import dev.pvit.client.internal.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A time source whose sleeps return at once, advance the fake clock and are recorded. */
final class FakeTime implements TimeSource {
  private final List<Duration> sleeps = new ArrayList<>();
  private long nanos = 1_000_000_000L;
  private Instant wall = Instant.parse("2026-11-26T12:00:00Z");

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized Instant now() {
    return wall;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    nanos += duration.toNanos();
    wall = wall.plus(duration);
  }

  synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
