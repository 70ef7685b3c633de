package io.newspipe.web;

import static io.newspipe.web.WebFixtures.tagged;
import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.schemas.TaggedArticle;
import io.newspipe.store.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The coverage chart and the story rows in headless Chromium against a real SQLite store: a tag
 * with articles gets a bar chart, one without an empty state; a story of three reports is one row
 * with "+2 reports" and its sources; every row has its tag chips.
 */
class OutputsUiIT {
  static final String QUAKE = "Earthquake strikes off Crete";

  @TempDir static Path dir;
  static SqliteStore store;
  static WebService web;
  static Browser browser;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws Exception {
    store = SqliteStore.open(dir.resolve("newspipe.db"));
    Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
    store.write(
        List.of(
            tagged(
                "wire:c1",
                "Captagon haul seized",
                "Captagon pills.",
                today.minus(Duration.ofDays(3)),
                "narcotics=Captagon"),
            tagged(
                "wire:c2",
                "Captagon lab raided",
                "Captagon lab.",
                today.minus(Duration.ofDays(3)).plusSeconds(60),
                "narcotics=Captagon"),
            tagged(
                "wire:c3",
                "Captagon trial opens",
                "Captagon trial.",
                today.minus(Duration.ofDays(1)),
                "narcotics=Captagon"),
            report("wire:quake", "wire", today.minus(Duration.ofDays(2))),
            report("afp:quake", "afp", today.minus(Duration.ofDays(2)).plusSeconds(600)),
            report("bbc:quake", "bbc", today.minus(Duration.ofDays(2)).plusSeconds(1200))),
        "test",
        Map.of());
    web = WebService.builder(store).port(0).tags(WebFixtures.TAGS).start();
    browser = Browser.start();
    driver = browser.driver();
  }

  static TaggedArticle report(String id, String source, Instant published) {
    return WebFixtures.storyReport(
        id, QUAKE + " (" + source + ")", source, published, "wire:quake");
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      web.close();
      store.close();
    }
  }

  @Test
  void shouldChartTheCoverageOfATagWithArticles() {
    open("#/?tag=narcotics");
    waitFor()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#timeline svg.timeline-chart")));
    List<WebElement> bars =
        driver.findElements(By.cssSelector("#timeline svg.timeline-chart rect.bar"));
    assertThat(bars).hasSize(30); // the default range: the last 30 days, one bar a day
    assertThat(bars.stream().mapToInt(b -> Integer.parseInt(b.getAttribute("data-count"))).sum())
        .isEqualTo(3);
    assertThat(bars.stream().filter(b -> b.getAttribute("data-count").equals("2")).count())
        .isEqualTo(1);
    assertThat(driver.findElement(By.cssSelector("#timeline .timeline-total")).getText())
        .isEqualTo("3 articles in the last 30 days");
    assertThat(driver.findElements(By.cssSelector("#timeline .timeline-empty"))).isEmpty();
    assertThat(driver.findElement(By.linkText("RSS")).getAttribute("href"))
        .endsWith("/feeds/tags/narcotics.xml");

    // Another range redraws it: hourly bars over 48 hours, the article of yesterday in one.
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("timeline-range")))
        .selectByVisibleText("last 48 hours");
    waitFor().until(d -> d.findElements(By.cssSelector("#timeline rect.bar")).size() >= 48);
    assertThat(
            driver.findElements(By.cssSelector("#timeline rect.bar")).stream()
                .mapToInt(b -> Integer.parseInt(b.getAttribute("data-count")))
                .sum())
        .isEqualTo(1);
  }

  @Test
  void shouldShowAnEmptyStateForATagWithoutArticles() {
    open("#/?tag=espionage");
    WebElement empty =
        waitFor()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#timeline .timeline-empty")));
    assertThat(empty.getText()).isEqualTo("No articles with this tag in the last 30 days.");
    assertThat(driver.findElements(By.cssSelector("#timeline svg"))).isEmpty();

    open("#/");
    waitFor()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results li.result")));
    assertThat(driver.findElement(By.id("timeline")).isDisplayed())
        .as("no chart without a tag")
        .isFalse();
  }

  @Test
  void shouldCollapseTheReportsOfOneStoryIntoOneRow() {
    open("#/");
    waitFor()
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results li.result"), 4));
    List<WebElement> rows = driver.findElements(By.cssSelector("#results li.result"));
    List<WebElement> quakeRows = rows.stream().filter(r -> r.getText().contains(QUAKE)).toList();
    assertThat(quakeRows).hasSize(1);
    WebElement quake = quakeRows.get(0);
    assertThat(quake.findElement(By.cssSelector(".reports")).getText()).isEqualTo("+2 reports");
    assertThat(quake.findElement(By.cssSelector(".story-sources")).getText())
        .isEqualTo("afp, bbc, wire");
    assertThat(quake.findElement(By.cssSelector("a.headline")).getText())
        .isEqualTo(QUAKE + " (bbc)");
    // Tag chips on every row.
    for (WebElement row : rows) {
      assertThat(row.findElements(By.cssSelector(".chips .chip"))).as(row.getText()).isNotEmpty();
    }
    assertThat(rows.stream().filter(r -> !r.getText().contains(QUAKE)))
        .allSatisfy(r -> assertThat(r.findElements(By.cssSelector(".reports"))).isEmpty());
  }

  private static void open(String fragment) {
    driver.get("about:blank");
    driver.get(web.url() + fragment);
  }

  private static WebDriverWait waitFor() {
    return new WebDriverWait(driver, Duration.ofSeconds(15));
  }
}
