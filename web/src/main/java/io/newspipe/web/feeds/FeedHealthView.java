package io.newspipe.web.feeds;

import io.newspipe.read.Clients;
import io.newspipe.read.Subscriber;
import io.newspipe.schemas.FeedHealth;
import io.newspipe.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every feed's latest {@link FeedHealth}, in memory: reads the compacted health topic from its
 * beginning when the web starts, then follows it, with the {@code read} module's {@link Subscriber}
 * (no consumer group, so every web instance sees every feed). A topic that does not exist yet is
 * waited for; if Kafka fails the topic is read again from the beginning (it is small and
 * compacted). A record that cannot be decoded is logged and skipped.
 */
public final class FeedHealthView implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeedHealthView.class);
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final Map<String, Object> clientProps;
  private final Topic<String, FeedHealth> topic;
  private final Map<String, FeedHealth> latest = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile Subscriber subscriber;
  private volatile String state = "starting";
  private volatile boolean closed;

  public FeedHealthView(Map<String, Object> clientProps, Topic<String, FeedHealth> topic) {
    this.clientProps = Map.copyOf(clientProps);
    this.topic = topic;
    this.thread = new Thread(this::run, "newspipe-web-feed-health");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** The latest health of every feed seen so far, in no particular order. */
  public List<FeedHealth> feeds() {
    return List.copyOf(latest.values());
  }

  /** {@code starting}, {@code waiting for topic ...}, {@code live}, {@code reconnecting}... */
  public String state() {
    return state;
  }

  private void run() {
    boolean told = false;
    while (!closed) {
      try (KafkaConsumer<byte[], byte[]> consumer = Clients.reader(clientProps)) {
        Subscriber s = new Subscriber(consumer, List.of(topic.name()));
        subscriber = s;
        if (closed) {
          return; // close() ran before the subscriber was visible to it
        }
        state = "live";
        s.runRecords(Subscriber.Start.BEGINNING, this::apply);
      } catch (IllegalArgumentException e) {
        state = "waiting for topic " + topic.name();
        if (!told) {
          LOG.info("feed health waits for topic {} to exist (ingest creates it)", topic.name());
          told = true;
        }
        pause();
      } catch (KafkaException e) {
        if (closed) {
          return;
        }
        state = "reconnecting";
        LOG.warn(
            "feed health cannot read {}: {}; retrying in {} s",
            topic.name(),
            e.getMessage(),
            RETRY.toSeconds());
        pause();
      }
    }
  }

  private void apply(ConsumerRecord<byte[], byte[]> r) {
    if (r.key() == null) {
      return;
    }
    String feedId = new String(r.key(), StandardCharsets.UTF_8);
    if (r.value() == null) {
      latest.remove(feedId); // a tombstone: the feed was removed
      return;
    }
    try {
      latest.put(feedId, topic.valueSerde().deserializer().deserialize(r.topic(), r.value()));
    } catch (RuntimeException e) {
      LOG.warn(
          "feed health skips record {}-{}@{} of feed '{}': {}",
          r.topic(),
          r.partition(),
          r.offset(),
          feedId,
          e.getMessage());
    }
  }

  private void pause() {
    try {
      Thread.sleep(RETRY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /** Stops following the topic and waits for the reader (a few seconds at most). */
  @Override
  public void close() {
    closed = true;
    state = "stopped";
    Subscriber s = subscriber;
    if (s != null) {
      s.stop();
    }
    try {
      thread.join(Duration.ofSeconds(3).toMillis());
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(Duration.ofSeconds(7).toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
