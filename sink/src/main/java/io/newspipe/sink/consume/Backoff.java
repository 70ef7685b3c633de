package io.newspipe.sink.consume;

import java.time.Duration;

/**
 * Exponential backoff between retries of a failing store, doubling from an initial wait to a cap.
 */
final class Backoff {

  static final Backoff DEFAULT = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30));

  private final Duration initial;
  private final Duration max;
  private Duration next;

  Backoff(Duration initial, Duration max) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "backoff needs 0 < initial <= max, got initial " + initial + " and max " + max);
    }
    this.initial = initial;
    this.max = max;
    this.next = initial;
  }

  /** A fresh backoff with the same settings (each service keeps its own state). */
  Backoff copy() {
    return new Backoff(initial, max);
  }

  /** The wait before the next retry; each call doubles the following one up to the cap. */
  Duration next() {
    Duration wait = next;
    next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
    return wait;
  }

  /** Called after a success: the next failure waits the initial time again. */
  void reset() {
    next = initial;
  }
}
