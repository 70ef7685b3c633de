package io.newspipe.app.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newspipe.ingest.IngestConfig;
import io.newspipe.ingest.IngestService;
import io.newspipe.ingest.feed.FeedSpec;
import io.newspipe.ingest.feed.HttpSettings;
import io.newspipe.ingest.publish.ArticlePublisher;
import io.newspipe.ingest.source.SourceSettings;
import io.newspipe.schemas.FeedHealth;
import io.newspipe.schemas.FeedPollOutcome;
import io.newspipe.schemas.TopicSet;
import io.newspipe.store.SqliteStore;
import io.newspipe.testkit.KafkaClusterExtension;
import io.newspipe.web.WebService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feed health end to end: ingest polls a good feed and one that answers 500 from a real local HTTP
 * server, writes each poll's health to news.feeds.health on the in-JVM broker, and the web serves
 * it at {@code /api/feeds}, the failing feed first.
 */
class FeedHealthIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  private static final String RSS =
      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Good</title>"
          + "<item><guid>g-1</guid><title>Harbour reopens</title><description>The harbour"
          + " reopened on Monday.</description><pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate></item>"
          + "<item><guid>g-2</guid><title>Ferry strike ends</title><description>Ferries run"
          + " again.</description><pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate></item>"
          + "</channel></rss>";

  @TempDir Path dir;
  private HttpServer server;

  @BeforeEach
  void serve() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/good.xml", exchange -> respond(exchange, 200, RSS));
    server.createContext("/broken.xml", exchange -> respond(exchange, 500, "upstream down"));
    server.start();
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private IngestService ingest(ArticlePublisher publisher) {
    List<FeedSpec> feeds =
        List.of(
            new FeedSpec("good", url("/good.xml"), Duration.ofMinutes(5), null, true),
            new FeedSpec("broken", url("/broken.xml"), Duration.ofMinutes(5), null, true));
    IngestConfig config =
        new IngestConfig(
            List.of(),
            null,
            SourceSettings.DEFAULTS,
            feeds,
            HttpSettings.DEFAULTS.withPerHostInterval(Duration.ZERO));
    return new IngestService(
        config, publisher, Clock.systemUTC(), new ByteArrayInputStream(new byte[0]));
  }

  @Test
  void shouldPublishEachPollsHealthAndServeFailingFeedsFirst() throws Exception {
    TopicSet topics = KAFKA.topics("feedHealth");
    try (ArticlePublisher publisher = new ArticlePublisher(KAFKA.producerProps(), topics);
        IngestService ingest = ingest(publisher)) {
      ingest.runOnce();
      ingest.runOnce();
    }
    // a restarted ingest goes on counting from the saved state
    try (ArticlePublisher publisher = new ArticlePublisher(KAFKA.producerProps(), topics);
        IngestService ingest = ingest(publisher)) {
      ingest.runOnce();
    }

    List<ConsumerRecord<String, FeedHealth>> records =
        KAFKA.consume(topics.feedHealth(), 6, Duration.ofSeconds(20));
    Map<String, List<FeedHealth>> byFeed = new LinkedHashMap<>();
    records.forEach(r -> byFeed.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value()));
    assertThat(byFeed.get("broken"))
        .extracting(
            FeedHealth::getOutcome, FeedHealth::getHttpStatus, FeedHealth::getConsecutiveFailures)
        .containsExactly(
            tuple(FeedPollOutcome.HTTP_ERROR, 500, 1),
            tuple(FeedPollOutcome.HTTP_ERROR, 500, 2),
            tuple(FeedPollOutcome.HTTP_ERROR, 500, 3));
    assertThat(byFeed.get("broken").get(2).getMessage()).contains("500");
    assertThat(byFeed.get("good"))
        .extracting(
            FeedHealth::getOutcome, FeedHealth::getConsecutiveFailures, FeedHealth::getNewItems)
        .containsExactly(
            tuple(FeedPollOutcome.OK, 0, 2),
            tuple(FeedPollOutcome.OK, 0, 0),
            tuple(FeedPollOutcome.OK, 0, 0));
    FeedHealth good = byFeed.get("good").get(2);
    assertThat(good.getItemsSeen()).isEqualTo(2);
    assertThat(good.getLastSuccessAt()).isNotNull();
    assertThat(good.getLastItemAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));

    try (SqliteStore store = SqliteStore.open(dir.resolve("newspipe.db"));
        WebService web =
            WebService.builder(store)
                .port(0)
                .live(Map.of("bootstrap.servers", KAFKA.bootstrapServers()), topics)
                .start()) {
      JsonNode feeds =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> get(web, "/api/feeds").get("feeds"), f -> f.size() == 2);

      assertThat(feeds.get(0).get("id").asText()).isEqualTo("broken");
      assertThat(feeds.get(0).get("status").asText()).isEqualTo("failing");
      assertThat(feeds.get(0).get("outcome").asText()).isEqualTo("http-error");
      assertThat(feeds.get(0).get("httpStatus").asInt()).isEqualTo(500);
      assertThat(feeds.get(0).get("consecutiveFailures").asInt()).isEqualTo(3);
      assertThat(feeds.get(1).get("id").asText()).isEqualTo("good");
      assertThat(feeds.get(1).get("status").asText()).isEqualTo("ok");
      assertThat(feeds.get(1).get("itemsSeen").asLong()).isEqualTo(2);
      assertThat(feeds.get(1).get("silent").asBoolean()).isFalse();
      assertThat(feeds.get(1).get("lastSuccess").isNull()).isFalse();
    }
  }

  private static JsonNode get(WebService web, String path) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }
}
