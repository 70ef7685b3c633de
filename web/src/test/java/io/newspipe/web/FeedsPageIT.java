package io.newspipe.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.schemas.FeedHealth;
import io.newspipe.schemas.FeedPollOutcome;
import io.newspipe.schemas.TopicSet;
import io.newspipe.store.SqliteStore;
import io.newspipe.testkit.KafkaClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Feeds page in headless Chromium over feed health records on the real in-JVM broker: each feed
 * with its status badge, failing first, and a failing server's message shown as text.
 */
class FeedsPageIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  static final String HOSTILE_MESSAGE =
      "answered HTTP 500 <img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";
  static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir static Path dir;
  static TopicSet topics;
  static SqliteStore store;
  static WebService web;
  static Browser browser;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws Exception {
    topics = KAFKA.topics("FeedsPageIT");
    KAFKA.produce(
        topics.feedHealth(),
        "good",
        health("good", "http://127.0.0.1:9/good.xml", FeedPollOutcome.OK, 200, 0)
            .setItemsSeen(12)
            .setNewItems(2)
            .setLastSuccessAt(NOW)
            .build());
    KAFKA.produce(
        topics.feedHealth(),
        "broken",
        health("broken", "javascript:window.__pwned=3", FeedPollOutcome.HTTP_ERROR, 500, 3)
            .setMessage(HOSTILE_MESSAGE)
            .build());
    KAFKA.produce(
        topics.feedHealth(),
        "quiet",
        health("quiet", "https://quiet.example/feed", FeedPollOutcome.NOT_MODIFIED, 304, 0)
            .setLastSuccessAt(NOW)
            .setSilentSince(NOW.minus(Duration.ofDays(2)))
            .build());
    store = SqliteStore.open(dir.resolve("newspipe.db"));
    web =
        WebService.builder(store)
            .port(0)
            .live(Map.of("bootstrap.servers", KAFKA.bootstrapServers()), topics)
            .start();
    browser = Browser.start();
    driver = browser.driver();
  }

  private static FeedHealth.Builder health(
      String id, String url, FeedPollOutcome outcome, int status, int failures) {
    return FeedHealth.newBuilder()
        .setFeedId(id)
        .setUrl(url)
        .setPolledAt(NOW)
        .setOutcome(outcome)
        .setHttpStatus(status)
        .setConsecutiveFailures(failures);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (web != null) {
        web.close();
      }
      if (store != null) {
        store.close();
      }
    }
  }

  @Test
  void shouldListFeedsWithTheirStatusFailingFirstAndShowServerTextAsText() {
    driver.get(web.url() + "feeds.html");
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#feeds-body tr"), 3));

    List<WebElement> rows = driver.findElements(By.cssSelector("#feeds-body tr"));
    assertThat(rows)
        .extracting(r -> r.getAttribute("data-feed"))
        .containsExactly("broken", "quiet", "good");
    assertThat(rows)
        .extracting(r -> r.findElement(By.cssSelector(".status")).getText())
        .containsExactly("failing", "silent", "ok");
    WebElement broken = rows.get(0);
    assertThat(broken.findElement(By.cssSelector(".failures")).getText()).isEqualTo("3");
    assertThat(broken.findElement(By.cssSelector(".feed-message")).getText())
        .isEqualTo(HOSTILE_MESSAGE);
    assertThat(broken.findElements(By.cssSelector("a.feed-url")))
        .as("a javascript: URL is shown as text, never as a link")
        .isEmpty();
    assertThat(rows.get(1).findElement(By.cssSelector(".silent-since")).getText())
        .isEqualTo("2026-02-28 08:00 UTC");
    WebElement goodLink = rows.get(2).findElement(By.cssSelector("a.feed-url"));
    assertThat(goodLink.getAttribute("href")).isEqualTo("http://127.0.0.1:9/good.xml");
    assertThat(goodLink.getAttribute("rel")).contains("noopener");
    assertThat(driver.findElement(By.id("feeds-summary")).getText())
        .isEqualTo("3 feeds · 1 failing · 1 silent");
    assertThat(driver.findElements(By.cssSelector("main img, main script"))).isEmpty();
    assertThat(driver.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
  }

  @Test
  void shouldLinkToTheFeedsPageFromTheArticlesPage() {
    driver.get(web.url());
    WebElement link =
        new WebDriverWait(driver, Duration.ofSeconds(30))
            .until(ExpectedConditions.elementToBeClickable(By.linkText("Feeds")));

    link.click();

    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("feeds")));
    assertThat(driver.getCurrentUrl()).endsWith("/feeds.html");
  }
}
