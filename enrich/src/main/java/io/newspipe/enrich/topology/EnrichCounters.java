package io.newspipe.enrich.topology;

import java.util.concurrent.atomic.AtomicLong;

/**
 * In-memory counts of what this enrich instance did, for logs, status output and tests. Under
 * exactly-once a retried transaction may count a record twice: these are operator hints, not
 * accounting (Kafka Streams' own metrics are the exact record).
 */
public final class EnrichCounters {

  private final AtomicLong tagged = new AtomicLong();
  private final AtomicLong deadLetters = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong joinedStories = new AtomicLong();

  /** Articles tagged and written to the tagged topic (whether or not any tag was given). */
  public long tagged() {
    return tagged.get();
  }

  /** Records sent to the dead-letter topic. */
  public long deadLetters() {
    return deadLetters.get();
  }

  /** Records dropped because their id and content hash were already processed. */
  public long duplicates() {
    return duplicates.get();
  }

  /** Articles that joined an existing story (rather than starting one). */
  public long joinedStories() {
    return joinedStories.get();
  }

  void countJoinedStory() {
    joinedStories.incrementAndGet();
  }

  void countDuplicate() {
    duplicates.incrementAndGet();
  }

  void countTagged() {
    tagged.incrementAndGet();
  }

  void countDeadLetter() {
    deadLetters.incrementAndGet();
  }
}
