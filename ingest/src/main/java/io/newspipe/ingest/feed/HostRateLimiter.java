package io.newspipe.ingest.feed;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * At most one request per host every {@code interval}, however many feeds share the host: a
 * publisher with twenty section feeds sees a steady trickle, not a burst. Full-text page fetches
 * take their slots from the same limiter. Thread-safe.
 */
public final class HostRateLimiter {

  private final long intervalNanos;
  private final Map<String, Long> nextAllowed = new HashMap<>();

  public HostRateLimiter(Duration interval) {
    this.intervalNanos = interval.toNanos();
  }

  /** Blocks until a request to {@code url}'s host may go out. */
  public void acquire(URI url) throws InterruptedException {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(now, nextAllowed.getOrDefault(host, now));
      nextAllowed.put(host, slot + intervalNanos);
      wait = slot - now;
    }
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
