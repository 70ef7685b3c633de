package io.newspipe.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedSourceTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  @Test
  void shouldWaitForTheIntervalOfAFeedPolledJustBeforeARestart() {
    List<Duration> delays =
        FeedSource.firstPolls(List.of(NOW.minusSeconds(20)), List.of(Duration.ofMinutes(5)), NOW);

    assertThat(delays).containsExactly(Duration.ofSeconds(280));
  }

  @Test
  void shouldStaggerFeedsThatAreDueNow() {
    List<Duration> delays =
        FeedSource.firstPolls(
            Arrays.asList(null, NOW.minusSeconds(600), NOW.minusSeconds(30), null),
            List.of(
                Duration.ofMinutes(5),
                Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                Duration.ofMinutes(1)),
            NOW);

    assertThat(delays)
        .containsExactly(
            Duration.ZERO,
            FeedSource.STAGGER,
            Duration.ofSeconds(30),
            FeedSource.STAGGER.multipliedBy(2));
  }
}
