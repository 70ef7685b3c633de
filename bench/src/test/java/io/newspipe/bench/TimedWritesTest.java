package io.newspipe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.schemas.TaggedArticle;
import io.newspipe.store.ArticleWrites;
import io.newspipe.testkit.Articles;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class TimedWritesTest {

  /** Writes through to nothing: only the timing is under test. */
  private static final ArticleWrites NOWHERE =
      new ArticleWrites() {
        @Override
        public void write(
            List<TaggedArticle> batch, String group, Map<TopicPartition, Long> nextOffsets) {}

        @Override
        public Map<TopicPartition, Long> offsets(String group) {
          return Map.of();
        }
      };

  private static TaggedArticle published(String id, long epochMillis) {
    return Articles.tagged(
        Articles.builder(id, "headline", "body")
            .setPublishedAt(Instant.ofEpochMilli(epochMillis))
            .build());
  }

  @Test
  void shouldTimeOnlyTheArticlesOfTheRunAndSplitOffItsFirstSeconds() {
    TimedWrites timed = new TimedWrites(NOWHERE, "run:");
    long before = System.currentTimeMillis();
    long start = before - 10_000; // a phase that began 10 s ago: latencies of 10, 7 and 2 s
    timed.write(
        List.of(
            published("run:1", start),
            published("warm-up", start),
            published("run:2", start + 3_000),
            published("run:3", start + 8_000)),
        "g",
        Map.of());
    long slack = System.currentTimeMillis() - before; // the time the write itself took

    assertThat(timed.count()).isEqualTo(3);
    assertThat(timed.percentile(1.0)).isBetween(10_000L, 10_000L + slack);
    assertThat(timed.percentile(0.5)).isBetween(7_000L, 7_000L + slack);
    // From 5 s into the phase only the third article counts.
    assertThat(timed.percentile(1.0, start + 5_000)).isBetween(2_000L, 2_000L + slack);
    assertThat(timed.percentile(0.5, start + 9_000)).isEqualTo(-1);
    List<Long> worst = timed.worstBySecond(start, 10);
    assertThat(worst).hasSize(10);
    assertThat(worst.get(0)).isBetween(10_000L, 10_000L + slack);
    assertThat(worst.get(3)).isBetween(7_000L, 7_000L + slack);
    assertThat(worst.get(8)).isBetween(2_000L, 2_000L + slack);
    assertThat(worst.get(1)).isZero();
  }
}
