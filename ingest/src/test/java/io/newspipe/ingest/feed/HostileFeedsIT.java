package io.newspipe.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import io.newspipe.ingest.Hostile;
import io.newspipe.ingest.LocalHttpServer;
import io.newspipe.ingest.format.ArticleIds;
import io.newspipe.ingest.format.ArticleParser;
import io.newspipe.ingest.publish.ArticlePublisher;
import io.newspipe.schemas.DeadLetters;
import io.newspipe.schemas.TopicSet;
import io.newspipe.testkit.KafkaClusterExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * The hostile-input corpus for HTTP feeds: each class of hostile server is polled once and must end
 * as a dead letter naming the feed and the reason (or as published articles), after which a normal
 * feed on the same server is still published. A real local HTTP server and a real broker.
 */
class HostileFeedsIT {

  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Clock CLOCK = Clock.systemUTC();
  private static final long MAX_BODY = 1L << 20;
  private static final HttpSettings HTTP =
      new HttpSettings(
          Duration.ofSeconds(5),
          Duration.ofSeconds(2),
          MAX_BODY,
          5,
          Duration.ZERO,
          Duration.ofHours(1),
          "newspipe-test");

  private static LocalHttpServer server;
  private static TopicSet topics;
  private static byte[] bomb;

  @BeforeAll
  static void start() throws IOException {
    topics = KAFKA.topics("hostileFeeds"); // one set: each case has its own URL and feed ids
    bomb = gzippedZeros(64);
    server = new LocalHttpServer();
    server.serve("/good", "application/rss+xml", Hostile.goodRss("after-1", "Normal story"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Arguments> classes() {
    return Stream.of(
        dead("nested RSS over HTTP", "nest more than 256", rss(Hostile.nestedRss(Hostile.DEEP))),
        // 50,000 deep: the 100,000-deep Atom document is larger than this test's 1 MB body cap
        dead("nested Atom over HTTP", "nest more than 256", rss(Hostile.nestedAtom(50_000))),
        dead("gzip bomb", "sent more than " + MAX_BODY + " bytes", HostileFeedsIT::gzipBomb),
        dead("endless body", "sent more than " + MAX_BODY + " bytes", HostileFeedsIT::endless),
        dead("slow body (a byte every 300 ms)", "too slowly", HostileFeedsIT::trickle),
        dead("stalled body", "too slowly", HostileFeedsIT::stall),
        dead("redirect loop", "redirected more than 5 times", HostileFeedsIT::loop),
        dead("redirect to file://", "not an http(s) URL", redirect("file:///etc/passwd")),
        dead("redirect to a broken URL", "not a valid URL", redirect("http://[::1")),
        dead("HTML page served as 200 text/html", "sent an HTML page", html()),
        dead("plain text served as a feed", "sent plain text", text()),
        dead("404", "answered 404", status(404)),
        dead("empty 200 body", "", rss(new byte[0])),
        dead("XXE over HTTP", "declares entities", rss(xxe())),
        dead(
            "wrong charset header (UTF-16 said, UTF-8 sent)",
            "not a readable RSS or Atom feed",
            e ->
                LocalHttpServer.respond(
                    e, 200, "application/rss+xml; charset=utf-16", Hostile.goodRss("w1", "W"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classes")
  void shouldContainEachHostileServerAndKeepPublishingAfterIt(
      String name, boolean dead, String clue, LocalHttpServer.Handler handler) throws Exception {
    String path = "/hostile-" + Integer.toHexString(name.hashCode());
    URI url = server.serve(path, handler);
    try (ArticlePublisher publisher = new ArticlePublisher(KAFKA.producerProps(), topics)) {
      FeedPoller.Outcome outcome = poller("bad", url, publisher).poll();

      String line;
      if (dead) {
        assertThat(outcome.failed()).as(name).isTrue();
        assertThat(outcome.nextDelay()).isPositive();
        String feed = "feed bad " + url;
        await().atMost(WAIT).until(() -> letters().stream().anyMatch(r -> feed.equals(source(r))));
        List<ConsumerRecord<byte[], byte[]>> mine =
            letters().stream().filter(r -> feed.equals(source(r))).toList();
        assertThat(mine).as("one dead letter for one failed poll").hasSize(1);
        line = DeadLetters.get(mine.get(0).headers(), DeadLetters.MESSAGE);
        assertThat(line).contains("feed bad").contains(clue);
      } else {
        assertThat(outcome.failed()).as(name).isFalse();
        assertThat(outcome.published()).isPositive();
        line = outcome.published() + " article(s)";
      }
      LoggerFactory.getLogger(HostileFeedsIT.class)
          .info("hostile class '{}': {} ({})", name, dead ? "DEAD_LETTERED" : "PUBLISHED", line);

      String goodFeed = "good-" + path.substring(1);
      FeedPoller.Outcome after = poller(goodFeed, server.url("/good"), publisher).poll();
      assertThat(after.published()).isEqualTo(1);
      String goodId = ArticleIds.forFeedItem(goodFeed, "after-1", null, null, null);
      await()
          .atMost(WAIT)
          .until(
              () ->
                  KAFKA.consumeToEnd(topics.raw(), WAIT).stream()
                      .anyMatch(r -> goodId.equals(r.key())));
    }
  }

  @Test
  void shouldWaitAtMostAnHourWhateverRetryAfterSays() throws Exception {
    URI url =
        server.serve(
            "/busy",
            e -> {
              e.getResponseHeaders().add("Retry-After", "999999999");
              LocalHttpServer.respond(
                  e, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
            });
    try (ArticlePublisher publisher = new ArticlePublisher(KAFKA.producerProps(), topics)) {
      FeedPoller.Outcome outcome = poller("busy", url, publisher).poll();

      assertThat(outcome.failed()).isTrue();
      assertThat(outcome.nextDelay()).isEqualTo(Duration.ofHours(1));
      await()
          .atMost(WAIT)
          .until(
              () ->
                  letters().stream()
                      .anyMatch(
                          r ->
                              ("feed busy " + url).equals(source(r))
                                  && DeadLetters.get(r.headers(), DeadLetters.MESSAGE)
                                      .contains("503")));
    }
  }

  private static FeedPoller poller(String id, URI url, ArticlePublisher publisher) {
    return new FeedPoller(
        new FeedSpec(id, url, Duration.ofMinutes(5), null, true),
        null,
        new HttpFetcher(HTTP, CLOCK),
        new HostRateLimiter(Duration.ZERO),
        new ArticleParser(CLOCK),
        publisher,
        HTTP,
        CLOCK);
  }

  private static Arguments dead(String name, String clue, LocalHttpServer.Handler handler) {
    return Arguments.of(name, true, clue, handler);
  }

  private static Arguments published(String name, LocalHttpServer.Handler handler) {
    return Arguments.of(name, false, "", handler);
  }

  private static LocalHttpServer.Handler rss(byte[] body) {
    return e -> LocalHttpServer.respond(e, 200, "application/rss+xml", body);
  }

  private static LocalHttpServer.Handler status(int code) {
    return e -> LocalHttpServer.respond(e, code, "text/plain", new byte[] {'x'});
  }

  private static LocalHttpServer.Handler html() {
    return e ->
        LocalHttpServer.respond(
            e,
            200,
            "text/html; charset=utf-8",
            "<html><head><title>Sign in</title></head><body><p>Please log in</p></body></html>"
                .getBytes(StandardCharsets.UTF_8));
  }

  private static LocalHttpServer.Handler text() {
    return e ->
        LocalHttpServer.respond(
            e,
            200,
            "text/plain",
            "Service unavailable\n\nTry later.".getBytes(StandardCharsets.UTF_8));
  }

  private static LocalHttpServer.Handler redirect(String location) {
    return e -> {
      e.getResponseHeaders().add("Location", location);
      e.sendResponseHeaders(302, -1);
    };
  }

  private static void loop(HttpExchange e) throws IOException {
    e.getResponseHeaders().add("Location", e.getRequestURI().getPath() + "?again");
    e.sendResponseHeaders(302, -1);
  }

  private static byte[] xxe() {
    return Hostile.utf8(
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>");
  }

  private static List<ConsumerRecord<byte[], byte[]>> letters() {
    return KAFKA.consumeToEnd(topics.dlq(), WAIT);
  }

  private static String source(ConsumerRecord<byte[], byte[]> r) {
    return DeadLetters.get(r.headers(), DeadLetters.SOURCE);
  }

  /** {@code megabytes} MB of zeros, gzipped to about a thousandth of that. */
  private static byte[] gzippedZeros(int megabytes) throws IOException {
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < megabytes; i++) {
        gz.write(zeros);
      }
    }
    return packed.toByteArray();
  }

  /** 64 MB of zeros, about 64 KB compressed: the cap applies to what it inflates to. */
  private static void gzipBomb(HttpExchange e) throws IOException {
    e.getResponseHeaders().add("Content-Encoding", "gzip");
    LocalHttpServer.respond(e, 200, "application/rss+xml", bomb);
  }

  /** A body that never ends (until the client hangs up, or 10 s as a test's own bound). */
  private static void endless(HttpExchange e) throws IOException {
    e.getResponseHeaders().add("Content-Type", "application/rss+xml");
    e.sendResponseHeaders(200, 0);
    byte[] chunk = "<rss><channel>".repeat(4096).getBytes(StandardCharsets.UTF_8);
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    try (OutputStream out = e.getResponseBody()) {
      while (System.nanoTime() < until) {
        out.write(chunk);
      }
    }
  }

  /** A byte every 300 ms: each read returns, but the body never completes in time. */
  private static void trickle(HttpExchange e) throws IOException, InterruptedException {
    e.getResponseHeaders().add("Content-Type", "application/rss+xml");
    e.sendResponseHeaders(200, 0);
    try (OutputStream out = e.getResponseBody()) {
      for (int i = 0; i < 30; i++) {
        out.write('<');
        out.flush();
        Thread.sleep(300);
      }
    }
  }

  /** Headers, a little body, then nothing for 8 s: a read blocks until something cuts it off. */
  private static void stall(HttpExchange e) throws IOException, InterruptedException {
    e.getResponseHeaders().add("Content-Type", "application/rss+xml");
    e.sendResponseHeaders(200, 0);
    OutputStream out = e.getResponseBody();
    out.write("<rss>".getBytes(StandardCharsets.UTF_8));
    out.flush();
    Thread.sleep(8_000);
    out.close();
  }
}
