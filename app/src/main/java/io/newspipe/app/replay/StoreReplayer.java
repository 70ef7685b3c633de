package io.newspipe.app.replay;

import io.newspipe.read.replay.Pacer;
import io.newspipe.read.replay.ReplayOutput;
import io.newspipe.read.replay.ReplayRequest;
import io.newspipe.read.replay.Replayer;
import io.newspipe.schemas.AvroSerde;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.store.ArticleFilter;
import io.newspipe.store.ArticleQueries;
import io.newspipe.store.StoredArticle;
import io.newspipe.store.StoredArticles;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * {@code replay --from-store}: the same window, filters, order and pacing as {@link Replayer}, read
 * from the store, which already holds only the latest version of each article. Each article is
 * handed to the output as the record the tagged topic would hold (key = id, value = the
 * TaggedArticle, timestamp = publication time), so every {@link ReplayOutput} works unchanged.
 */
public final class StoreReplayer {
  /** Articles read per store query: enough to amortise a query, small enough to start at once. */
  static final int PAGE_SIZE = 500;

  private final ArticleQueries store;
  private final String recordTopic;
  private final AvroSerde<TaggedArticle> serde = AvroSerde.of(TaggedArticle.class);
  private volatile boolean stopped;

  /** {@code recordTopic} names the topic the synthesised records claim to come from. */
  public StoreReplayer(ArticleQueries store, String recordTopic) {
    this.store = store;
    this.recordTopic = recordTopic;
  }

  /** Stops a running {@link #run} soon (callable from any thread, e.g. on Ctrl-C). */
  public void stop() {
    stopped = true;
  }

  public Replayer.Stats run(ReplayRequest request, ReplayOutput output)
      throws InterruptedException {
    long started = System.nanoTime();
    Pacer pacer = new Pacer(request.speed());
    long[] emitted = {0};
    try {
      store.published(
          new ArticleFilter(request.since(), request.until(), request.tags(), request.source()),
          PAGE_SIZE,
          stored -> {
            if (stopped) {
              throw new Stop();
            }
            TaggedArticle tagged = StoredArticles.toTagged(stored);
            ConsumerRecord<byte[], byte[]> record = record(stored, tagged);
            try {
              pacer.await(record.timestamp());
            } catch (InterruptedException e) {
              throw new Interrupted(e);
            }
            output.write(record, tagged);
            emitted[0]++;
          });
    } catch (Stop e) {
      // stopped between two articles: report what was emitted
    } catch (Interrupted e) {
      throw e.cause;
    }
    // The store filters before we see a row, so everything read was emitted.
    return new Replayer.Stats(emitted[0], emitted[0], 0, System.nanoTime() - started);
  }

  private ConsumerRecord<byte[], byte[]> record(StoredArticle stored, TaggedArticle tagged) {
    // The store's order: publication time, or received time when the source gave none.
    Instant time = stored.publishedAt() != null ? stored.publishedAt() : stored.receivedAt();
    byte[] key = stored.id().getBytes(StandardCharsets.UTF_8);
    byte[] value = serde.encode(tagged);
    return new ConsumerRecord<>(
        recordTopic,
        0,
        -1L, // no offset: the record never was in a topic
        time.toEpochMilli(),
        TimestampType.CREATE_TIME,
        key.length,
        value.length,
        key,
        value,
        new RecordHeaders(),
        Optional.empty());
  }

  /** Unwinds the store's page loop when stopped; never escapes {@link #run}. */
  private static final class Stop extends RuntimeException {
    Stop() {
      super(null, null, false, false);
    }
  }

  private static final class Interrupted extends RuntimeException {
    final InterruptedException cause;

    Interrupted(InterruptedException cause) {
      super(null, null, false, false);
      this.cause = cause;
    }
  }
}
