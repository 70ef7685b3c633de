package io.newspipe.testkit;

import io.newspipe.schemas.Topic;
import io.newspipe.schemas.TopicProvisioner;
import io.newspipe.schemas.TopicSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real single-node KRaft Kafka cluster (Kafka's own {@code KafkaClusterTestKit}) for integration
 * tests, started once per test JVM and shared by every test class:
 *
 * <pre>{@code
 * @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();
 *
 * @Test void shouldTagArticles() {
 *   TopicSet topics = KAFKA.topics("shouldTagArticles"); // unique, created, 3 partitions each
 *   KAFKA.produce(topics.raw(), "a1", Articles.article("a1", "Headline", "Body"));
 *   ...
 *   assertThat(KAFKA.consume(topics.tagged(), 1, Duration.ofSeconds(30))).hasSize(1);
 * }
 * }</pre>
 *
 * Tests isolate themselves by topic namespace, not by cluster, so the broker starts once (a few
 * seconds) rather than once per class. The broker supports transactions and exactly-once Streams
 * and, as in production, does not auto-create topics.
 */
public final class KafkaClusterExtension implements BeforeAllCallback {

  private static final int PARTITIONS = 3;
  private static final short REPLICATION = 1;
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
  private static final AtomicInteger COUNTER = new AtomicInteger();

  @Override
  public void beforeAll(ExtensionContext context) {
    // Registering in the root store makes JUnit close the cluster when the whole run ends.
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(KafkaClusterExtension.class))
        .computeIfAbsent(SharedCluster.class, k -> SharedCluster.get(), SharedCluster.class);
  }

  private static SharedCluster cluster() {
    return SharedCluster.get();
  }

  /** Bootstrap servers of the shared cluster, e.g. {@code localhost:41234}. */
  public String bootstrapServers() {
    return cluster().bootstrap();
  }

  /**
   * A fresh namespace of newspipe topics for one test: the core topics and ingest's state topic are
   * created (3 partitions each); tag topics are not (create them with {@link #createTopics} if
   * needed). The state topic is here because a test that drives a feed poller or a source directly
   * (not through {@code IngestService}, which creates it) would otherwise block each state write
   * for the producer's whole {@code max.block.ms} waiting for a topic that never comes.
   */
  public TopicSet topics(String testName) {
    TopicSet set = TopicSet.DEFAULT.withNamespace(namespace(testName));
    createTopics(set.core().toArray(Topic<?, ?>[]::new));
    createTopics(set.ingestState());
    return set;
  }

  static String namespace(String testName) {
    String base = testName == null ? "" : testName.toLowerCase(Locale.ROOT);
    base = base.replaceAll("[^a-z0-9.-]+", "-").replaceAll("^[.-]+|[.-]+$", "");
    if (base.isEmpty()) {
      base = "test";
    }
    if (base.length() > 80) {
      base = base.substring(0, 80);
    }
    return base + "-" + COUNTER.incrementAndGet();
  }

  /** Creates the topics with 3 partitions and their configs; existing topics are left alone. */
  public void createTopics(Topic<?, ?>... topics) {
    List<NewTopic> requests = new ArrayList<>();
    for (Topic<?, ?> topic : topics) {
      requests.add(new NewTopic(topic.name(), PARTITIONS, REPLICATION).configs(topic.configs()));
    }
    create(requests);
  }

  /** Creates a topic by name; an existing topic is left alone. */
  public void createTopic(String name, int partitions) {
    create(List.of(new NewTopic(name, partitions, REPLICATION)));
  }

  private static void create(List<NewTopic> requests) {
    var results = cluster().admin().createTopics(requests).values();
    for (var entry : results.entrySet()) {
      try {
        entry.getValue().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("could not create topic " + entry.getKey(), e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted creating topic " + entry.getKey(), e);
      } catch (TimeoutException e) {
        throw new IllegalStateException("timed out creating topic " + entry.getKey(), e);
      }
    }
    Set<String> names = requests.stream().map(NewTopic::name).collect(Collectors.toSet());
    // The controller acknowledges creation before the broker can take writes: wait until it can,
    // so a test's first produce or subscribe races neither the metadata update nor KAFKA-15591.
    if (!TopicProvisioner.awaitWritable(cluster().admin(), names)) {
      throw new IllegalStateException("topics " + names + " did not open for writes (log above)");
    }
  }

  /** Client properties for a producer: bootstrap servers only; callers add serializers. */
  public Map<String, Object> producerProps() {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return props;
  }

  /**
   * Client properties for a consumer: bootstrap servers, the group, earliest offset, {@code
   * read_committed}, no auto-commit; callers add deserializers.
   */
  public Map<String, Object> consumerProps(String groupId) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return props;
  }

  /** Sends one record with the topic's serdes and waits until the broker has it. */
  public <K, V> void produce(Topic<K, V> topic, K key, V value) {
    byte[] k = key == null ? null : topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] v =
        value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value);
    produceRaw(topic.name(), k, v);
  }

  /** As {@link #produce}, to the given partition. */
  public <K, V> void produceTo(Topic<K, V> topic, int partition, K key, V value) {
    byte[] k = key == null ? null : topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] v =
        value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value);
    send(new ProducerRecord<>(topic.name(), partition, k, v));
  }

  /** Sends raw bytes (e.g. a poison record) and waits until the broker has them. */
  public void produceRaw(String topic, byte[] key, byte[] value) {
    send(new ProducerRecord<>(topic, key, value));
  }

  private void send(ProducerRecord<byte[], byte[]> record) {
    String topic = record.topic();
    try {
      cluster().producer().send(record).get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      cluster().producer().flush();
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "could not produce to " + topic + " (was it created?)", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted producing to " + topic, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out producing to " + topic, e);
    }
  }

  /**
   * Reads the topic from the beginning with a fresh {@code read_committed} consumer until at least
   * {@code atLeast} records arrived or the timeout passed, and returns what it read. It never
   * throws on timeout: assert on the result.
   */
  public <K, V> List<ConsumerRecord<K, V>> consume(
      Topic<K, V> topic, int atLeast, Duration timeout) {
    return fromBeginning(
        topic,
        timeout,
        (consumer, partitions, deadline, records) -> {
          while (records.size() < atLeast && System.nanoTime() < deadline) {
            long leftMs = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            consumer.poll(Duration.ofMillis(Math.min(leftMs, 200))).forEach(records::add);
          }
        });
  }

  /**
   * Reads the topic from the beginning with a fresh {@code read_committed} consumer up to its end
   * as of the call (the last stable offset of each partition), and returns what it read: everything
   * committed so far, without waiting out a timeout for records that will never come. Use it with
   * {@code await()} when polling for a record to appear; use {@link #consume} to wait for a count.
   *
   * @throws IllegalStateException if the end is not reached within the timeout
   */
  public <K, V> List<ConsumerRecord<K, V>> consumeToEnd(Topic<K, V> topic, Duration timeout) {
    return fromBeginning(
        topic,
        timeout,
        (consumer, partitions, deadline, records) -> {
          // Under read_committed, endOffsets are the last stable offsets: the end of what is
          // committed.
          Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
          while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            if (System.nanoTime() > deadline) {
              throw new IllegalStateException(
                  "did not read " + topic.name() + " to its end " + ends + " within " + timeout);
            }
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
          }
        });
  }

  /** How a read from the beginning polls, and when it stops. */
  private interface ReadLoop<K, V> {
    void read(
        KafkaConsumer<K, V> consumer,
        List<TopicPartition> partitions,
        long deadline,
        List<ConsumerRecord<K, V>> records);
  }

  private <K, V> List<ConsumerRecord<K, V>> fromBeginning(
      Topic<K, V> topic, Duration timeout, ReadLoop<K, V> loop) {
    Map<String, Object> props = consumerProps("newspipe-testkit-" + COUNTER.incrementAndGet());
    List<ConsumerRecord<K, V>> records = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<K, V> consumer =
        new KafkaConsumer<>(
            props, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      // Assigning all partitions (instead of subscribing) skips the group join: faster, and the
      // records seen are the same.
      List<TopicPartition> partitions = partitions(consumer, topic.name(), deadline);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      loop.read(consumer, partitions, deadline, records);
    }
    return records;
  }

  private static List<TopicPartition> partitions(
      KafkaConsumer<?, ?> consumer, String topic, long deadline) {
    while (true) {
      List<PartitionInfo> infos;
      try {
        infos = consumer.partitionsFor(topic, Duration.ofSeconds(2));
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        infos = List.of();
      }
      if (!infos.isEmpty() || System.nanoTime() > deadline) {
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      }
      sleep(50);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
