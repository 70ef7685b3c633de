package io.newspipe.ingest.fulltext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.newspipe.ingest.feed.FeedSource;
import io.newspipe.ingest.feed.FeedSpec;
import io.newspipe.ingest.feed.HttpSettings;
import io.newspipe.ingest.format.ArticleParser;
import io.newspipe.ingest.publish.ArticlePublisher;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.BodySource;
import io.newspipe.schemas.TopicSet;
import io.newspipe.testkit.KafkaClusterExtension;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Full-text fetching against a real local HTTP server and a real broker: a summary-only item is
 * published with the feed's sentence, then as version 2 with the page's text; a link-only item is
 * published once, with the page's text; pages that must not or cannot be used leave the feed's
 * text, log one line each, and hold up no other feed.
 */
class FullTextIT {

  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  private static final Clock CLOCK = Clock.systemUTC();
  private static final HttpSettings HTTP = HttpSettings.DEFAULTS.withPerHostInterval(Duration.ZERO);
  private static final FullTextSettings FULL_TEXT =
      FullTextSettings.DEFAULTS
          .withLoopbackAllowed()
          .withLimits(5L * 1024 * 1024, Duration.ofSeconds(3));
  private static final List<String> PAGES =
      List.of(
          "/news/harbour",
          "/private/report",
          "/news/gone",
          "/news/huge",
          "/news/slow",
          "/news/moved");

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(FullTextFetcher.class);

  @BeforeEach
  void captureLog() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    logger.detachAppender(log);
  }

  @Test
  void shouldPublishExtractedBodyAsVersionTwoAndKeepFeedTextWherePagesFail() throws Exception {
    TopicSet topics = KAFKA.topics("fullText");
    KAFKA.createTopics(topics.ingestState());
    try (PageServer site = new PageServer();
        PageServer other = new PageServer();
        ArticlePublisher publisher = new ArticlePublisher(KAFKA.producerProps(), topics)) {
      site.feed =
          PageServer.rssWithLinkOnlyItem(
              site.base(), "/news/link-only", PAGES.toArray(String[]::new));
      other.feed = PageServer.rss(other.base(), "/news/other-story");
      List<FeedSpec> feeds =
          List.of(
              new FeedSpec(
                  "site", URI.create(site.base() + "/feed"), Duration.ofHours(1), null, true),
              new FeedSpec(
                  "other",
                  URI.create(other.base() + "/feed"),
                  Duration.ofHours(1),
                  null,
                  true,
                  FullTextMode.NEVER));
      try (FeedSource source =
          new FeedSource(
              feeds, Map.of(), HTTP, FULL_TEXT, new ArticleParser(CLOCK), publisher, CLOCK)) {
        source.start();

        // every item is published with the feed text at once, whatever the pages do
        await().atMost(Duration.ofSeconds(20)).until(() -> source.published() == 7);
        assertThat(other.requests).contains("/feed").doesNotContain("/news/other-story");

        await().atMost(Duration.ofSeconds(30)).until(() -> warnings().size() == 5);
        await().atMost(Duration.ofSeconds(10)).until(() -> source.extractedPages() == 2);
      }

      List<ConsumerRecord<String, Article>> records =
          KAFKA.consume(topics.raw(), 10, Duration.ofSeconds(5));
      Map<String, List<Article>> byUrl =
          records.stream()
              .map(ConsumerRecord::value)
              .collect(Collectors.groupingBy(a -> URI.create(a.getUrl()).getPath()));

      List<Article> harbour = byUrl.get("/news/harbour");
      assertThat(harbour).extracting(Article::getVersion).containsExactly(1, 2);
      assertThat(harbour.get(0).getBodySource()).isEqualTo(BodySource.FEED);
      assertThat(harbour.get(0).getBody()).isEqualTo("Harbour channel reopens.");
      Article extracted = harbour.get(1);
      assertThat(extracted.getId()).isEqualTo(harbour.get(0).getId());
      assertThat(extracted.getBodySource()).isEqualTo(BodySource.EXTRACTED);
      assertThat(extracted.getBody())
          .startsWith(PageServer.ARTICLE_TEXT)
          .contains("Paragraph 6 of the report")
          .doesNotContain("Home")
          .doesNotContain("Copyright the site");
      assertThat(extracted.getSummary()).isEqualTo("Harbour channel reopens.");
      assertThat(extracted.getLanguage()).isEqualTo("en");
      assertThat(extracted.getContentHash()).isNotEqualTo(harbour.get(0).getContentHash());

      for (String failing : PAGES.subList(1, PAGES.size())) {
        assertThat(byUrl.get(failing))
            .as(failing)
            .singleElement()
            .satisfies(
                a -> {
                  assertThat(a.getVersion()).isEqualTo(1);
                  assertThat(a.getBody()).isEqualTo("Harbour channel reopens.");
                  assertThat(a.getBodySource()).isEqualTo(BodySource.FEED);
                });
      }
      assertThat(byUrl.get("/news/link-only"))
          .as("a link-only item is published once its page gave it a headline and text")
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.getVersion()).isEqualTo(1);
                assertThat(a.getHeadline()).isEqualTo("Channel reopens");
                assertThat(a.getBody()).startsWith(PageServer.ARTICLE_TEXT);
                assertThat(a.getBodySource()).isEqualTo(BodySource.EXTRACTED);
                assertThat(a.getSummary()).isNull();
              });
      assertThat(site.requests).doesNotContain("/private/report");
      assertThat(records).hasSize(9);
    }

    List<String> lines = warnings();
    assertThat(lines).hasSize(5);
    assertThat(line(lines, "/private/report")).contains("robots.txt");
    assertThat(line(lines, "/news/gone")).contains("404");
    assertThat(line(lines, "/news/huge")).contains("larger than 5242880 bytes");
    assertThat(line(lines, "/news/slow")).contains("did not answer within 3 s");
    assertThat(line(lines, "/news/moved")).contains("non-public address 10.255.255.1");
    assertThat(lines).allSatisfy(l -> assertThat(l).contains("keeps the feed's text"));
  }

  private List<String> warnings() {
    List<ILoggingEvent> events;
    synchronized (log) { // fetch threads may still append; logback appends under this monitor
      events = new ArrayList<>(log.list);
    }
    return events.stream()
        .filter(e -> e.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  private static String line(List<String> lines, String path) {
    return lines.stream()
        .filter(l -> l.contains(path + " "))
        .findFirst()
        .orElse("(no line for " + path + ")");
  }
}
