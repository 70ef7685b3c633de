package io.newspipe.app.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.read.ArticleLines;
import io.newspipe.read.Clients;
import io.newspipe.read.Subscriber;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.Topic;
import io.newspipe.schemas.TopicSet;
import io.newspipe.testkit.Articles;
import io.newspipe.testkit.KafkaClusterExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Following tag topics on a real broker: live delivery, history first, updates, withdrawals. */
class SubscribeIT {

  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  private TopicSet topics;
  private Topic<String, TaggedArticle> narcotics;
  private Topic<String, TaggedArticle> middleEast;

  @BeforeEach
  void setUp(TestInfo info) {
    topics = KAFKA.topics(info.getTestMethod().orElseThrow().getName());
    narcotics = topics.tag("narcotics");
    middleEast = topics.tag("middle-east");
    KAFKA.createTopics(narcotics, middleEast);
  }

  @Test
  void shouldShowALiveArticleWithinSecondsAndItsWithdrawalAsSuch() throws Exception {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    try (Running running = start(Subscriber.Start.LIVE, lines, narcotics)) {
      Article article = article("live:1", 1, Instant.parse("2024-06-01T12:00:00Z"), Signal.USABLE);
      long sent = System.nanoTime();
      produce(narcotics, article.getId(), tagged(article, "narcotics"));
      String line = lines.poll(5, TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - sent) / 1e9;

      assertThat(line)
          .startsWith("2024-06-01 12:00Z  test  Captagon haul seized")
          .contains("[narcotics]");
      assertThat(line).contains("\"Jordanian troops seized captagon pills");
      assertThat(seconds).isLessThan(5);

      Article withdrawn =
          article("live:1", 2, Instant.parse("2024-06-01T12:00:00Z"), Signal.CANCELED);
      produce(narcotics, withdrawn.getId(), tagged(withdrawn, "narcotics"));
      assertThat(lines.poll(5, TimeUnit.SECONDS)).contains("WITHDRAWN").contains("Captagon");
    }
  }

  @Test
  void shouldPrintHistorySinceADateInPublicationOrderOnceThenLiveArticles() throws Exception {
    Article old = article("h:old", 1, Instant.parse("2024-05-01T00:00:00Z"), Signal.USABLE);
    Article second = article("h:2", 1, Instant.parse("2024-06-03T00:00:00Z"), Signal.USABLE);
    Article first = article("h:1", 1, Instant.parse("2024-06-02T00:00:00Z"), Signal.USABLE);
    produce(narcotics, old.getId(), tagged(old, "narcotics"));
    TaggedArticle onBothTags = tagged(second, "narcotics", "middle-east"); // as enrich fans out
    produce(narcotics, second.getId(), onBothTags);
    produce(middleEast, second.getId(), onBothTags);
    produce(middleEast, first.getId(), tagged(first, "middle-east"));

    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    try (Running running =
        start(
            Subscriber.Start.since(Instant.parse("2024-06-01T00:00:00Z")),
            lines,
            narcotics,
            middleEast)) {
      assertThat(lines.poll(10, TimeUnit.SECONDS)).contains("h:1");
      assertThat(lines.poll(10, TimeUnit.SECONDS)).contains("h:2");
      assertThat(running.subscriber.awaitLive(Duration.ofSeconds(10))).isTrue();
      Article live = article("h:live", 1, Instant.parse("2024-06-10T00:00:00Z"), Signal.USABLE);
      produce(middleEast, live.getId(), tagged(live, "middle-east"));
      assertThat(lines.poll(5, TimeUnit.SECONDS)).contains("h:live");
      assertThat(lines).isEmpty(); // h:2 on both tags came once; h:old is before --since
    }
  }

  /** Like ingest and enrich: the record timestamp is the publication time. */
  private static void produce(Topic<String, TaggedArticle> topic, String id, TaggedArticle value) {
    try (KafkaProducer<String, TaggedArticle> producer =
        new KafkaProducer<>(
            KAFKA.producerProps(),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  topic.name(),
                  null,
                  value.getArticle().getPublishedAt().toEpochMilli(),
                  id,
                  value))
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot produce to " + topic.name(), e);
    }
  }

  private Running start(Subscriber.Start start, BlockingQueue<String> lines, Topic<?, ?>... follow)
      throws InterruptedException {
    KafkaConsumer<byte[], byte[]> consumer = Clients.reader(KAFKA.producerProps());
    Subscriber subscriber =
        new Subscriber(consumer, List.of(follow).stream().map(Topic::name).toList());
    Thread thread =
        new Thread(
            () ->
                subscriber.run(
                    start,
                    (record, article) ->
                        lines.add(
                            // the id travels in the JSON form; the text form is what people see
                            (start == Subscriber.Start.LIVE
                                ? ArticleLines.line(
                                    article,
                                    record.timestamp(),
                                    ArticleLines.Format.TEXT,
                                    List.of("narcotics"))
                                : article.getArticle().getId()))),
            "test-subscriber");
    thread.start();
    if (start == Subscriber.Start.LIVE) {
      assertThat(subscriber.awaitLive(Duration.ofSeconds(10))).isTrue();
    }
    return new Running(subscriber, thread, consumer);
  }

  private record Running(
      Subscriber subscriber, Thread thread, KafkaConsumer<byte[], byte[]> consumer)
      implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      subscriber.stop();
      thread.join(10_000);
      assertThat(thread.isAlive()).as("subscriber stopped").isFalse();
      consumer.close();
    }
  }

  private static Article article(String id, int version, Instant published, Signal signal) {
    return Articles.builder(
            id,
            "Captagon haul seized in Jordan",
            "Jordanian troops seized captagon pills smuggled from Syria.")
        .setVersion(version)
        .setPublishedAt(published)
        .setSignal(signal)
        .build();
  }

  private static TaggedArticle tagged(Article article, String... tagIds) {
    io.newspipe.schemas.Tag[] tags = new io.newspipe.schemas.Tag[tagIds.length];
    for (int i = 0; i < tagIds.length; i++) {
      tags[i] = Articles.tag(tagIds[i]);
      tags[i].setEvidence(
          List.of(
              io.newspipe.schemas.Evidence.newBuilder()
                  .setField("body")
                  .setStart(24)
                  .setEnd(32)
                  .setText("captagon")
                  .setRule("phrase")
                  .build()));
    }
    return Articles.tagged(article, tags);
  }
}
