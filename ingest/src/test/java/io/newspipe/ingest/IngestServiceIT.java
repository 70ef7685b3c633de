package io.newspipe.ingest;

import static io.newspipe.ingest.Fixtures.CLOCK;
import static io.newspipe.ingest.Fixtures.NOW;
import static io.newspipe.ingest.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.ingest.IngestConfig.DirectorySpec;
import io.newspipe.ingest.format.ArticleIds;
import io.newspipe.ingest.format.ParseException;
import io.newspipe.ingest.publish.ArticlePublisher;
import io.newspipe.ingest.source.SourceSettings;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.DeadLetters;
import io.newspipe.schemas.TopicSet;
import io.newspipe.testkit.KafkaClusterExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Directories to Kafka through a real broker. */
class IngestServiceIT {

  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  private IngestConfig config() {
    return IngestConfig.ofDirectories(List.of(new DirectorySpec("it", dir)))
        .withSettings(
            SourceSettings.DEFAULTS
                .withSettleTime(Duration.ofMillis(200))
                .withRescanInterval(Duration.ofSeconds(1)));
  }

  private static final InputStream NO_STDIN = InputStream.nullInputStream();

  @Test
  void shouldImportSeedAndFeedWithDeterministicKeysAndPublicationTimestamps() throws Exception {
    TopicSet topics = KAFKA.topics("ingestImport");
    Files.copy(Fixtures.SEED, dir.resolve("blinken-meets-xi.txt"));
    Files.write(dir.resolve("wire.xml"), bytes("rss2-feed.xml"));

    IngestSummary first;
    IngestSummary second;
    try (ArticlePublisher publisher = new ArticlePublisher(KAFKA.producerProps(), topics)) {
      first = new IngestService(config(), publisher, CLOCK, NO_STDIN).runOnce();
    }
    try (ArticlePublisher publisher = new ArticlePublisher(KAFKA.producerProps(), topics)) {
      second = new IngestService(config(), publisher, Clock.systemUTC(), NO_STDIN).runOnce();
    }

    assertThat(first.filesRead()).isEqualTo(2);
    assertThat(first.published()).isEqualTo(3);
    assertThat(first.deadLettered()).isZero();
    assertThat(second.filesRead()).as("unchanged files are not read again").isZero();
    assertThat(second.published()).isZero();
    List<ConsumerRecord<String, Article>> records =
        KAFKA.consume(topics.raw(), 4, Duration.ofSeconds(3));
    assertThat(records).hasSize(3);
    Map<String, List<Long>> timestampsByKey =
        records.stream()
            .collect(
                Collectors.groupingBy(
                    ConsumerRecord::key,
                    Collectors.mapping(ConsumerRecord::timestamp, Collectors.toList())));
    String seizure = ArticleIds.forFeedItem("it", "fixture-wire-0001", null, null, null);
    String rates =
        ArticleIds.forFeedItem("it", null, "https://wire.example.org/2025/03/rates", null, null);
    assertThat(timestampsByKey)
        .as("the first run's keys, each once")
        .containsOnlyKeys("it:blinken-meets-xi.txt", seizure, rates);
    assertThat(timestampsByKey.get(seizure))
        .containsOnly(Instant.parse("2025-03-14T09:30:00Z").toEpochMilli());
    assertThat(timestampsByKey.get(rates))
        .containsOnly(Instant.parse("2025-03-13T15:05:00Z").toEpochMilli());
    assertThat(timestampsByKey.get("it:blinken-meets-xi.txt"))
        .as("the seed states no time: the first run's receivedAt")
        .contains(NOW.toEpochMilli());
    assertThat(records)
        .allSatisfy(r -> assertThat(r.value().getId()).isEqualTo(r.key()))
        .anySatisfy(
            r ->
                assertThat(r.value().getHeadline())
                    .isEqualTo("Blinken Meets China’s President Xi"));
  }

  @Test
  void shouldPublishAFileDroppedWhileWatchingWithinFiveSeconds() throws Exception {
    TopicSet topics = KAFKA.topics("ingestWatch");
    Files.write(dir.resolve("first.txt"), bytes("harbour-strike.txt"));

    try (ArticlePublisher publisher = new ArticlePublisher(KAFKA.producerProps(), topics)) {
      IngestService service = new IngestService(config(), publisher, CLOCK, NO_STDIN);
      Thread runner =
          new Thread(
              () -> {
                try {
                  service.run();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              },
              "ingest-run");
      runner.start();
      try {
        assertThat(KAFKA.consume(topics.raw(), 1, WAIT)).hasSize(1); // imported, now watching

        Path staged = dir.resolve(".dropped.txt.part");
        Files.write(staged, bytes("council-budget.md"));
        long dropped = System.nanoTime();
        Files.move(staged, dir.resolve("dropped.md"), StandardCopyOption.ATOMIC_MOVE);

        List<ConsumerRecord<String, Article>> records =
            KAFKA.consume(topics.raw(), 2, Duration.ofSeconds(5));
        Duration took = Duration.ofNanos(System.nanoTime() - dropped);

        assertThat(records).extracting(ConsumerRecord::key).contains("it:dropped.md");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
      } finally {
        service.close();
        runner.join(5_000);
      }
      assertThat(runner.isAlive()).as("run() returned after close()").isFalse();
    }
  }

  @Test
  void shouldDeadLetterAnUnparseableFileWithReasonAndBytesWhileGoodFilesArrive() throws Exception {
    TopicSet topics = KAFKA.topics("ingestDeadLetter");
    Path broken = Files.write(dir.resolve("broken-feed.xml"), bytes("broken-feed.xml"));
    Files.write(dir.resolve("good.txt"), bytes("harbour-strike.txt"));

    IngestSummary summary;
    try (ArticlePublisher publisher = new ArticlePublisher(KAFKA.producerProps(), topics)) {
      summary = new IngestService(config(), publisher, CLOCK, NO_STDIN).runOnce();
    }

    assertThat(summary.deadLettered()).isEqualTo(1);
    assertThat(summary.filesRejected()).isEqualTo(1);
    assertThat(summary.published()).isEqualTo(1);
    assertThat(KAFKA.consume(topics.raw(), 1, WAIT))
        .extracting(ConsumerRecord::key)
        .containsExactly("it:good.txt");
    List<ConsumerRecord<byte[], byte[]>> dead = KAFKA.consume(topics.dlq(), 1, WAIT);
    assertThat(dead).hasSize(1);
    ConsumerRecord<byte[], byte[]> letter = dead.get(0);
    assertThat(letter.value()).isEqualTo(bytes("broken-feed.xml"));
    String source = broken.toAbsolutePath().toString();
    assertThat(DeadLetters.get(letter.headers(), DeadLetters.SOURCE)).isEqualTo(source);
    assertThat(DeadLetters.get(letter.headers(), DeadLetters.STAGE)).isEqualTo("ingest");
    assertThat(DeadLetters.get(letter.headers(), DeadLetters.EXCEPTION))
        .isEqualTo(ParseException.class.getName());
    assertThat(DeadLetters.get(letter.headers(), DeadLetters.MESSAGE))
        .contains(source)
        .contains("not a readable RSS or Atom feed");
  }

  @Test
  void shouldDeadLetterAnArticleTooLargeForAKafkaRecordAndKeepGoing() throws Exception {
    TopicSet topics = KAFKA.topics("ingestTooLarge");
    String paragraph = "The harbour strike entered its third week on Monday. ".repeat(20);
    String huge = "A very long dispatch\n\n" + (paragraph + "\n\n").repeat(3_000); // ~3 MB
    Files.writeString(dir.resolve("huge.txt"), huge);
    Files.write(dir.resolve("good.txt"), bytes("harbour-strike.txt"));

    IngestSummary summary;
    try (ArticlePublisher publisher = new ArticlePublisher(KAFKA.producerProps(), topics)) {
      summary = new IngestService(config(), publisher, CLOCK, NO_STDIN).runOnce();
    }

    assertThat(summary.published()).isEqualTo(1);
    assertThat(summary.deadLettered()).isEqualTo(1);
    assertThat(KAFKA.consume(topics.raw(), 1, WAIT))
        .extracting(ConsumerRecord::key)
        .containsExactly("it:good.txt");
    ConsumerRecord<byte[], byte[]> letter = KAFKA.consume(topics.dlq(), 1, WAIT).get(0);
    assertThat(DeadLetters.get(letter.headers(), DeadLetters.MESSAGE))
        .contains("it:huge.txt")
        .contains("more than a Kafka record may hold");
  }
}
