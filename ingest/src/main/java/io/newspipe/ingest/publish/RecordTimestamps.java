package io.newspipe.ingest.publish;

import io.newspipe.schemas.Article;
import java.time.Duration;
import java.time.Instant;

/**
 * The Kafka record timestamp of an article: its event time, so that {@code offsetsForTimes} finds
 * coverage by publication date. That is {@code publishedAt}, else {@code updatedAt}, else {@code
 * receivedAt}.
 *
 * <p>A stated time before 1970 (Kafka cannot store it) or more than {@link #MAX_FUTURE} after
 * receipt (a wrong time zone or an embargo date; brokers reject such records by default since Kafka
 * 4.0's {@code log.message.timestamp.after.max.ms} of one hour) falls back to {@code receivedAt}.
 * The article itself keeps the stated time.
 */
public final class RecordTimestamps {

  public static final Duration MAX_FUTURE = Duration.ofMinutes(30);

  private RecordTimestamps() {}

  public static long of(Article article) {
    Instant received = article.getReceivedAt();
    Instant stated =
        article.getPublishedAt() != null ? article.getPublishedAt() : article.getUpdatedAt();
    if (stated == null
        || stated.isBefore(Instant.EPOCH)
        || stated.isAfter(received.plus(MAX_FUTURE))) {
      return received.toEpochMilli();
    }
    return stated.toEpochMilli();
  }
}
