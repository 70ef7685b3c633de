package io.newspipe.ingest.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One feed's meters, tagged {@code feed}: polls by outcome ({@value #POLLS}: {@code ok}, {@code
 * not_modified}, {@code failed}), items published by kind ({@value #ITEMS}: {@code new}, {@code
 * updated}) and the time of the last successful poll ({@value #LAST_SUCCESS}, Unix seconds; 0
 * before the first).
 */
final class FeedMeters {

  static final String POLLS = "newspipe.feed.polls";
  static final String ITEMS = "newspipe.feed.items";
  static final String LAST_SUCCESS = "newspipe.feed.last.success";

  private final MeterRegistry registry;
  private final String feed;
  private final AtomicLong lastSuccess = new AtomicLong();

  FeedMeters(MeterRegistry registry, String feed) {
    this.registry = registry;
    this.feed = feed;
    Gauge.builder(LAST_SUCCESS, lastSuccess, AtomicLong::get)
        .description("When the feed was last polled successfully (Unix time, seconds)")
        .baseUnit("seconds")
        .tag("feed", feed)
        .register(registry);
  }

  void polled(String outcome, Instant now) {
    Counter.builder(POLLS)
        .description("Feed polls by outcome")
        .tag("feed", feed)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
    if (!"failed".equals(outcome)) {
      lastSuccess.set(now.getEpochSecond());
    }
  }

  void item(boolean isNew) {
    Counter.builder(ITEMS)
        .description("Feed items published, new or updated")
        .tag("feed", feed)
        .tag("kind", isNew ? "new" : "updated")
        .register(registry)
        .increment();
  }
}
