package io.newspipe.schemas.lifecycle;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A check (e.g. "the store answers a query") run at most once per {@code ttl}, so that {@link
 * Service#health()} stays cheap however often it is asked.
 */
public final class CachedCheck {
  private final long ttlNanos;
  private final Runnable check;
  private boolean checked;
  private long checkedAt;
  private Optional<String> problem = Optional.empty();

  /**
   * @param check throws when the thing checked is not usable; its message becomes the problem
   */
  public CachedCheck(Duration ttl, Runnable check) {
    this.ttlNanos = ttl.toNanos();
    this.check = Objects.requireNonNull(check, "check");
  }

  /** Empty when the last check (at most {@code ttl} old) passed, else what failed. */
  public synchronized Optional<String> problem() {
    long now = System.nanoTime();
    if (!checked || now - checkedAt >= ttlNanos) {
      try {
        check.run();
        problem = Optional.empty();
      } catch (RuntimeException e) {
        problem = Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
      }
      checked = true;
      checkedAt = System.nanoTime();
    }
    return problem;
  }
}
