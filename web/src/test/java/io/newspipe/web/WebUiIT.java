package io.newspipe.web;

import static io.newspipe.web.WebFixtures.tagged;
import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.TopicSet;
import io.newspipe.store.SqliteStore;
import io.newspipe.testkit.KafkaClusterExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * The real UI in headless Chromium against a real SQLite store and the in-JVM Kafka broker: search
 * and read with evidence highlighted, the other reports of a story, live articles without reload,
 * hostile feed text shown as text, and a clear message for an unknown article.
 */
class WebUiIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  // Feed text that would run script if any of it were ever parsed as HTML.
  static final String HOSTILE_HEADLINE =
      "Drone strike <img src=x onerror=\"window.__pwned=1\"> <script>window.__pwned=2</script>";
  static final String HOSTILE_BODY =
      "Witnesses said <img src=x onerror=window.__pwned=3> the drone came at dawn."
          + " <iframe src=\"javascript:window.__pwned=4\"></iframe>";

  static final String QUAKE = "Earthquake strikes off Crete";
  static final String QUAKE_FOLLOW_UP = "Strong quake shakes Crete coast";

  @TempDir static Path dir;
  static TopicSet topics;
  static SqliteStore store;
  static WebService web;
  static Browser browser;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws Exception {
    topics = KAFKA.topics("WebUiIT");
    store = SqliteStore.open(dir.resolve("newspipe.db"));
    TaggedArticle hostile =
        tagged(
            "wire:hostile",
            HOSTILE_HEADLINE,
            HOSTILE_BODY,
            Instant.parse("2024-05-03T10:00:00Z"),
            "middle-east=drone");
    hostile.getArticle().setUrl("javascript:window.__pwned=5");
    // Two reports of one story, as enrich groups them: named after the first report.
    TaggedArticle quake =
        tagged(
            "wire:quake",
            QUAKE,
            "A strong earthquake struck off Crete on Monday.",
            Instant.parse("2024-05-01T06:00:00Z"));
    TaggedArticle quakeFollowUp =
        tagged(
            "other:quake-follow-up",
            QUAKE_FOLLOW_UP,
            "Buildings shook across the island of Crete.",
            Instant.parse("2024-05-01T07:15:00Z"));
    quakeFollowUp.setStoryId("wire:quake");
    store.write(
        List.of(
            tagged(
                "wire:captagon",
                "Jordan seizes captagon haul",
                "Jordanian troops seized captagon pills smuggled from Syria.\n\nThe captagon trade"
                    + " funds armed groups across the region.",
                Instant.parse("2024-05-02T09:30:00Z"),
                "narcotics=captagon",
                "middle-east=Syria"),
            hostile,
            quake,
            quakeFollowUp),
        "test",
        Map.of());
    web =
        WebService.builder(store)
            .port(0)
            .tags(WebFixtures.TAGS)
            .live(Map.of("bootstrap.servers", KAFKA.bootstrapServers()), topics)
            .heartbeat(Duration.ofSeconds(1))
            .start();
    assertThat(web.awaitLive(Duration.ofSeconds(30))).as("live stream at the topic end").isTrue();
    browser = Browser.start();
    driver = browser.driver();
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
  void shouldFindAStoredArticleAndShowItWithItsEvidenceHighlighted() {
    open("#/");
    driver.findElement(By.id("q")).sendKeys("captagon");
    driver.findElement(By.id("search-button")).click();
    WebElement link =
        waitFor()
            .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#results a.headline")));
    assertThat(link.getText()).isEqualTo("Jordan seizes captagon haul");
    assertThat(driver.findElement(By.cssSelector("#results .snippet mark")).getText())
        .isEqualTo("captagon");

    link.click();

    waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("article")));
    assertThat(driver.findElement(By.id("article-headline")).getText())
        .isEqualTo("Jordan seizes captagon haul");
    List<String> headlineMarks =
        texts(driver.findElements(By.cssSelector("#article-headline mark.evidence")));
    assertThat(headlineMarks).containsExactly("captagon");
    List<String> bodyMarks =
        texts(driver.findElements(By.cssSelector("#article-body mark.evidence")));
    assertThat(bodyMarks).containsExactly("captagon", "Syria", "captagon");
    assertThat(
            driver
                .findElement(By.cssSelector("#article-body mark.evidence[data-tag='middle-east']"))
                .getText())
        .isEqualTo("Syria");
    assertThat(texts(driver.findElements(By.cssSelector("#article-tags .tag-head .chip"))))
        .containsExactly("Middle East", "Narcotics");
    assertThat(driver.findElement(By.cssSelector("#article-meta a.original")).getAttribute("href"))
        .isEqualTo("https://news.example/wire:captagon");

    // Choosing a tag leaves only its own evidence highlighted.
    driver.findElement(By.cssSelector("#article-chips .chip[data-tag='narcotics']")).click();
    assertThat(texts(driver.findElements(By.cssSelector("#article-body mark.evidence.dimmed"))))
        .containsExactly("Syria");
  }

  @Test
  void shouldShowAnArticlePublishedWhileThePageIsOpenWithoutReload() {
    open("#/");
    waitFor().until(ExpectedConditions.textToBe(By.id("live-status"), "live"));
    Object marker = driver.executeScript("window.__sameDocument = true; return 1;");
    assertThat(marker).isEqualTo(1L);

    TaggedArticle fresh =
        tagged(
            "wire:live-1",
            "Customs seize cocaine at Rotterdam port",
            "Officers found cocaine in a banana shipment.",
            Instant.now(),
            "narcotics=cocaine");
    KAFKA.produce(topics.tagged(), fresh.getArticle().getId(), fresh);

    WebElement item =
        waitFor()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.xpath(
                        "//ol[@id='live-list']//a[text()='Customs seize cocaine at Rotterdam port']")));
    assertThat(item.getAttribute("href")).endsWith("#/article/wire%3Alive-1");
    assertThat(driver.executeScript("return window.__sameDocument === true")).isEqualTo(true);
  }

  @Test
  void shouldShowHostileFeedTextAsTextAndRunNothing() {
    open("#/article/" + URLEncoder.encode("wire:hostile", StandardCharsets.UTF_8));
    WebElement headline =
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("article-headline")));
    assertThat(headline.getText()).isEqualTo(HOSTILE_HEADLINE);
    assertThat(driver.findElement(By.id("article-body")).getText()).isEqualTo(HOSTILE_BODY);
    assertThat(driver.findElements(By.cssSelector("#article-meta a.original")))
        .as("a javascript: URL is not made a link")
        .isEmpty();

    // The same text in a result list and in the live panel.
    TaggedArticle live = tagged("wire:hostile-live", HOSTILE_HEADLINE, HOSTILE_BODY, Instant.now());
    open("#/?q=drone");
    waitFor().until(ExpectedConditions.textToBe(By.id("live-status"), "live"));
    KAFKA.produce(topics.tagged(), live.getArticle().getId(), live);
    waitFor()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("live-list"), "<script>window.__pwned=2</script>"));
    assertThat(driver.findElement(By.cssSelector("#results a.headline")).getText())
        .isEqualTo(HOSTILE_HEADLINE);

    assertThat(driver.findElements(By.cssSelector("main img, main script, main iframe"))).isEmpty();
    assertThat(driver.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
  }

  @Test
  void shouldListTheOtherReportsOfTheStoryAndOpenOne() {
    open("#/article/" + URLEncoder.encode("wire:quake", StandardCharsets.UTF_8));
    WebElement title =
        waitFor()
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("article-story-title")));
    assertThat(title.getText()).isEqualToIgnoringCase("Other reports of this story (1)");
    // Newest first, this article included but marked, and only the other one a link.
    assertThat(texts(driver.findElements(By.cssSelector("#article-story-list .headline"))))
        .containsExactly(QUAKE_FOLLOW_UP, QUAKE);
    assertThat(texts(driver.findElements(By.cssSelector("#article-story-list .when"))))
        .containsExactly("2024-05-01 07:15 UTC", "2024-05-01 06:00 UTC");
    assertThat(texts(driver.findElements(By.cssSelector("#article-story-list .source"))))
        .containsExactly("test", "test");
    assertThat(texts(driver.findElements(By.cssSelector("#article-story-list a.headline"))))
        .containsExactly(QUAKE_FOLLOW_UP);
    assertThat(
            driver.findElement(By.cssSelector("#article-story-list li.current .badge")).getText())
        .isEqualTo("this report");

    driver.findElement(By.linkText(QUAKE_FOLLOW_UP)).click();

    waitFor().until(ExpectedConditions.textToBe(By.id("article-headline"), QUAKE_FOLLOW_UP));
    WebElement back =
        waitFor()
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#article-story-list a.headline")));
    assertThat(back.getText()).isEqualTo(QUAKE);
    assertThat(back.getAttribute("href")).endsWith("#/article/wire%3Aquake");
  }

  @Test
  void shouldSayClearlyWhenAnArticleDoesNotExist() {
    open("#/article/" + URLEncoder.encode("nope:missing", StandardCharsets.UTF_8));
    WebElement message =
        waitFor()
            .until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#message.notfound")));
    assertThat(message.getText()).startsWith("No article with id “nope:missing”");
    assertThat(driver.findElement(By.id("article")).isDisplayed()).isFalse();
  }

  private static void open(String fragment) {
    // A fresh document each time: navigating from about:blank, not just changing the hash.
    driver.get("about:blank");
    driver.get(web.url() + fragment);
  }

  private static WebDriverWait waitFor() {
    return new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  private static List<String> texts(List<WebElement> elements) {
    return elements.stream().map(WebElement::getText).toList();
  }
}
