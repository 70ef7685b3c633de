package io.newspipe.bench;

import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.TopicProvisioner;
import io.newspipe.schemas.TopicSet;
import io.newspipe.store.ArticleStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/** What this machine can do at best, measured in the same run: Kafka, Streams, the store. */
final class Ceilings {

  private Ceilings() {}

  /**
   * Produces {@code n} records of {@code size} random bytes to a new 3-partition topic and reads
   * them back with a consumer running at the same time; the time runs from the first send to the
   * last record read.
   */
  static Figure kafka(Map<String, Object> client, String topic, int n, int size) throws Exception {
    createTopics(client, topic);
    byte[][] values = new byte[64][];
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < values.length; i++) {
      values[i] = new byte[size];
      for (int j = 0; j < size; j++) {
        values[i][j] = (byte) (' ' + random.nextInt(90)); // text-like: compresses like text
      }
    }
    Map<String, Object> producerProps = new HashMap<>(client);
    producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    producerProps.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    producerProps.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    AtomicLong read = new AtomicLong();
    Thread reader =
        new Thread(() -> drain(client, topic, n, read, "read_uncommitted"), "bench-read");
    long start = System.nanoTime();
    reader.start();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < n; i++) {
        producer.send(
            new ProducerRecord<>(topic, Integer.toString(i).getBytes(), values[i % values.length]));
      }
      producer.flush();
    }
    reader.join(TimeUnit.MINUTES.toMillis(5));
    double seconds = (System.nanoTime() - start) / 1e9;
    check(read.get(), n, "Kafka produce-consume");
    return new Figure("ceiling", "Kafka produce->consume", n, (long) n * size, seconds);
  }

  /**
   * A Kafka Streams application with exactly_once_v2 copying {@code from} (already holding {@code
   * n} records) to a new topic; from its start until a read_committed consumer has seen all {@code
   * n}.
   */
  static Figure streams(Map<String, Object> client, String from, int n, long bytes, String stateDir)
      throws Exception {
    String to = from + ".copy";
    createTopics(client, to);
    Properties props = new Properties();
    props.putAll(client);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-passthrough");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(from, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .to(to, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
    AtomicLong read = new AtomicLong();
    Thread reader = new Thread(() -> drain(client, to, n, read, "read_committed"), "bench-read");
    reader.start();
    long start = System.nanoTime();
    try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
      streams.start();
      reader.join(TimeUnit.MINUTES.toMillis(5));
      double seconds = (System.nanoTime() - start) / 1e9;
      check(read.get(), n, "Streams passthrough");
      streams.close(Duration.ofSeconds(30));
      return new Figure("ceiling", "Streams EOS v2 passthrough (incl. start)", n, bytes, seconds);
    }
  }

  /**
   * Reads every tagged article of {@code topics} and writes them to {@code store} in batches of
   * 500, the size of a full poll; only the time inside the store's writes is counted.
   */
  static Figure store(
      Map<String, Object> client, TopicSet topics, ArticleStore store, int n, long bytes) {
    Deserializer<TaggedArticle> decoder = topics.tagged().valueSerde().deserializer();
    long inStore = 0;
    long written = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(client, "read_committed")) {
      List<TopicPartition> partitions = partitions(consumer, topics.tagged().name());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      List<TaggedArticle> batch = new ArrayList<>();
      while (!caughtUp(consumer, ends)) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          batch.add(decoder.deserialize(r.topic(), r.value()));
          if (batch.size() == 500) {
            inStore += timedWrite(store, batch);
            written += batch.size();
            batch.clear();
          }
        }
      }
      inStore += timedWrite(store, batch);
      written += batch.size();
    }
    check(written, n, "store bulk insert");
    return new Figure(
        "ceiling", "store bulk insert with search index", written, bytes, inStore / 1e9);
  }

  private static long timedWrite(ArticleStore store, List<TaggedArticle> batch) {
    long start = System.nanoTime();
    store.write(batch, "bench-bulk", Map.of());
    return System.nanoTime() - start;
  }

  private static void drain(
      Map<String, Object> client, String topic, int n, AtomicLong read, String isolation) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(client, isolation)) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (read.get() < n && System.nanoTime() < deadline) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
        read.addAndGet(records.count());
      }
    }
  }

  static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> client, String isolation) {
    Map<String, Object> props = new HashMap<>(client);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** The partitions of {@code topic}, waiting for a topic just created to show in the metadata. */
  static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      if (!partitions.isEmpty() || System.nanoTime() > deadline) {
        return partitions;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return partitions;
      }
    }
  }

  private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private static void createTopics(Map<String, Object> client, String... names) throws Exception {
    try (Admin admin = Admin.create(client)) {
      List<NewTopic> topics = new ArrayList<>();
      for (String name : names) {
        topics.add(new NewTopic(name, 3, (short) 1));
      }
      admin.createTopics(topics).all().get(1, TimeUnit.MINUTES);
      TopicProvisioner.awaitWritable(admin, List.of(names));
    }
  }

  static void check(long got, long expected, String what) {
    if (got != expected) {
      throw new IllegalStateException(what + ": expected " + expected + ", got " + got);
    }
  }
}
