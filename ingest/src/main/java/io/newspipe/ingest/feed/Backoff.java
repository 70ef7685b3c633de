package io.newspipe.ingest.feed;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter for a failing feed: the interval doubles per consecutive failure
 * up to a ceiling, and is multiplied by a random factor in [0.5, 1] ("equal jitter") so that feeds
 * that failed together (a network outage) do not retry in lockstep.
 */
final class Backoff {

  private Backoff() {}

  /** The delay before the next attempt after {@code failures} consecutive failures (>= 1). */
  static Duration delay(Duration base, int failures, Duration max) {
    int shift = Math.min(Math.max(failures - 1, 0), 20);
    long millis = Math.min(base.toMillis() << shift, max.toMillis());
    double jitter = 0.5 + 0.5 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis(Math.max(1, (long) (millis * jitter)));
  }
}
