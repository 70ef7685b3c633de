package io.newspipe.schemas.lifecycle;

import java.util.Objects;

/**
 * A service's health: live (its threads run; restart it if not) and ready (it does its work now:
 * Streams RUNNING, consumer assigned, store answers, broker reachable), with a one-line reason.
 */
public record Health(boolean live, boolean ready, String detail) {

  public Health {
    Objects.requireNonNull(detail, "detail");
  }

  /** Live and ready. */
  public static Health ready(String detail) {
    return new Health(true, true, detail);
  }

  /** Live but not (or not yet, or no longer) ready, and why. */
  public static Health notReady(String detail) {
    return new Health(true, false, detail);
  }

  /** Stopped or failed: neither live nor ready. */
  public static Health down(String detail) {
    return new Health(false, false, detail);
  }
}
