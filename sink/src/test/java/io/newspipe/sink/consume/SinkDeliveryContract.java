package io.newspipe.sink.consume;

import static io.newspipe.testkit.Articles.builder;
import static io.newspipe.testkit.Articles.tag;
import static io.newspipe.testkit.Articles.tagged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.TopicSet;
import io.newspipe.store.ArticleStore;
import io.newspipe.store.SearchHit;
import io.newspipe.store.SearchQuery;
import io.newspipe.store.StoredArticle;
import io.newspipe.store.StoredTag;
import io.newspipe.testkit.KafkaClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exactly-once delivery from a real broker into a real database, the same for every dialect: a
 * subclass only supplies an empty store. Kafka offsets are never committed, so a sink that dies
 * right after a database commit has had no chance to tell Kafka anything.
 */
abstract class SinkDeliveryContract {

  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  private static final Duration IDLE = Duration.ofMillis(500);

  private TopicSet topics;
  private String group;
  protected ArticleStore store;

  /** A freshly migrated store holding nothing. */
  protected abstract ArticleStore emptyStore();

  @BeforeEach
  void setUp(TestInfo test) {
    String name = getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName();
    topics = KAFKA.topics(name);
    group = "it-" + name;
    store = emptyStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void shouldStoreEachArticleOnceAtItsLatestVersionWhenKilledRightAfterADatabaseCommit() {
    int records = 0;
    for (int i = 1; i <= 30; i++) {
      KAFKA.produce(topics.tagged(), "a" + i, version("a" + i, 1, "narcotics"));
      records++;
      if (i <= 10) {
        KAFKA.produce(topics.tagged(), "a" + i, version("a" + i, 2, "espionage"));
        records++;
      }
    }

    // Small polls, so the crash lands mid-stream with records before and after it.
    Map<String, Object> smallPolls = new HashMap<>(KAFKA.consumerProps(group));
    smallPolls.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 4);
    CrashAfterWrites crashing = new CrashAfterWrites(store, 3);
    SinkService first = new SinkService(smallPolls, topics, crashing, group);
    String offsetsKey = first.offsetsKey();
    assertThatThrownBy(() -> first.runUntilIdle(IDLE)).isInstanceOf(SimulatedCrash.class);
    first.close(); // releases the consumer without committing anything
    long beforeRestart = store.articleCount();
    assertThat(beforeRestart).as("the crash came mid-stream").isBetween(1L, 29L);

    try (SinkService second = new SinkService(KAFKA.consumerProps(group), topics, store, group)) {
      second.runUntilIdle(IDLE);
      assertThat(crashing.recordsCommitted() + second.stored())
          .as("no record was stored twice or skipped")
          .isEqualTo(records);
    }

    assertThat(store.articleCount()).isEqualTo(30);
    for (int i = 1; i <= 30; i++) {
      StoredArticle a = store.article("a" + i).orElseThrow();
      int latest = i <= 10 ? 2 : 1;
      assertThat(a.version()).as("version of a%d", i).isEqualTo(latest);
      assertThat(a.tags())
          .extracting(StoredTag::tagId)
          .containsExactly(latest == 2 ? "espionage" : "narcotics");
      assertThat(store.versionCount("a" + i)).isEqualTo(latest);
    }
    assertThat(store.offsets(offsetsKey).values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(records);
    // Kafka gets the same offsets after each database commit, for lag tools; a kill between the two
    // leaves Kafka behind, never ahead: the store stays the source of truth on restart.
    Map<TopicPartition, Long> inStore = store.offsets(offsetsKey);
    kafkaCommittedOffsets()
        .forEach(
            (tp, committed) ->
                assertThat(committed.offset())
                    .as("Kafka's committed offset of %s, never ahead of the store's", tp)
                    .isLessThanOrEqualTo(inStore.getOrDefault(tp, 0L)));
  }

  @Test
  void shouldChangeNothingWhenTheSameTaggedRecordsAreFedTwice() {
    List<TaggedArticle> records = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      records.add(version("a" + i, 1, "narcotics"));
    }
    records.forEach(r -> KAFKA.produce(topics.tagged(), r.getArticle().getId(), r));
    drain();
    List<Optional<StoredArticle>> before = snapshot();
    List<SearchHit> hitsBefore = store.search(SearchQuery.of("report"));

    records.forEach(r -> KAFKA.produce(topics.tagged(), r.getArticle().getId(), r));
    long stored = drain();

    assertThat(stored)
        .as("the duplicates were read and written, and nothing stored before was read again")
        .isEqualTo(6);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(store.articleCount()).isEqualTo(6);
    for (int i = 1; i <= 6; i++) {
      assertThat(store.versionCount("a" + i)).isEqualTo(1);
    }
    assertThat(store.search(SearchQuery.of("report"))).isEqualTo(hitsBefore).hasSize(6);
  }

  @Test
  void shouldIgnoreOffsetsTheStoreKeptFromAnotherKafkaCluster() {
    // A store that outlived its Kafka (a new cluster, a wiped data/kafka) holds positions of
    // logs that no longer exist; seeking to them would skip this cluster's first records.
    for (int i = 1; i <= 6; i++) {
      KAFKA.produce(topics.tagged(), "a" + i, version("a" + i, 1, "narcotics"));
    }
    // Positions inside this cluster's logs (its end offsets), as an older cluster could leave.
    Map<TopicPartition, Long> stale = endOffsets();
    store.write(List.of(), group, stale);
    store.write(List.of(), group + "@another-cluster", stale);

    long stored = drain();

    assertThat(stored).isEqualTo(6);
    assertThat(store.articleCount()).isEqualTo(6);
  }

  @Test
  void shouldKeepVersionTwoWhenVersionOneArrivesAfterIt() {
    KAFKA.produce(topics.tagged(), "a1", version("a1", 2, "espionage"));
    KAFKA.produce(topics.tagged(), "a1", version("a1", 1, "narcotics"));

    drain();

    StoredArticle a = store.article("a1").orElseThrow();
    assertThat(a.version()).isEqualTo(2);
    assertThat(a.headline()).isEqualTo("Report a1, version 2");
    assertThat(a.tags()).extracting(StoredTag::tagId).containsExactly("espionage");
    assertThat(store.versionCount("a1")).as("the late version 1 is in the history").isEqualTo(2);
    assertThat(store.search(SearchQuery.of("report")))
        .singleElement()
        .satisfies(h -> assertThat(h.version()).isEqualTo(2));
  }

  private Map<TopicPartition, Long> endOffsets() {
    Map<String, Object> props = new HashMap<>(KAFKA.consumerProps(group + "-probe"));
    try (var consumer =
        new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(
            props,
            new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(topics.tagged().name())
          .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      return new HashMap<>(consumer.endOffsets(partitions));
    }
  }

  private long drain() {
    try (SinkService sink = new SinkService(KAFKA.consumerProps(group), topics, store, group)) {
      sink.runUntilIdle(IDLE);
      return sink.stored();
    }
  }

  private List<Optional<StoredArticle>> snapshot() {
    List<Optional<StoredArticle>> all = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      all.add(store.article("a" + i));
    }
    return all;
  }

  private Map<TopicPartition, OffsetAndMetadata> kafkaCommittedOffsets() {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
      return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static TaggedArticle version(String id, int version, String tagId) {
    String headline = "Report " + id + ", version " + version;
    return tagged(
        builder(id, headline, "Body of " + headline).setVersion(version).build(), tag(tagId));
  }

  /** Thrown where a real process would have died. An Error, so the sink does not catch it. */
  static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedCrash() {
      super("simulated crash after a database commit, before anything else");
    }
  }

  /** The real store; the n-th write commits and then the process "dies". */
  static final class CrashAfterWrites extends ForwardingStore {
    private final int crashOnWrite;
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger records = new AtomicInteger();

    CrashAfterWrites(ArticleStore delegate, int crashOnWrite) {
      super(delegate);
      this.crashOnWrite = crashOnWrite;
    }

    @Override
    public void write(
        List<TaggedArticle> batch, String group, Map<TopicPartition, Long> nextOffsets) {
      super.write(batch, group, nextOffsets);
      records.addAndGet(batch.size());
      if (writes.incrementAndGet() == crashOnWrite) {
        throw new SimulatedCrash();
      }
    }

    /** Records whose transaction committed, the crashing one included. */
    int recordsCommitted() {
      return records.get();
    }
  }
}
