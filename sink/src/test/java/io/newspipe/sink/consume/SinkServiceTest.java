package io.newspipe.sink.consume;

import static io.newspipe.testkit.Fixtures.tag;
import static io.newspipe.testkit.Fixtures.tagged;
import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.schemas.DeadLetters;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.TopicSet;
import io.newspipe.store.ArticleStore;
import io.newspipe.store.ArticleWrites;
import io.newspipe.store.SqliteStore;
import io.newspipe.store.StoreException;
import io.newspipe.store.StoredArticle;
import io.newspipe.store.StoredTag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink's consume loop against Kafka's mock clients and a real SQLite file: decisions only (what
 * is stored, dead-lettered, where reading starts). The real broker is exercised by SinkServiceIT.
 */
class SinkServiceTest {

  private static final String GROUP = "sink-test";
  private static final TopicSet TOPICS = TopicSet.DEFAULT.withNamespace("unit");
  private static final TopicPartition P0 = new TopicPartition(TOPICS.tagged().name(), 0);

  @TempDir Path dir;
  private SqliteStore sqlite;
  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

  @BeforeEach
  void open() {
    sqlite = SqliteStore.open(dir.resolve("sink.db"));
    Node node = new Node(0, "localhost", 9092);
    consumer.updatePartitions(
        P0.topic(),
        List.of(new PartitionInfo(P0.topic(), 0, node, new Node[] {node}, new Node[] {node})));
    consumer.updateBeginningOffsets(Map.of(P0, 0L));
  }

  @AfterEach
  void close() {
    sqlite.close();
  }

  @Test
  void shouldStoreGoodRecordsAndDeadLetterUndecodableOnesWithReasons() {
    byte[] junk = "not avro".getBytes(StandardCharsets.UTF_8);
    deliver(
        record(0, "a0", encode(tagged("a0", 1, "Captagon seized", tag("narcotics", 3)))),
        record(1, "bad", junk),
        record(2, "a2", encode(tagged("a2", 1, "Election meddling"))),
        record(3, "gone", null));

    SinkService sink = service(sqlite);
    sink.runUntilIdle(Duration.ofMillis(50));

    assertThat(sqlite.article("a0").map(StoredArticle::tags).orElseThrow())
        .extracting(StoredTag::tagId)
        .containsExactly("narcotics");
    assertThat(sqlite.article("a2")).isPresent();
    assertThat(sqlite.articleCount()).isEqualTo(2);
    assertThat(sqlite.offsets(GROUP)).isEqualTo(Map.of(P0, 4L));
    assertThat(sink.stored()).isEqualTo(2);
    assertThat(sink.deadLettered()).isEqualTo(2);

    List<ProducerRecord<byte[], byte[]>> dlq = producer.history();
    assertThat(dlq).extracting(ProducerRecord::topic).containsOnly(TOPICS.dlq().name());
    assertThat(dlq.get(0).value()).isEqualTo(junk);
    assertThat(new String(dlq.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("bad");
    assertThat(DeadLetters.get(dlq.get(0).headers(), DeadLetters.STAGE)).isEqualTo("sink");
    assertThat(DeadLetters.get(dlq.get(0).headers(), DeadLetters.SOURCE_OFFSET)).isEqualTo("1");
    assertThat(DeadLetters.get(dlq.get(0).headers(), DeadLetters.MESSAGE))
        .contains("not an Avro single-object encoded record");
    assertThat(DeadLetters.get(dlq.get(1).headers(), DeadLetters.MESSAGE)).contains("tombstone");
    assertThat(consumer.committed(java.util.Set.of(P0)))
        .as("the offsets the store holds, committed to Kafka for lag tools")
        .isEqualTo(Map.of(P0, new OffsetAndMetadata(4L)));
    sink.close();
    assertThat(consumer.closed()).isTrue();
  }

  @Test
  void shouldStartFromTheStoredOffsetsOnceTheStoreCanBeReadAgain() {
    sqlite.write(List.of(), GROUP, Map.of(P0, 2L)); // offsets 0 and 1 were stored earlier
    FlakyOffsets store = new FlakyOffsets(sqlite, 1);
    deliver(
        record(0, "a0", encode(tagged("a0", 1, "Zero"))),
        record(1, "a1", encode(tagged("a1", 1, "One"))),
        record(2, "a2", encode(tagged("a2", 1, "Two"))),
        record(3, "a3", encode(tagged("a3", 1, "Three"))));

    SinkService sink = service(store);
    sink.runUntilIdle(Duration.ofMillis(50));

    assertThat(store.failures.get()).isEqualTo(1);
    assertThat(sqlite.article("a0")).isEmpty();
    assertThat(sqlite.article("a1")).isEmpty();
    assertThat(sqlite.article("a2")).isPresent();
    assertThat(sqlite.article("a3")).isPresent();
    assertThat(sqlite.offsets(GROUP)).isEqualTo(Map.of(P0, 4L));
    sink.close();
  }

  private SinkService service(ArticleWrites store) {
    return new SinkService(
        consumer,
        producer,
        TOPICS,
        store,
        GROUP,
        new Backoff(Duration.ofMillis(10), Duration.ofMillis(20)));
  }

  /** Assigns P0 and hands it the records inside the first poll, as a broker would. */
  @SafeVarargs
  private void deliver(ConsumerRecord<byte[], byte[]>... records) {
    consumer.updateEndOffsets(Map.of(P0, (long) records.length));
    consumer.schedulePollTask(
        () -> {
          consumer.rebalance(List.of(P0));
          for (ConsumerRecord<byte[], byte[]> r : records) {
            consumer.addRecord(r);
          }
        });
  }

  private static ConsumerRecord<byte[], byte[]> record(long offset, String key, byte[] value) {
    return new ConsumerRecord<>(P0.topic(), 0, offset, key.getBytes(StandardCharsets.UTF_8), value);
  }

  private static byte[] encode(TaggedArticle article) {
    return TOPICS.tagged().valueSerde().serializer().serialize(TOPICS.tagged().name(), article);
  }

  /** The real store, except that reading offsets fails the first {@code n} times. */
  private static final class FlakyOffsets extends ForwardingStore {
    private final int failFirst;
    final AtomicInteger failures = new AtomicInteger();

    FlakyOffsets(ArticleStore delegate, int failFirst) {
      super(delegate);
      this.failFirst = failFirst;
    }

    @Override
    public Map<TopicPartition, Long> offsets(String group) {
      if (failures.get() < failFirst) {
        failures.incrementAndGet();
        throw new StoreException("database is locked (simulated)", null);
      }
      return super.offsets(group);
    }
  }
}
