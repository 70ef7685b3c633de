package io.newspipe.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.sun.net.httpserver.HttpServer;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.taxonomy.Taxonomy;
import io.newspipe.enrich.topology.EnrichService;
import io.newspipe.notify.NotifyService;
import io.newspipe.notify.alert.AlertRule;
import io.newspipe.notify.webhook.Webhook;
import io.newspipe.notify.webhook.WebhookSettings;
import io.newspipe.notify.webhook.WebhookSignature;
import io.newspipe.read.watch.WatchBook;
import io.newspipe.schemas.Alert;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.DeadLetters;
import io.newspipe.schemas.Source;
import io.newspipe.schemas.StoryEvent;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.TopicPolicy;
import io.newspipe.schemas.TopicSet;
import io.newspipe.store.SqliteStore;
import io.newspipe.testkit.Articles;
import io.newspipe.testkit.KafkaClusterExtension;
import io.newspipe.web.WebService;
import io.newspipe.web.notify.NotifyApi;
import java.io.File;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 15's acceptance criteria end to end, on the in-JVM Kafka broker: raw articles go through
 * the real enrich and notify stages; saved searches are created through the real HTTP API and seen
 * in headless Chromium and in the RSS feed; alerts reach a real local HTTP server.
 */
class NotifyIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  static final Duration WITHIN = Duration.ofSeconds(5);
  static final String SECRET = "a-secret-of-enough-length";

  @TempDir Path dir;
  final List<AutoCloseable> opened = new ArrayList<>();
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    Collections.reverse(opened);
    for (AutoCloseable c : opened) {
      try {
        c.close();
      } catch (Exception e) {
        // keep closing the rest
      }
    }
  }

  Map<String, Object> props(String app) {
    Map<String, Object> p = new HashMap<>();
    p.put("bootstrap.servers", KAFKA.bootstrapServers());
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
    p.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve(app).toString());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    return p;
  }

  Map<String, Object> client() {
    return Map.of("bootstrap.servers", KAFKA.bootstrapServers());
  }

  void startEnrich(TopicSet topics, String app) throws Exception {
    EnrichService enrich =
        new EnrichService(
            new Tagger(Taxonomy.loadDefault()), topics, KAFKA.bootstrapServers(), props(app));
    opened.add(enrich);
    enrich.start();
    assertThat(enrich.awaitRunning(Duration.ofSeconds(60))).as("enrich running").isTrue();
  }

  NotifyService startNotify(TopicSet topics, String app, List<AlertRule> rules, List<Webhook> hooks)
      throws Exception {
    NotifyService notify =
        new NotifyService(
            topics,
            props(app),
            rules,
            hooks,
            new WebhookSettings(
                3, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(2)));
    opened.add(notify);
    notify.start();
    assertThat(notify.awaitReady(Duration.ofSeconds(60))).as("notify ready").isTrue();
    return notify;
  }

  WebService startWeb(TopicSet topics) {
    SqliteStore store = SqliteStore.open(dir.resolve("web.db"));
    opened.add(store);
    WebService web =
        WebService.builder(store)
            .port(0)
            .live(client(), topics)
            .notify(
                new NotifyApi(
                    client(), topics, new WatchBook(client(), topics, TopicPolicy.DEFAULT)))
            .start();
    opened.add(web);
    return web;
  }

  static Article article(String id, String source, String headline, String body) {
    return Articles.builder(id, headline, body)
        .setSource(Source.newBuilder().setId(source).setName(source).setFormat("text").build())
        .setPublishedAt(Instant.now())
        .build();
  }

  HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  // --- AC1 -------------------------------------------------------------------------------------

  @Test
  void shouldDeliverANewMatchOfASavedSearchToItsTopicTheUiAndItsFeedButNeverANonMatch()
      throws Exception {
    TopicSet topics = KAFKA.topics("NotifyIT-watch");
    startEnrich(topics, "notify-it-enrich-1");
    startNotify(topics, "notify-it-notify-1", List.of(), List.of());
    WebService web = startWeb(topics);

    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(URI.create(web.url() + "api/watches"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Captagon seizures\",\"query\":\"captagon -ukraine\","
                            + "\"tags\":[\"narcotics\"]}"))
                .build());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).contains("\"id\":\"captagon-seizures\"");
    String id = "captagon-seizures";

    try (Browser browser = Browser.start()) {
      ChromeDriver driver = browser.driver();
      driver.get(web.url() + "watches.html#" + id);
      new WebDriverWait(driver, Duration.ofSeconds(10))
          .until(
              ExpectedConditions.attributeToBe(
                  By.id("match-title"), "textContent", "Matches of Captagon seizures"));

      KAFKA.produce(
          topics.raw(),
          "wire:moldova",
          article("wire:moldova", "wire", "Moldova votes", "Voters in Moldova went to the polls."));
      KAFKA.produce(
          topics.raw(),
          "wire:captagon-ukraine",
          article(
              "wire:captagon-ukraine",
              "wire",
              "Captagon found in Ukraine",
              "Police in Ukraine seized captagon pills."));
      KAFKA.produce(
          topics.raw(),
          "wire:captagon",
          article(
              "wire:captagon",
              "wire",
              "Jordan seizes captagon haul on Syrian border",
              "Jordanian troops seized two million captagon pills smuggled from Syria."));

      List<ConsumerRecord<String, TaggedArticle>> matches =
          KAFKA.consume(topics.watch(id), 1, WITHIN);
      assertThat(matches).extracting(ConsumerRecord::key).containsExactly("wire:captagon");

      new WebDriverWait(driver, WITHIN)
          .until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("#matches li[data-id='wire:captagon']")));
      assertThat(
              driver
                  .findElement(By.cssSelector("#matches li .watch-headline"))
                  .getAttribute("textContent"))
          .isEqualTo("Jordan seizes captagon haul on Syrian border");
    }

    HttpResponse<String> rss =
        send(
            HttpRequest.newBuilder(URI.create(web.url() + "feeds/watches/" + id + ".xml")).build());
    assertThat(rss.statusCode()).isEqualTo(200);
    assertThat(rss.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/rss+xml"));
    SyndFeed feed = new SyndFeedInput().build(new StringReader(rss.body()));
    assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
    assertThat(feed.getEntries())
        .extracting(SyndEntry::getTitle)
        .containsExactly("Jordan seizes captagon haul on Syrian border");

    // Everything tagged so far has been matched: the two non-matches never arrive.
    Progress.awaitConsumed(
        client(), "notify-it-notify-1", topics.tagged().name(), Duration.ofSeconds(30));
    assertThat(KAFKA.consume(topics.watch(id), 2, Duration.ofSeconds(1)))
        .extracting(ConsumerRecord::key)
        .containsExactly("wire:captagon");

    HttpResponse<String> deleted =
        send(HttpRequest.newBuilder(URI.create(web.url() + "api/watches/" + id)).DELETE().build());
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(send(HttpRequest.newBuilder(URI.create(web.url() + "api/watches")).build()).body())
        .doesNotContain(id);
  }

  // --- AC2 -------------------------------------------------------------------------------------

  /** A local webhook receiver answering with a fixed status; records what it got. */
  static final class Receiver implements AutoCloseable {
    record Request(Map<String, List<String>> headers, byte[] body) {}

    final HttpServer server;
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    Receiver(int status) throws Exception {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/hook",
          exchange -> {
            requests.add(
                new Request(
                    exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  static final String EI_HEADLINE = "Russia accused of interfering in Moldova's elections";
  static final String EI_BODY =
      "Officials said Russia interfered in the elections, paying voters and spreading"
          + " disinformation to sway the vote.";

  @Test
  void shouldAlertOnceWhenTheThirdSourceReportsAStoryAndDeliverOrDeadLetterTheWebhook()
      throws Exception {
    TopicSet topics = KAFKA.topics("NotifyIT-alerts");
    Receiver ok = new Receiver(200);
    Receiver broken = new Receiver(500);
    opened.add(ok);
    opened.add(broken);
    startEnrich(topics, "notify-it-enrich-2");
    String app = "notify-it-notify-2";
    startNotify(
        topics,
        app,
        List.of(AlertRule.stories("ei-3", "election-interference", 3, Duration.ofMinutes(10))),
        List.of(
            new Webhook("ok", URI.create(ok.url()), SECRET, null),
            new Webhook("broken", URI.create(broken.url()), SECRET, "ei-3")));
    WebService web = startWeb(topics);

    for (String source : List.of("alpha", "beta")) {
      KAFKA.produce(
          topics.raw(), source + ":ei", article(source + ":ei", source, EI_HEADLINE, EI_BODY));
    }
    List<ConsumerRecord<String, StoryEvent>> events =
        KAFKA.consume(topics.stories(), 3, Duration.ofSeconds(30));
    assertThat(events)
        .extracting(r -> r.value().getKind().name())
        .contains("CREATED", "GREW", "TAGGED");
    assertThat(events.get(events.size() - 1).value().getTags()).contains("election-interference");
    Progress.awaitConsumed(client(), app, topics.stories().name(), Duration.ofSeconds(30));
    assertThat(KAFKA.consume(topics.alerts(), 1, Duration.ofSeconds(1)))
        .as("two sources")
        .isEmpty();

    KAFKA.produce(topics.raw(), "gamma:ei", article("gamma:ei", "gamma", EI_HEADLINE, EI_BODY));
    List<ConsumerRecord<String, Alert>> alerts =
        KAFKA.consume(topics.alerts(), 1, Duration.ofSeconds(30));
    assertThat(alerts).hasSize(1);
    Alert alert = alerts.get(0).value();
    assertThat(alert.getRuleId()).isEqualTo("ei-3");
    assertThat(alert.getSources()).containsExactlyInAnyOrder("alpha", "beta", "gamma");

    // A fourth source does not raise it again.
    KAFKA.produce(topics.raw(), "delta:ei", article("delta:ei", "delta", EI_HEADLINE, EI_BODY));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                KAFKA.consumeToEnd(topics.stories(), Duration.ofSeconds(30)).stream()
                    .anyMatch(r -> "delta:ei".equals(String.valueOf(r.value().getArticleId()))));
    Progress.awaitConsumed(
        client(), "notify-it-enrich-2", topics.raw().name(), Duration.ofSeconds(30));
    Progress.awaitConsumed(client(), app, topics.stories().name(), Duration.ofSeconds(30));
    assertThat(KAFKA.consume(topics.alerts(), 2, Duration.ofSeconds(2))).hasSize(1);

    // The working receiver got it once, signed.
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !ok.requests.isEmpty());
    Receiver.Request got = ok.requests.get(0);
    long ts = Long.parseLong(got.headers().get(WebhookSignature.TIMESTAMP_HEADER).get(0));
    String signature = got.headers().get(WebhookSignature.SIGNATURE_HEADER).get(0);
    assertThat(WebhookSignature.verify(SECRET, ts, got.body(), signature)).isTrue();
    assertThat(WebhookSignature.verify("not-the-secret-at-all", ts, got.body(), signature))
        .isFalse();
    assertThat(new String(got.body(), StandardCharsets.UTF_8)).contains("\"ruleId\":\"ei-3\"");

    // The broken one was tried 3 times, then the alert was dead-lettered with the reason.
    List<ConsumerRecord<byte[], byte[]>> dead =
        KAFKA.consume(topics.dlq(), 1, Duration.ofSeconds(30));
    assertThat(dead).hasSize(1);
    assertThat(broken.requests).hasSize(3);
    assertThat(broken.requests.get(2).headers().get(WebhookSignature.ATTEMPT_HEADER))
        .containsExactly("3");
    assertThat(DeadLetters.get(dead.get(0).headers(), DeadLetters.STAGE)).isEqualTo("webhook");
    assertThat(DeadLetters.get(dead.get(0).headers(), DeadLetters.MESSAGE))
        .contains("broken", "failed 3 times", "HTTP 500");
    assertThat(ok.requests).hasSize(1);

    HttpResponse<String> deliveries =
        send(HttpRequest.newBuilder(URI.create(web.url() + "api/deliveries")).build());
    assertThat(deliveries.body())
        .contains("\"webhookId\":\"ok\"", "\"status\":\"delivered\"")
        .contains("\"webhookId\":\"broken\"", "\"status\":\"dead-lettered\"");
    HttpResponse<String> alertFeed =
        send(HttpRequest.newBuilder(URI.create(web.url() + "feeds/alerts.xml")).build());
    assertThat(new SyndFeedInput().build(new StringReader(alertFeed.body())).getEntries())
        .hasSize(1);
  }

  /** Headless Chromium from the distribution (as the web module's UI tests use it). */
  static final class Browser implements AutoCloseable {
    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
      this.driver = driver;
    }

    static Browser start() throws Exception {
      Path chrome = Path.of(env("CHROME_BIN", "/usr/bin/chromium"));
      Path chromedriver = Path.of(env("CHROMEDRIVER", "/usr/bin/chromedriver"));
      if (!Files.isExecutable(chrome) || !Files.isExecutable(chromedriver)) {
        fail("Chromium is missing: apt-get install chromium chromium-driver");
      }
      ChromeOptions options = new ChromeOptions();
      options.setBinary(chrome.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--user-data-dir=" + Files.createTempDirectory("newspipe-chromium-"));
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File(chromedriver.toString()))
              .usingAnyFreePort()
              .build();
      return new Browser(new ChromeDriver(service, options));
    }

    ChromeDriver driver() {
      return driver;
    }

    private static String env(String name, String fallback) {
      String value = System.getenv(name);
      return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void close() {
      driver.quit();
    }
  }
}
