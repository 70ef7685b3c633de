package io.newspipe.web.live;

import io.newspipe.read.Clients;
import io.newspipe.read.TaggedRecords;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Kafka consumer of a web service: reads {@code news.articles.tagged} from its end (as the
 * service starts) and hands each article to the {@link LiveHub}. It joins no consumer group, so
 * every web instance sees every article, and reads only committed transactions.
 *
 * <p>A record that cannot be decoded is logged and skipped (the sink dead-letters it). If Kafka
 * fails, the reader reconnects and resumes where it was; a topic that does not exist yet is waited
 * for.
 */
public final class LiveFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration METADATA_WAIT = Duration.ofSeconds(5);
  private static final Duration RETRY = Duration.ofSeconds(5);

  /** How often, by default, the reader looks for partitions added to the topic. */
  public static final Duration DEFAULT_PARTITION_CHECK = Duration.ofSeconds(30);

  private final Map<String, Object> props;
  private final Duration partitionCheck;
  private final String topic;
  private final LiveHub hub;
  private final Thread thread;
  private final CountDownLatch live = new CountDownLatch(1);
  private final Map<TopicPartition, Long> positions = new HashMap<>();
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private volatile String state = "starting";
  private volatile boolean closed;

  public LiveFeed(
      Map<String, Object> clientProps,
      Topic<String, TaggedArticle> topic,
      LiveHub hub,
      Duration partitionCheck) {
    this.partitionCheck = partitionCheck;
    this.props = Clients.tailProps(clientProps);
    // partitionsFor answers from the consumer's metadata, refreshed this often.
    this.props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) partitionCheck.toMillis());
    this.topic = topic.name();
    this.hub = hub;
    this.thread = new Thread(this::run, "newspipe-web-live");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** {@code starting}, {@code waiting for topic ...}, {@code live}, {@code reconnecting}... */
  public String state() {
    return state;
  }

  public boolean awaitLive(Duration timeout) throws InterruptedException {
    return live.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void run() {
    while (!closed) {
      try (KafkaConsumer<byte[], byte[]> c = Clients.consumer(props)) {
        consumer = c;
        if (closed) {
          return; // close() ran before the consumer was visible to its wakeup()
        }
        List<TopicPartition> partitions = awaitPartitions(c);
        c.assign(partitions);
        for (TopicPartition p : partitions) {
          Long resume = positions.get(p);
          if (resume == null) {
            c.seekToEnd(List.of(p));
            positions.put(p, c.position(p)); // resolved now: nothing written after is missed
          } else {
            c.seek(p, resume);
          }
        }
        setState("live");
        live.countDown();
        long nextPartitionCheck = System.nanoTime() + partitionCheck.toNanos();
        while (!closed) {
          for (ConsumerRecord<byte[], byte[]> r : c.poll(POLL)) {
            deliver(r);
            positions.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
          }
          if (System.nanoTime() - nextPartitionCheck > 0) {
            addNewPartitions(c);
            nextPartitionCheck = System.nanoTime() + partitionCheck.toNanos();
          }
        }
      } catch (WakeupException e) {
        if (!closed) {
          LOG.warn("live stream reader woken unexpectedly; reconnecting");
        }
      } catch (KafkaException e) {
        if (closed) {
          return;
        }
        setState("reconnecting");
        LOG.warn(
            "live stream cannot read {}: {}; retrying in {} s",
            topic,
            e.getMessage(),
            RETRY.toSeconds());
        pause(RETRY);
      }
    }
  }

  /**
   * Partitions added to the topic while running (scaling out enrich and sink): read from their
   * beginning, as everything in them is newer than this reader.
   */
  private void addNewPartitions(KafkaConsumer<byte[], byte[]> c) {
    List<TopicPartition> now = partitions(c); // empty on a timeout: try again at the next check
    List<TopicPartition> added = now.stream().filter(p -> !c.assignment().contains(p)).toList();
    if (added.isEmpty()) {
      return;
    }
    c.assign(now);
    c.seekToBeginning(added);
    added.forEach(p -> positions.put(p, c.position(p)));
    LOG.info("live stream now also reads new partitions {}", added);
  }

  /** The topic's partitions, or none if it does not exist (yet) or metadata timed out. */
  private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> c) {
    try {
      return c.partitionsFor(topic, METADATA_WAIT).stream()
          .map(i -> new TopicPartition(i.topic(), i.partition()))
          .toList();
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      return List.of();
    }
  }

  private List<TopicPartition> awaitPartitions(KafkaConsumer<byte[], byte[]> c) {
    boolean told = false;
    while (true) {
      List<TopicPartition> partitions = partitions(c);
      if (!partitions.isEmpty()) {
        return partitions;
      }
      if (!told) {
        setState("waiting for topic " + topic);
        LOG.info("live stream waits for topic {} to exist (enrich creates it)", topic);
        told = true;
      }
      pause(Duration.ofSeconds(1));
      if (closed) {
        throw new WakeupException();
      }
    }
  }

  private void deliver(ConsumerRecord<byte[], byte[]> r) {
    if (r.value() == null) {
      return;
    }
    try {
      TaggedArticle tagged = TaggedRecords.decodeOrNull(r); // logs one that cannot be decoded
      if (tagged != null) {
        hub.publish(tagged);
      }
    } catch (RuntimeException e) {
      // A record that decodes but cannot be shown must not stop the stream for everyone.
      LOG.warn(
          "live stream skips record {}-{}@{}: {}",
          r.topic(),
          r.partition(),
          r.offset(),
          e.toString());
    }
  }

  private void setState(String newState) {
    if (!newState.equals(state)) {
      state = newState;
      hub.status(newState.startsWith("waiting") ? "waiting" : newState);
    }
  }

  private void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /** Stops the reader and waits for it (a few seconds at most). */
  @Override
  public void close() {
    closed = true;
    state = "stopped";
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      thread.join(Duration.ofSeconds(3).toMillis());
      if (thread.isAlive()) {
        thread.interrupt(); // e.g. pausing before a retry
        thread.join(Duration.ofSeconds(7).toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
