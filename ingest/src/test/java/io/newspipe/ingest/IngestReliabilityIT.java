package io.newspipe.ingest;

import static io.newspipe.ingest.Hostile.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newspipe.ingest.IngestConfig.DirectorySpec;
import io.newspipe.ingest.feed.FeedSpec;
import io.newspipe.ingest.feed.HttpSettings;
import io.newspipe.ingest.format.ArticleIds;
import io.newspipe.ingest.publish.ArticlePublisher;
import io.newspipe.ingest.source.SourceSettings;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.DeadLetters;
import io.newspipe.schemas.TopicSet;
import io.newspipe.testkit.KafkaClusterExtension;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's acceptance criteria at the level of the ingest service: a real broker, a real local
 * HTTP server, real files in a watched directory, and restarts.
 */
class IngestReliabilityIT {

  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration QUIET = Duration.ofSeconds(3);
  private static final InputStream NO_STDIN = InputStream.nullInputStream();
  private static final SourceSettings FAST =
      SourceSettings.DEFAULTS
          .withSettleTime(Duration.ofMillis(200))
          .withRescanInterval(Duration.ofSeconds(1));
  private static final HttpSettings HTTP =
      HttpSettings.DEFAULTS.withPerHostInterval(Duration.ZERO).withMaxBodyBytes(4L << 20);

  @TempDir Path dir;
  @TempDir Path outside;

  /** An ingest service running in its own thread, as {@code up} runs it. */
  private static final class Running implements AutoCloseable {
    final IngestService service;
    final ArticlePublisher publisher;
    final Thread thread;
    final AtomicReference<Throwable> died = new AtomicReference<>();

    Running(IngestConfig config, TopicSet topics) {
      publisher = new ArticlePublisher(KAFKA.producerProps(), topics);
      service = new IngestService(config, publisher, Clock.systemUTC(), NO_STDIN);
      thread =
          new Thread(
              () -> {
                try {
                  service.run();
                } catch (Throwable t) {
                  died.set(t);
                }
              },
              "ingest-under-test");
      thread.start();
    }

    void assertAlive() {
      assertThat(died.get()).as("run() threw").isNull();
      assertThat(thread.isAlive()).as("ingest still running").isTrue();
    }

    @Override
    public void close() throws InterruptedException {
      service.close();
      thread.join(15_000);
      publisher.close();
      assertThat(thread.isAlive()).as("run() returned after close()").isFalse();
      assertThat(died.get()).as("run() ended normally").isNull();
    }
  }

  @Test
  void shouldDeadLetterNestedRssAndAtomFromFilesAndFeedsAndKeepEverythingElseFlowing()
      throws Exception {
    TopicSet topics = KAFKA.topics("acNested");
    try (LocalHttpServer http = new LocalHttpServer()) {
      URI good = http.serve("/good", "application/rss+xml", Hostile.goodRss("g1", "Good feed"));
      URI deepRss = http.serve("/deep-rss", "application/rss+xml", Hostile.nestedRss(Hostile.DEEP));
      URI deepAtom =
          http.serve("/deep-atom", "application/atom+xml", Hostile.nestedAtom(Hostile.DEEP));
      Duration every = Duration.ofSeconds(1); // failures back off from here
      IngestConfig config =
          new IngestConfig(List.of(new DirectorySpec("it", dir)), null, FAST)
              .withFeeds(
                  List.of(
                      new FeedSpec("good", good, Duration.ofMinutes(5), null, true),
                      new FeedSpec("deep-rss", deepRss, every, null, true),
                      new FeedSpec("deep-atom", deepAtom, every, null, true)),
                  HTTP);
      Path deepRssFile = Files.write(dir.resolve("deep.rss"), Hostile.nestedRss(Hostile.DEEP));
      Path deepAtomFile = Files.write(dir.resolve("deep.atom"), Hostile.nestedAtom(Hostile.DEEP));
      Files.write(dir.resolve("good-1.txt"), utf8("First good story\n\nBody."));

      try (Running ingest = new Running(config, topics)) {
        assertThat(keys(topics, 2, WAIT))
            .contains("it:good-1.txt", ArticleIds.forFeedItem("good", "g1", null, null, null));
        Path whileRunning = Files.write(dir.resolve("deep-2.rss"), Hostile.nestedRss(50_000));
        Files.write(dir.resolve("good-2.txt"), utf8("Second good story\n\nBody."));

        assertThat(keys(topics, 3, WAIT)).contains("it:good-2.txt");
        List<ConsumerRecord<byte[], byte[]>> dead = KAFKA.consume(topics.dlq(), 5, WAIT);
        assertThat(dead)
            .extracting(r -> source(r))
            .contains(
                deepRssFile.toString(),
                deepAtomFile.toString(),
                whileRunning.toString(),
                "feed deep-rss " + deepRss,
                "feed deep-atom " + deepAtom);
        assertThat(dead).allSatisfy(r -> assertThat(message(r)).contains("nest more than 256"));
        await().atMost(WAIT).until(() -> http.requests("/deep-rss") >= 3);
        assertThat(http.requests("/deep-atom"))
            .as("the bad feeds keep being polled")
            .isGreaterThanOrEqualTo(2);
        ingest.assertAlive();
      }

      // restart with the bad files still there: no crash, no second dead letter for them
      try (Running again = new Running(config, topics)) {
        Files.write(dir.resolve("good-3.txt"), utf8("Third good story\n\nBody."));
        assertThat(keys(topics, 4, WAIT)).contains("it:good-3.txt");
        again.assertAlive();
      }
      List<ConsumerRecord<byte[], byte[]>> deadAfter = KAFKA.consume(topics.dlq(), 1000, QUIET);
      assertThat(deadAfter.stream().map(IngestReliabilityIT::source))
          .filteredOn(s -> s.startsWith(dir.toString()))
          .as("each bad file dead-lettered once, across the restart")
          .hasSize(3)
          .doesNotHaveDuplicates();
      assertThat(keys(topics, 5, QUIET))
          .as("good files and the good feed item, each once")
          .hasSize(4)
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void shouldNeverPublishASymlinkToAFileOutsideTheSourceMadeBeforeStartOrWhileRunning()
      throws Exception {
    TopicSet topics = KAFKA.topics("acSymlink");
    Path secret = Files.write(outside.resolve("secret.txt"), utf8("Secret\n\nroot:x:0:0:root"));
    Files.createSymbolicLink(dir.resolve("before.txt"), secret);
    Files.createSymbolicLink(dir.resolve("linked-dir"), outside);
    Files.write(dir.resolve("good-1.txt"), utf8("Good one\n\nBody."));
    IngestConfig config = new IngestConfig(List.of(new DirectorySpec("it", dir)), null, FAST);

    try (Running ingest = new Running(config, topics)) {
      assertThat(keys(topics, 1, WAIT)).contains("it:good-1.txt");
      Files.createSymbolicLink(dir.resolve("while.txt"), secret);
      Path staged = Files.createSymbolicLink(dir.resolve(".staged.txt"), secret);
      Files.move(staged, dir.resolve("renamed.txt")); // a link moved in, as writers stage files
      Files.write(dir.resolve("good-2.txt"), utf8("Good two\n\nBody."));
      assertThat(keys(topics, 2, WAIT)).contains("it:good-2.txt");
      Thread.sleep(3 * FAST.rescanInterval().toMillis()); // rescans see the links too
      ingest.assertAlive();
    }
    try (Running again = new Running(config, topics)) {
      Files.write(dir.resolve("good-3.txt"), utf8("Good three\n\nBody."));
      assertThat(keys(topics, 3, WAIT)).contains("it:good-3.txt");
    }

    List<ConsumerRecord<String, Article>> raw = KAFKA.consume(topics.raw(), 100, QUIET);
    assertThat(raw)
        .extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrder("it:good-1.txt", "it:good-2.txt", "it:good-3.txt");
    assertThat(raw).noneSatisfy(r -> assertThat(r.value().getBody()).contains("root:x"));
    assertThat(KAFKA.consume(topics.dlq(), 1, QUIET)).as("a skip is not a dead letter").isEmpty();
  }

  @Test
  void shouldFollowLinksOnlyInsideTheSourceWhenAskedTo() throws Exception {
    TopicSet topics = KAFKA.topics("acFollow");
    Path secret = Files.write(outside.resolve("secret.txt"), utf8("Secret\n\nroot:x:0:0:root"));
    Path real = Files.createDirectories(dir.resolve("archive"));
    Files.write(real.resolve("inside.txt"), utf8("Inside story\n\nBody."));
    Files.createSymbolicLink(dir.resolve("alias.txt"), real.resolve("inside.txt"));
    Files.createSymbolicLink(dir.resolve("escape.txt"), secret);
    IngestConfig config =
        new IngestConfig(List.of(new DirectorySpec("it", dir)), null, FAST.withFollowLinks(true));

    try (ArticlePublisher publisher = new ArticlePublisher(KAFKA.producerProps(), topics)) {
      new IngestService(config, publisher, Clock.systemUTC(), NO_STDIN).runOnce();
    }

    assertThat(keys(topics, 3, QUIET))
        .containsExactlyInAnyOrder("it:archive/inside.txt", "it:alias.txt");
  }

  @Test
  void shouldKeepThreeCollidingNamesApartAndAddNothingOnTwoRestarts() throws Exception {
    TopicSet topics = KAFKA.topics("acCollide");
    Files.write(dir.resolve("Foo Bar.txt"), utf8("Foo Bar one\n\nFirst body."));
    Files.write(dir.resolve("foo-bar.txt"), utf8("Foo Bar two\n\nSecond body."));
    Files.write(dir.resolve("FOO  BAR.TXT"), utf8("Foo Bar three\n\nThird body."));
    Files.write(dir.resolve("broken.xml"), utf8("<rss><channel><item><title>x</ti"));
    IngestConfig config = new IngestConfig(List.of(new DirectorySpec("it", dir)), null, FAST);

    IngestSummary[] runs = new IngestSummary[3];
    for (int i = 0; i < runs.length; i++) {
      try (ArticlePublisher publisher = new ArticlePublisher(KAFKA.producerProps(), topics)) {
        runs[i] = new IngestService(config, publisher, Clock.systemUTC(), NO_STDIN).runOnce();
      }
    }

    assertThat(runs[0].published()).isEqualTo(3);
    assertThat(runs[0].deadLettered()).isEqualTo(1);
    for (int i = 1; i < runs.length; i++) {
      assertThat(runs[i].published()).as("restart %d publishes nothing", i).isZero();
      assertThat(runs[i].deadLettered()).as("restart %d dead-letters nothing", i).isZero();
    }
    List<ConsumerRecord<String, Article>> raw = KAFKA.consume(topics.raw(), 100, QUIET);
    assertThat(raw)
        .extracting(ConsumerRecord::key)
        .hasSize(3)
        .doesNotHaveDuplicates()
        .contains("it:foo-bar.txt");
    assertThat(raw)
        .extracting(r -> r.value().getHeadline())
        .containsExactlyInAnyOrder("Foo Bar one", "Foo Bar two", "Foo Bar three");
    assertThat(KAFKA.consume(topics.dlq(), 100, QUIET)).hasSize(1);
  }

  private static List<String> keys(TopicSet topics, int atLeast, Duration wait) {
    return KAFKA.consume(topics.raw(), atLeast, wait).stream().map(ConsumerRecord::key).toList();
  }

  private static String source(ConsumerRecord<byte[], byte[]> r) {
    return DeadLetters.get(r.headers(), DeadLetters.SOURCE);
  }

  private static String message(ConsumerRecord<byte[], byte[]> r) {
    return DeadLetters.get(r.headers(), DeadLetters.MESSAGE);
  }
}
