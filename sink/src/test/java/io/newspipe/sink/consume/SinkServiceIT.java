package io.newspipe.sink.consume;

import static io.newspipe.testkit.Articles.article;
import static io.newspipe.testkit.Articles.tag;
import static io.newspipe.testkit.Articles.tagged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newspipe.schemas.DeadLetters;
import io.newspipe.schemas.TopicSet;
import io.newspipe.store.SqliteStore;
import io.newspipe.store.StoredTag;
import io.newspipe.testkit.KafkaClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The sink against a real in-JVM Kafka broker and a real SQLite file. */
class SinkServiceIT {

  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  private static final Duration IDLE = Duration.ofMillis(500);

  @TempDir Path dir;
  private TopicSet topics;
  private Path db;
  private SqliteStore store;
  private final ExecutorService background = Executors.newSingleThreadExecutor();

  @BeforeEach
  void setUp(TestInfo test) {
    topics = KAFKA.topics("sink-" + test.getTestMethod().orElseThrow().getName());
    db = dir.resolve("newspipe.db");
    store = SqliteStore.open(db);
  }

  @AfterEach
  void tearDown() {
    background.shutdownNow();
    store.close();
  }

  @Test
  void shouldStoreTaggedArticlesWithTagsUntilClosed() throws Exception {
    KAFKA.produce(
        topics.tagged(), "a1", tagged(article("a1", "Captagon seized", "Body"), tag("narcotics")));
    KAFKA.produce(topics.tagged(), "a2", tagged(article("a2", "Election meddling", "Body")));

    SinkService sink = sink("it-store");
    Future<?> running = background.submit(sink::run);
    await().atMost(Duration.ofSeconds(30)).until(() -> store.articleCount() == 2);
    sink.close();

    running.get(10, TimeUnit.SECONDS); // run() returned normally after close()
    assertThat(store.tags("a1")).extracting(StoredTag::tagId).containsExactly("narcotics");
    assertThat(store.offsets(sink.offsetsKey()).values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(2);
    assertThat(sink.stored()).isEqualTo(2);
  }

  @Test
  void shouldDeadLetterAPoisonRecordAndStoreTheNextGoodOne() {
    byte[] key = "a1".getBytes(StandardCharsets.UTF_8);
    byte[] junk = "definitely not avro".getBytes(StandardCharsets.UTF_8);
    KAFKA.produceRaw(topics.tagged().name(), key, junk);
    KAFKA.produce(topics.tagged(), "a1", tagged(article("a1", "Captagon seized", "Body")));

    String offsetsKey;
    try (SinkService sink = sink("it-poison")) {
      sink.runUntilIdle(IDLE);
      assertThat(sink.deadLettered()).isEqualTo(1);
      offsetsKey = sink.offsetsKey();
    }

    assertThat(store.article("a1")).isPresent();
    var dead = KAFKA.consume(topics.dlq(), 1, Duration.ofSeconds(20));
    assertThat(dead).hasSize(1);
    ConsumerRecord<byte[], byte[]> letter = dead.get(0);
    assertThat(letter.key()).isEqualTo(key);
    assertThat(letter.value()).isEqualTo(junk);
    assertThat(DeadLetters.get(letter.headers(), DeadLetters.STAGE)).isEqualTo("sink");
    assertThat(DeadLetters.get(letter.headers(), DeadLetters.SOURCE_TOPIC))
        .isEqualTo(topics.tagged().name());
    assertThat(DeadLetters.get(letter.headers(), DeadLetters.SOURCE_OFFSET)).isEqualTo("0");
    assertThat(DeadLetters.get(letter.headers(), DeadLetters.EXCEPTION)).isNotBlank();
    assertThat(store.offsets(offsetsKey).values()).containsExactly(2L);
  }

  @Test
  void shouldStoreEachArticleExactlyOnceWhenRestartedWithoutAnyKafkaCommit() throws Exception {
    for (int i = 1; i <= 3; i++) {
      KAFKA.produce(topics.tagged(), "a" + i, tagged(article("a" + i, "First " + i, "Body")));
    }
    try (SinkService first = sink("it-restart")) {
      first.runUntilIdle(IDLE);
      assertThat(first.stored()).isEqualTo(3);
    }
    for (int i = 4; i <= 5; i++) {
      KAFKA.produce(topics.tagged(), "a" + i, tagged(article("a" + i, "Later " + i, "Body")));
    }

    String restartKey;
    try (SinkService second = sink("it-restart")) {
      second.runUntilIdle(IDLE);
      restartKey = second.offsetsKey();
      assertThat(second.stored()).as("only what the store lacked is read again").isEqualTo(2);
    }

    assertThat(store.articleCount()).isEqualTo(5);
    for (int i = 1; i <= 5; i++) {
      assertThat(store.versionCount("a" + i)).isEqualTo(1);
    }
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
      var committed =
          admin.listConsumerGroupOffsets("it-restart").partitionsToOffsetAndMetadata().get();
      // The store decides where a restart resumes; Kafka gets the same offsets after each database
      // commit (for lag tools), and a clean close leaves the two equal.
      Map<TopicPartition, Long> mirrored = new HashMap<>();
      committed.forEach((tp, o) -> mirrored.put(tp, o.offset()));
      assertThat(mirrored).isEqualTo(store.offsets(restartKey));
    }
  }

  @Test
  void shouldRetryWhileTheDatabaseIsLockedAndThenStoreEverythingOnce() throws Exception {
    store.close();
    store = SqliteStore.open(db, Duration.ofMillis(100));
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement lock = other.createStatement()) {
      lock.execute("BEGIN EXCLUSIVE"); // another process holding the write lock
      KAFKA.produce(topics.tagged(), "a1", tagged(article("a1", "One", "Body")));
      KAFKA.produce(topics.tagged(), "a2", tagged(article("a2", "Two", "Body")));

      SinkService sink = sink("it-locked");
      Future<?> running = background.submit(sink::run);
      Thread.sleep(2_000); // long enough to join, poll and fail several writes

      assertThat(store.articleCount()).isZero();
      assertThat(store.offsets(sink.offsetsKey())).isEmpty();
      lock.execute("ROLLBACK");

      await().atMost(Duration.ofSeconds(30)).until(() -> store.articleCount() == 2);
      sink.close();
      running.get(10, TimeUnit.SECONDS);
      assertThat(sink.stored()).isEqualTo(2);
      assertThat(
              store.offsets(sink.offsetsKey()).values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(2);
    }
  }

  private SinkService sink(String group) {
    return new SinkService(KAFKA.consumerProps(group), topics, store, group);
  }
}
