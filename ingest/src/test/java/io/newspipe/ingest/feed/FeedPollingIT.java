package io.newspipe.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.ingest.format.ArticleIds;
import io.newspipe.ingest.format.ArticleParser;
import io.newspipe.ingest.publish.ArticlePublisher;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.DeadLetters;
import io.newspipe.schemas.FeedState;
import io.newspipe.schemas.TopicSet;
import io.newspipe.testkit.KafkaClusterExtension;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HTTP feed polling against a real local HTTP server and a real broker. */
class FeedPollingIT {

  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration QUIET = Duration.ofSeconds(2);
  private static final HttpSettings HTTP =
      HttpSettings.DEFAULTS.withPerHostInterval(Duration.ZERO).withMaxBodyBytes(1024 * 1024);
  private static final Clock CLOCK = Clock.systemUTC();

  private static FeedPoller poller(FeedServer server, ArticlePublisher publisher, TopicSet topics) {
    FeedSpec spec = new FeedSpec("wire", server.url(), Duration.ofMinutes(5), null, true);
    Map<String, FeedState> states =
        FeedStateStore.load(publisher.clientProps(), topics.ingestState(), 1);
    return new FeedPoller(
        spec,
        states.get("wire"),
        new HttpFetcher(HTTP, CLOCK),
        new HostRateLimiter(Duration.ZERO),
        new ArticleParser(CLOCK),
        publisher,
        HTTP,
        CLOCK);
  }

  @Test
  void shouldSendValidatorsOnSecondPollOfUnchangedFeedAndEmitNothing() throws Exception {
    TopicSet topics = KAFKA.topics("feedUnchanged");
    try (FeedServer server = new FeedServer();
        ArticlePublisher publisher = new ArticlePublisher(KAFKA.producerProps(), topics)) {
      server.body = FeedServer.rss("First text.", "Second text.");
      server.etag = "\"v1\"";
      FeedPoller poller = poller(server, publisher, topics);

      FeedPoller.Outcome first = poller.poll();
      FeedPoller.Outcome second = poller.poll();

      assertThat(first.published()).isEqualTo(2);
      assertThat(second.notModified()).isTrue();
      assertThat(second.published()).isZero();
      assertThat(server.requests.get(1)).containsEntry("If-none-match", List.of("\"v1\""));
      assertThat(KAFKA.consume(topics.raw(), 3, QUIET)).hasSize(2);
    }
  }

  @Test
  void shouldEmitChangedItemAsVersionTwoWithTheSameId() throws Exception {
    TopicSet topics = KAFKA.topics("feedChanged");
    try (FeedServer server = new FeedServer();
        ArticlePublisher publisher = new ArticlePublisher(KAFKA.producerProps(), topics)) {
      server.body = FeedServer.rss("First text.", "Second text.");
      FeedPoller poller = poller(server, publisher, topics);
      poller.poll();

      server.body = FeedServer.rss("First text.", "Second text, corrected.");
      FeedPoller.Outcome second = poller.poll();

      assertThat(second.published()).isEqualTo(1);
      List<ConsumerRecord<String, Article>> records = KAFKA.consume(topics.raw(), 4, QUIET);
      assertThat(records).hasSize(3);
      String id = ArticleIds.forFeedItem("wire", "item-2", null, null, null);
      assertThat(records.stream().filter(r -> r.key().equals(id)).map(r -> r.value().getVersion()))
          .containsExactly(1, 2);
      assertThat(records.get(2).value().getBody()).isEqualTo("Second text, corrected.");
    }
  }

  @Test
  void shouldEmitNothingNewAfterRestartWhenTheServerSendsNoValidators() throws Exception {
    TopicSet topics = KAFKA.topics("feedRestart");
    try (FeedServer server = new FeedServer()) {
      server.body = FeedServer.rss("First text.", "Second text.");
      try (ArticlePublisher publisher = new ArticlePublisher(KAFKA.producerProps(), topics)) {
        poller(server, publisher, topics).poll();
      }
      FeedPoller.Outcome afterRestart;
      try (ArticlePublisher publisher = new ArticlePublisher(KAFKA.producerProps(), topics)) {
        afterRestart = poller(server, publisher, topics).poll();
      }

      assertThat(afterRestart.failed()).isFalse();
      assertThat(afterRestart.published()).isZero();
      assertThat(KAFKA.consume(topics.raw(), 3, QUIET)).hasSize(2);
    }
  }

  @Test
  void shouldDelayNextPollAsRetryAfterSaysOn429AndDeadLetterTheReason() throws Exception {
    TopicSet topics = KAFKA.topics("feed429");
    try (FeedServer server = new FeedServer();
        ArticlePublisher publisher = new ArticlePublisher(KAFKA.producerProps(), topics)) {
      server.status = 429;
      server.retryAfter = "600";
      server.body = "slow down";

      FeedPoller.Outcome outcome = poller(server, publisher, topics).poll();

      assertThat(outcome.failed()).isTrue();
      assertThat(outcome.nextDelay()).isGreaterThanOrEqualTo(Duration.ofSeconds(600));
      var dead = KAFKA.consume(topics.dlq(), 1, WAIT);
      assertThat(dead).hasSize(1);
      assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("slow down");
      assertThat(header(dead.get(0), DeadLetters.MESSAGE)).contains("429").contains("Retry-After");
    }
  }

  @Test
  void shouldRefuseA20MegabyteBodyWithAClearError() throws Exception {
    TopicSet topics = KAFKA.topics("feedHuge");
    try (FeedServer server = new FeedServer();
        ArticlePublisher publisher = new ArticlePublisher(KAFKA.producerProps(), topics)) {
      server.streamBytes = 20L * 1024 * 1024;

      FeedPoller.Outcome outcome = poller(server, publisher, topics).poll();

      assertThat(outcome.failed()).isTrue();
      var dead = KAFKA.consume(topics.dlq(), 1, WAIT);
      assertThat(dead).hasSize(1);
      assertThat(header(dead.get(0), DeadLetters.MESSAGE))
          .contains("sent more than 1048576 bytes")
          .contains("ingest.http.max.body.bytes");
      assertThat(dead.get(0).value().length).isLessThanOrEqualTo(1024 * 1024);
    }
  }

  @Test
  void shouldDeadLetterAHostileFeedWithoutLeakingAFileAndKeepOtherFeedsFlowing(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    TopicSet topics = KAFKA.topics("feedHostile");
    java.nio.file.Path secret = java.nio.file.Files.writeString(tmp.resolve("s.txt"), "SECRET-91x");
    try (FeedServer hostile = new FeedServer();
        FeedServer good = new FeedServer();
        ArticlePublisher publisher = new ArticlePublisher(KAFKA.producerProps(), topics)) {
      hostile.body =
          "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \""
              + secret.toUri()
              + "\">]><rss version=\"2.0\"><channel><item><title>&x;</title></item></channel></rss>";
      good.body = FeedServer.rss("Fine text.");
      List<FeedSpec> feeds =
          List.of(
              new FeedSpec("hostile", hostile.url(), Duration.ofMinutes(5), null, true),
              new FeedSpec("good", good.url(), Duration.ofMinutes(5), null, true));
      Map<String, FeedState> states =
          FeedStateStore.load(publisher.clientProps(), topics.ingestState(), 1);
      FeedSource source =
          new FeedSource(feeds, states, HTTP, new ArticleParser(CLOCK), publisher, CLOCK);

      source.pollAllOnce();
      publisher.flush();

      assertThat(source.failedPolls()).isEqualTo(1);
      List<ConsumerRecord<String, Article>> raw = KAFKA.consume(topics.raw(), 2, QUIET);
      assertThat(raw).extracting(r -> r.value().getSource().getId()).containsExactly("good");
      var dead = KAFKA.consume(topics.dlq(), 1, WAIT);
      assertThat(dead).hasSize(1);
      assertThat(header(dead.get(0), DeadLetters.MESSAGE)).contains("hostile").contains("refused");
      assertThat(header(dead.get(0), DeadLetters.SOURCE)).contains(hostile.url().toString());
      dead.get(0)
          .headers()
          .forEach(
              h ->
                  assertThat(new String(h.value(), StandardCharsets.UTF_8))
                      .doesNotContain("SECRET-91x"));
      raw.forEach(r -> assertThat(r.value().toString()).doesNotContain("SECRET-91x"));
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    var h = record.headers().lastHeader(name);
    return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
  }
}
