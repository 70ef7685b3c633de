package io.newspipe.notify.webhook;

import java.time.Duration;

/**
 * How hard webhooks are tried: {@code maxAttempts} POSTs, waiting {@code initialBackoff} after the
 * first failure and twice as long after each further one, at most {@code maxBackoff}; each request
 * may take {@code timeout}. After the last failed attempt the alert goes to the dead-letter topic.
 */
public record WebhookSettings(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration timeout) {

  /** 5 attempts, 1 s doubling to at most 1 min, 10 s per request. */
  public static final WebhookSettings DEFAULTS =
      new WebhookSettings(5, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(10));

  public WebhookSettings {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("webhook max attempts must be at least 1");
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("webhook backoff must be 0 <= initial <= max");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("webhook timeout must be positive");
    }
  }

  /** The wait after failed attempt {@code n} (1-based). */
  public Duration backoff(int n) {
    long millis = initialBackoff.toMillis();
    for (int i = 1; i < n && millis < maxBackoff.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }
}
