package io.newspipe.read;

import io.newspipe.schemas.TaggedArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows tag topics: first the history asked for (merged across partitions and tags in publication
 * order), then live records as they arrive, until {@link #stop()}.
 *
 * <p>It assigns every partition and seeks instead of joining a consumer group, so two subscribers
 * each see the whole stream. The live position is the end of each partition when the subscriber
 * starts, so nothing written after that is missed. An article on several subscribed tag topics is
 * shown once per version.
 */
public final class Subscriber {
  private static final Logger LOG = LoggerFactory.getLogger(Subscriber.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final int REMEMBERED = 10_000;

  /** Where to start: the live end, the beginning, or a publication time. */
  public record Start(boolean fromBeginning, Instant since) {
    public static final Start LIVE = new Start(false, null);
    public static final Start BEGINNING = new Start(true, null);

    public static Start since(Instant since) {
      return new Start(false, since);
    }
  }

  private final Consumer<byte[], byte[]> consumer;
  private final List<String> topics;
  private final Map<String, Boolean> seen =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };
  private final CountDownLatch live = new CountDownLatch(1);
  private volatile boolean stopped;
  private volatile MergedReader history;

  public Subscriber(Consumer<byte[], byte[]> consumer, List<String> topics) {
    this.consumer = consumer;
    this.topics = List.copyOf(topics);
  }

  /** Runs until {@link #stop()}; {@code handler} gets each record with its article. */
  public void run(Start start, BiConsumer<ConsumerRecord<byte[], byte[]>, TaggedArticle> handler) {
    runRecords(start, r -> deliver(r, handler));
  }

  /**
   * Runs until {@link #stop()}, handing over every record as read, tombstones included: for topics
   * of other values than articles (e.g. reading a compacted topic into memory from {@link
   * Start#BEGINNING} and following it). Throws {@link IllegalArgumentException} if a topic does not
   * exist.
   */
  public void runRecords(
      Start start, java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> handler) {
    try {
      Map<TopicPartition, Long> ends = OffsetRanges.since(consumer, topics, null).ends();
      if (start.fromBeginning() || start.since() != null) {
        OffsetRanges past = OffsetRanges.since(consumer, topics, start.since());
        MergedReader reader = new MergedReader(consumer, past);
        history = reader;
        if (stopped) {
          return;
        }
        reader.forEach(handler);
      }
      List<TopicPartition> partitions = new ArrayList<>(ends.keySet());
      consumer.assign(partitions);
      consumer.resume(partitions);
      ends.forEach(consumer::seek);
      live.countDown();
      while (!stopped) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
          handler.accept(r);
        }
      }
    } catch (WakeupException e) {
      if (!stopped) {
        throw e;
      }
    }
  }

  /** Waits until history is printed and live records are being read; false on timeout. */
  public boolean awaitLive(Duration timeout) throws InterruptedException {
    return live.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops {@link #run} soon; callable from any thread (e.g. a Ctrl-C hook). */
  public void stop() {
    stopped = true;
    MergedReader reader = history;
    if (reader != null) {
      reader.stop();
    }
    consumer.wakeup();
  }

  private void deliver(
      ConsumerRecord<byte[], byte[]> r,
      BiConsumer<ConsumerRecord<byte[], byte[]>, TaggedArticle> handler) {
    if (r.value() == null) {
      return;
    }
    TaggedArticle tagged = TaggedRecords.decodeOrNull(r);
    if (tagged == null) {
      return;
    }
    String key =
        tagged.getArticle().getId()
            + "\u0000"
            + tagged.getArticle().getVersion()
            + "\u0000"
            + tagged.getEnrichedAt().toEpochMilli();
    if (seen.put(key, Boolean.TRUE) == null) {
      handler.accept(r, tagged);
    }
  }
}
