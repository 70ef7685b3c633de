package io.newspipe.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.ingest.format.Format;
import io.newspipe.ingest.fulltext.FullTextMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeedSpecTest {

  @Test
  void shouldReadTheCompactFormTheConfigLoaderWrites() {
    FeedSpec spec =
        FeedSpec.parse(
            "id=ap-ninjs;url=https://wire.example.org/ap.json;interval=90s;format=ninjs");

    assertThat(spec.id()).isEqualTo("ap-ninjs");
    assertThat(spec.url().getHost()).isEqualTo("wire.example.org");
    assertThat(spec.interval()).isEqualTo(Duration.ofSeconds(90));
    assertThat(spec.format()).isEqualTo(Format.NINJS);
    assertThat(spec.enabled()).isTrue();
  }

  @Test
  void shouldDefaultToFiveMinutesAndDetectedFormat() {
    FeedSpec spec = FeedSpec.parse("id=bbc;url=https://feeds.example.org/rss.xml");

    assertThat(spec.interval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(spec.format()).isNull();
    assertThat(spec.fullText()).isEqualTo(FullTextMode.AUTO);
  }

  @Test
  void shouldReadTheFullTextModeAndRefuseUnknownOnes() {
    assertThat(FeedSpec.parse("id=b;url=https://e.org/f;fullText=always").fullText())
        .isEqualTo(FullTextMode.ALWAYS);
    assertThat(FeedSpec.parse("id=b;url=https://e.org/f;fullText=Never").fullText())
        .isEqualTo(FullTextMode.NEVER);
    assertThatThrownBy(() -> FeedSpec.parse("id=b;url=https://e.org/f;fullText=sometimes"))
        .hasMessageContaining("feed 'b'")
        .hasMessageContaining("auto, always or never");
  }

  @Test
  void shouldExplainBadEntries() {
    assertThatThrownBy(() -> FeedSpec.parse("id=x;url=ftp://example.org/f"))
        .hasMessageContaining("http:// or https://");
    assertThatThrownBy(() -> FeedSpec.parse("id=x;url=https://e.org/f;interval=1s"))
        .hasMessageContaining("shorter than 10s");
    assertThatThrownBy(() -> FeedSpec.parse("id=x;url=https://e.org/f;interval=soon"))
        .hasMessageContaining("90s, 5m, 1h");
    assertThatThrownBy(() -> FeedSpec.parse("id=x;url=https://e.org/f;colour=red"))
        .hasMessageContaining("unknown key 'colour'");
    assertThatThrownBy(() -> FeedSpec.parse("url=https://e.org/f"))
        .hasMessageContaining("needs an id and a url");
  }

  @Test
  void shouldGrowBackoffExponentiallyWithJitterUpToTheCeiling() {
    Duration base = Duration.ofSeconds(10);
    Duration max = Duration.ofMinutes(5);

    Duration first = Backoff.delay(base, 1, max);
    Duration third = Backoff.delay(base, 3, max);
    Duration tenth = Backoff.delay(base, 10, max);

    assertThat(first).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
    assertThat(third).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40));
    assertThat(tenth).isBetween(Duration.ofSeconds(150), max);
  }

  @Test
  void shouldReadRetryAfterAsSecondsOrHttpDate() {
    HttpFetcher fetcher =
        new HttpFetcher(
            HttpSettings.DEFAULTS,
            java.time.Clock.fixed(
                java.time.Instant.parse("2025-06-01T12:00:00Z"), java.time.ZoneOffset.UTC));

    assertThat(fetcher.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
    assertThat(fetcher.retryAfter("Sun, 01 Jun 2025 12:10:00 GMT"))
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(fetcher.retryAfter("soon")).isNull();
  }
}
