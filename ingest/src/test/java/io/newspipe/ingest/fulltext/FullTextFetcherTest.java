package io.newspipe.ingest.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.ingest.feed.HostRateLimiter;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.BodySource;
import io.newspipe.testkit.Articles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FullTextFetcherTest {

  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
  private static final ExtractedPage PAGE =
      new ExtractedPage(
          "Page headline",
          "The whole story, paragraph one.\n\nParagraph two.",
          "Page Author",
          "2024-04-30T08:00:00Z",
          "de",
          "https://site.example/lead.jpg");

  @Test
  void shouldKeepTheFeedTextAsSummaryAndFillOnlyWhatTheFeedLeftEmpty() {
    Article feed =
        Articles.builder("f-1", "Feed headline", "One sentence.")
            .setUrl("https://site.example/a")
            .setLanguage("en")
            .setPublishedAt(null)
            .build();

    Article next = FullTextFetcher.withExtractedBody(feed, PAGE, NOW);

    assertThat(next.getId()).isEqualTo("f-1");
    assertThat(next.getBody()).isEqualTo(PAGE.body());
    assertThat(next.getBodySource()).isEqualTo(BodySource.EXTRACTED);
    assertThat(next.getSummary()).isEqualTo("One sentence.");
    assertThat(next.getHeadline()).isEqualTo("Feed headline");
    assertThat(next.getLanguage()).isEqualTo("en");
    assertThat(next.getByline()).isEqualTo("Page Author");
    assertThat(next.getImageUrl()).isEqualTo("https://site.example/lead.jpg");
    assertThat(next.getPublishedAt()).isEqualTo(Instant.parse("2024-04-30T08:00:00Z"));
    assertThat(next.getReceivedAt()).isEqualTo(NOW);
    assertThat(next.getContentHash()).isNotEqualTo(feed.getContentHash());
    assertThat(feed.getBodySource())
        .as("the feed's version is not changed")
        .isEqualTo(BodySource.FEED);
  }

  @Test
  void shouldKeepTheFeedsOwnSummaryAndTakeThePageHeadlineForALinkOnlyItem() {
    Article linkOnly =
        Articles.builder("f-2", "", "").setUrl("https://site.example/b").setSummary(null).build();

    Article next = FullTextFetcher.withExtractedBody(linkOnly, PAGE, NOW);

    assertThat(next.getHeadline()).isEqualTo("Page headline");
    assertThat(next.getSummary()).isNull();
  }

  @Test
  void shouldWantShortItemsWithALinkInAutoAndNothingInNever() {
    try (FullTextFetcher fetcher =
        new FullTextFetcher(
            FullTextSettings.DEFAULTS,
            new HostRateLimiter(Duration.ZERO),
            "test",
            Clock.systemUTC())) {
      Article shortItem = Articles.builder("a", "H", "Short.").setUrl("https://e.org/a").build();
      Article longItem =
          Articles.builder("b", "H", "word ".repeat(200)).setUrl("https://e.org/b").build();
      Article noLink = Articles.builder("c", "H", "Short.").setUrl(null).build();

      assertThat(fetcher.wanted(FullTextMode.AUTO, shortItem)).isTrue();
      assertThat(fetcher.wanted(FullTextMode.AUTO, longItem)).isFalse();
      assertThat(fetcher.wanted(FullTextMode.ALWAYS, longItem)).isTrue();
      assertThat(fetcher.wanted(FullTextMode.NEVER, shortItem)).isFalse();
      assertThat(fetcher.wanted(FullTextMode.ALWAYS, noLink)).isFalse();
    }
  }
}
